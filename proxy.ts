import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE } from '@/lib/auth/session-token';

/**
 * A convenience only: a page request to /admin without a session cookie goes straight to the
 * sign-in page. It proves nothing about the cookie; every admin page and server action checks
 * the session itself. POSTs (server actions) pass through so that their own check is what
 * answers them, and every admin response is marked not to be stored by any cache.
 */
export function proxy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  const isPage = request.method === 'GET' || request.method === 'HEAD';
  if (isPage && pathname !== '/admin/login' && !request.cookies.has(SESSION_COOKIE)) {
    const response = NextResponse.redirect(new URL('/admin/login', request.url));
    response.headers.set('Cache-Control', 'no-store');
    return response;
  }
  const response = NextResponse.next();
  response.headers.set('Cache-Control', 'no-store');
  return response;
}

export const config = { matcher: ['/admin', '/admin/:path*'] };
