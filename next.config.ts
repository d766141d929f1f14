import type { NextConfig } from 'next';
import { STATIC_SECURITY_HEADERS } from './lib/security-headers';

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  experimental: {
    // The admin CSV upload (lib/validation/import-upload.ts allows 20 MB) plus multipart overhead.
    serverActions: { bodySizeLimit: '21mb' },
  },
  // Headers on every response, static files included; the per-request CSP comes from proxy.ts.
  headers: async () => [{ source: '/:path*', headers: STATIC_SECURITY_HEADERS }],
};

export default nextConfig;
