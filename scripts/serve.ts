/**
 * The production server (started by scripts/start.ts with NODE_ENV=production): Next's request
 * handler behind the public page cache of lib/page-cache, on PORT.
 */
import { createServer } from 'node:http';
import next from 'next';
import { closeDb, getDb } from '@/db/index';
import { readDataVersion } from '@/db/queries/data-version';
import { withPageCache } from '@/lib/page-cache/handler';

const port = Number(process.env.PORT || 3000);

async function main(): Promise<void> {
  const app = next({ dev: false, dir: process.cwd(), port });
  await app.prepare();
  const handle = withPageCache(app.getRequestHandler(), { dataVersion: () => readDataVersion(getDb()).version });
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error(err);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  server.listen(port, () => console.log(`Serving on http://localhost:${port}`));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      server.close();
      server.closeAllConnections();
      void app.close().finally(() => {
        closeDb();
        process.exit(0);
      });
    });
  }
}

main().catch((err: unknown) => {
  console.error(`The server could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
