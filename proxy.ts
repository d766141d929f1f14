import { NextResponse, type NextRequest } from 'next/server';
import { ADMIN_PATH_HEADER, signInPathFor } from '@/lib/auth/return-path';
import { SESSION_COOKIE } from '@/lib/auth/session-token';
import { contentSecurityPolicy, newNonce } from '@/lib/security-headers';
import { bodyLimitFor, IMPORT_PATH } from '@/lib/validation/upload-limit';

/**
 * Runs before every page and route: gives the response a Content-Security-Policy with a fresh
 * nonce (Next reads it from the request and puts it on its scripts), and, as a convenience only,
 * sends a page request to /admin without a session cookie to the sign-in page. That proves
 * nothing about the cookie: every admin page and server action checks the session itself.
 * POSTs (server actions) pass through so that their own check answers them, unless their body is
 * larger than any form sends (lib/validation/upload-limit.ts), and admin responses are never
 * stored by any cache.
 */
export function proxy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  const admin = pathname === '/admin' || pathname.startsWith('/admin/');
  const isPage = request.method === 'GET' || request.method === 'HEAD';
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development' });

  let response: NextResponse;
  const length = Number(request.headers.get('content-length') ?? 0);
  if (!isPage && length > bodyLimitFor(pathname)) {
    // Turned away before it is read: an upload over the limit goes back to its page, which says
    // so (without JavaScript; with it, the form checks the file's size before sending it).
    response =
      pathname === IMPORT_PATH
        ? NextResponse.redirect(new URL(`${IMPORT_PATH}?too-large=1`, request.url), 303)
        : new NextResponse('The request is too large.\n', { status: 413, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  } else if (admin && isPage && pathname !== '/admin/login' && !request.cookies.has(SESSION_COOKIE)) {
    // The page asked for is where sign-in comes back to.
    response = NextResponse.redirect(new URL(signInPathFor(`${pathname}${request.nextUrl.search}`), request.url));
  } else {
    const headers = new Headers(request.headers);
    headers.set('x-nonce', nonce);
    // Where a page that finds the session over (requireAdmin) sends the editor back after sign-in;
    // replaced on every request, so a client cannot choose it (and it is checked there anyway).
    if (admin) headers.set(ADMIN_PATH_HEADER, `${pathname}${request.nextUrl.search}`);
    else headers.delete(ADMIN_PATH_HEADER);
    headers.set('Content-Security-Policy', csp);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set('Content-Security-Policy', csp);
  if (admin) response.headers.set('Cache-Control', 'no-store');
  return response;
}

// Everything but Next's own static files, which carry the static headers of next.config.ts.
export const config = { matcher: ['/((?!_next/static|_next/image).*)'] };
