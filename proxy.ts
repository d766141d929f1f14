import { NextResponse, type NextRequest } from 'next/server';
import { ADMIN_PATH_HEADER, signInPathFor } from '@/lib/auth/return-path';
import { SESSION_COOKIE } from '@/lib/auth/session-token';
import { contentSecurityPolicy, newNonce, transportSecurity } from '@/lib/security-headers';

/**
 * Runs before every page and route: gives the response a Content-Security-Policy with a fresh
 * nonce (Next reads it from the request and puts it on its scripts), and, as a convenience only,
 * sends a page request to /admin without a session cookie to the sign-in page. That proves
 * nothing about the cookie: every admin page and server action checks the session itself.
 * POSTs (server actions) pass through so that their own check answers them (a body larger than
 * any form sends never gets here: scripts/serve.ts refuses it, lib/body-limit.ts), and admin
 * responses are never stored by any cache.
 */
export function proxy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  const admin = pathname === '/admin' || pathname.startsWith('/admin/');
  const isPage = request.method === 'GET' || request.method === 'HEAD';
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development' });

  let response: NextResponse;
  if (admin && isPage && pathname !== '/admin/login' && !request.cookies.has(SESSION_COOKIE)) {
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
  const hsts = transportSecurity();
  if (hsts) response.headers.set('Strict-Transport-Security', hsts);
  if (admin) response.headers.set('Cache-Control', 'no-store');
  return response;
}

// Everything but Next's own static files, which carry the static headers of next.config.ts.
export const config = { matcher: ['/((?!_next/static|_next/image).*)'] };
