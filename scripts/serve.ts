/**
 * The production server (started by scripts/start.ts with NODE_ENV=production): Next's request
 * handler behind the public page cache of lib/page-cache, on PORT. Every request first gets the
 * client's address written into a header of its own (lib/auth/client-address.ts), replacing
 * whatever the client sent under that name, for the sign-in throttle.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { parse } from 'node:url';
import next from 'next';
import { closeDb, getDb } from '@/db/index';
import { findActiveSession } from '@/db/queries/sessions';
import { hashSessionToken, sessionTokenFromCookieHeader } from '@/lib/auth/session-token';
import { withBodyLimit } from '@/lib/body-limit';
import { clientAddressStamper } from '@/lib/auth/client-address';
import { withPageCache } from '@/lib/page-cache/handler';
import { publicPageVersion } from '@/lib/page-cache/versions';
import { isAdminPage, pageExists, withMissingPages } from '@/lib/missing-page';

const port = Number(process.env.PORT || 3000);

async function main(): Promise<void> {
  // Before Next starts: a bad TRUST_PROXY stops the server with its message.
  const stampClientAddress = clientAddressStamper();
  const app = next({ dev: false, dir: process.cwd(), port });
  await app.prepare();
  const nextHandle = app.getRequestHandler();
  const handle = withPageCache(nextHandle, { pageVersion: (pathname) => publicPageVersion(getDb(), pathname) });
  // An event, source or figure that does not exist gets Next's full 404 page, readable without
  // JavaScript (lib/missing-page.ts): the address stays, Next renders its not-found route.
  const notFound = (req: IncomingMessage, res: ServerResponse) => nextHandle(req, res, { ...parse(req.url ?? '/', true), pathname: '/_not-found' });
  const signedIn = (req: IncomingMessage) => {
    const token = sessionTokenFromCookieHeader(req.headers.cookie);
    return token !== undefined && findActiveSession(getDb(), hashSessionToken(token)) !== undefined;
  };
  // An admin page is said to be missing only to an editor: anyone else is sent to sign in by the
  // page, as for any admin address, and learns nothing of which ids exist.
  const pages = withMissingPages(handle, notFound, (page, req) => (isAdminPage(page) && !signedIn(req)) || pageExists(getDb(), page));
  // A body larger than any form sends is refused before Next buffers it (lib/body-limit.ts).
  const answer = withBodyLimit(pages, signedIn);
  const server = createServer((req, res) => {
    stampClientAddress(req);
    answer(req, res).catch((err: unknown) => {
      console.error(err);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  server.listen(port, () => console.log(`Serving on http://localhost:${port}`));
  // Ctrl-C reaches this process twice (from the terminal's process group and from start.ts):
  // the first signal starts one orderly stop, later ones are ignored. Requests in progress get a
  // few seconds to finish; idle connections close at once.
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      server.close();
      server.closeIdleConnections();
      const drained = new Promise<void>((resolve) => {
        server.once('close', () => resolve());
        setTimeout(() => {
          server.closeAllConnections();
          resolve();
        }, 5_000).unref();
      });
      void drained
        .then(() => app.close())
        .finally(() => {
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
