import type { IncomingMessage, ServerResponse } from 'node:http';
import { bodyLimitFor, FORM_BODY_LIMIT, IMPORT_PATH } from '@/lib/validation/upload-limit';

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** What a request with a body gets instead of Next, when it may not go on: a status and either a page to go to or a message. */
export type BodyRefusal = { status: 303; location: string } | { status: 411 | 413; message: string };

/**
 * Whether a request's body may reach Next (null) or is refused by its declared size alone: no
 * form sends more than 2 MB but the CSV upload (20 MB and the form's fields), and the upload's
 * allowance is only for a signed-in editor (`signedIn`, asked only for a body over 2 MB). A body
 * of unknown length (chunked) is refused: every form a browser sends says its length.
 */
export function bodyRefusal(req: { method?: string; url?: string; headers: IncomingMessage['headers'] }, signedIn: () => boolean): BodyRefusal | null {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return null;
  const declared = req.headers['content-length'];
  if (declared === undefined) {
    return req.headers['transfer-encoding'] ? { status: 411, message: 'Send the length of the request (Content-Length).\n' } : null;
  }
  const length = Number(declared);
  const pathname = (req.url ?? '/').split('?')[0];
  if (!Number.isSafeInteger(length) || length < 0) return { status: 413, message: 'The request is too large.\n' };
  if (length <= FORM_BODY_LIMIT) return null;
  if (pathname !== IMPORT_PATH) return { status: 413, message: 'The request is too large.\n' };
  if (length > bodyLimitFor(pathname)) return { status: 303, location: `${IMPORT_PATH}?too-large=1` };
  return signedIn() ? null : { status: 303, location: `/admin/login?next=${encodeURIComponent(IMPORT_PATH)}` };
}

/**
 * Refuses, before Next buffers anything, a body larger than any form of this site sends
 * (`bodyRefusal`): the body is read and thrown away as it arrives, never kept, and the answer is
 * sent once it has arrived (a browser shows an answer sent while it is still uploading as a reset
 * connection). The connection is closed after it. Served by scripts/serve.ts; `next dev` has no
 * such check.
 */
export function withBodyLimit(handle: Handle, signedIn: (req: IncomingMessage) => boolean): Handle {
  return async (req, res) => {
    const refusal = bodyRefusal(req, () => signedIn(req));
    if (!refusal) return handle(req, res);
    await new Promise<void>((resolve) => {
      req.on('end', resolve);
      req.on('error', () => resolve());
      req.on('close', () => resolve());
      req.resume();
    });
    res.shouldKeepAlive = false;
    if (refusal.status === 303) {
      res.writeHead(303, { Location: refusal.location, 'Cache-Control': 'no-store', Connection: 'close' });
      res.end();
    } else {
      res.writeHead(refusal.status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' });
      res.end(refusal.message);
    }
  };
}
