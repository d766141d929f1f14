/** The request header in which proxy.ts passes an admin request's own path on (set by it, never taken from the client). */
export const ADMIN_PATH_HEADER = 'x-admin-path';

/** Where sign-in sends an editor when no page was asked for. */
export const DEFAULT_ADMIN_PATH = '/admin/figures';

// Any origin will do: only a path of this site may come out of it.
const HERE = 'http://this.site';

/**
 * The admin page an editor asked for before signing in (`next` in the sign-in address), as a
 * path of this site, or null. Only a path under /admin (not the sign-in page itself) is taken,
 * read as the browser would read it: `//evil.example`, `/\evil.example`, `https://…`, `/admin/../x`
 * and control characters all give null, so sign-in can never send anyone elsewhere.
 */
export function adminReturnPath(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 2000 || !raw.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, HERE);
  } catch {
    return null;
  }
  if (url.origin !== HERE || !url.pathname.startsWith('/admin/') || url.pathname === '/admin/login') return null;
  return `${url.pathname}${url.search}`;
}

/** The sign-in address that comes back to `path` (a path under /admin) once signed in. */
export function signInPathFor(path: string): string {
  const back = adminReturnPath(path);
  return back && back !== DEFAULT_ADMIN_PATH ? `/admin/login?${new URLSearchParams({ next: back })}` : '/admin/login';
}
