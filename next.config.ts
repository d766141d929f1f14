import type { NextConfig } from 'next';
import { PUBLIC_API_HEADERS, STATIC_SECURITY_HEADERS } from './lib/security-headers';

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  experimental: {
    // The admin CSV upload (lib/validation/upload-limit.ts allows 20 MB) plus multipart overhead;
    // scripts/serve.ts refuses larger bodies, and bodies over 2 MB unless they are a signed-in
    // editor's upload, before Next reads them (lib/body-limit.ts).
    serverActions: { bodySizeLimit: '21mb' },
    // proxy.ts runs on every request, and Next keeps a copy of the body for it: 10 MB by default,
    // which cut larger uploads short (a bare 500).
    proxyClientMaxBodySize: '21mb',
  },
  // Headers on every response, static files included; the per-request CSP comes from proxy.ts.
  headers: async () => [
    { source: '/:path*', headers: STATIC_SECURITY_HEADERS },
    { source: '/api/:path*', headers: PUBLIC_API_HEADERS },
  ],
};

export default nextConfig;
