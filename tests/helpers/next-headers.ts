/**
 * Stands in for `next/headers` in vitest, where server actions and pages run outside a Next
 * request: `vi.mock('next/headers', () => import('../helpers/next-headers'))`, then set
 * `requestCookies` to what the browser would send. Cookies an action sets land in the same map.
 * `requestHeaders` are the request's other headers (none unless a test sets some).
 */
export const requestCookies = new Map<string, string>();
export const requestHeaders = new Map<string, string>();

type Cookie = { name: string; value: string };

/** The request's cookies, as `cookies()` gives them to server code. */
export async function cookies() {
  return {
    get: (name: string): Cookie | undefined => (requestCookies.has(name) ? { name, value: requestCookies.get(name)! } : undefined),
    getAll: (): Cookie[] => [...requestCookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => requestCookies.has(name),
    set: (name: string, value: string) => {
      requestCookies.set(name, value);
    },
    delete: (name: string) => {
      requestCookies.delete(name);
    },
  };
}

/** The request's headers, as `headers()` gives them to server code. */
export async function headers(): Promise<Headers> {
  return new Headers([...requestHeaders]);
}

/** Where a thrown Next redirect sends the browser, or null if `err` is not a redirect. */
export function redirectTarget(err: unknown): string | null {
  if (typeof err !== 'object' || err === null || !('digest' in err) || typeof err.digest !== 'string') return null;
  const parts = err.digest.split(';');
  return parts[0] === 'NEXT_REDIRECT' ? parts.slice(2, -2).join(';') : null;
}

/** Runs an action or page and returns where it redirected; fails if it returned instead. */
export async function expectRedirect(run: () => Promise<unknown>): Promise<string> {
  try {
    const result = await run();
    throw new Error(`expected a redirect, got ${JSON.stringify(result)}`);
  } catch (err) {
    const target = redirectTarget(err);
    if (target === null) throw err;
    return target;
  }
}
