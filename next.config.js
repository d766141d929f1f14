// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  experimental: {
    // The admin CSV upload (lib/validation/import-upload.ts allows 20 MB) plus multipart overhead.
    serverActions: { bodySizeLimit: '21mb' },
  },
};

module.exports = nextConfig;
