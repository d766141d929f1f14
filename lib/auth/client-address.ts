/**
 * Which address a request comes from, for throttling failed sign-ins per address.
 *
 * `X-Forwarded-For` is whatever the client typed unless a proxy we trust wrote it, and Next keeps
 * a client's own value (it fills the header in only when it is missing). So the address comes
 * from the connection's socket, which only the production server (scripts/serve.ts) can see: it
 * writes it into CLIENT_ADDRESS_HEADER on every request, replacing anything the client sent under
 * that name. Behind a reverse proxy every connection comes from the proxy; the operator then sets
 * `TRUST_PROXY=1` and the address is the right-most `X-Forwarded-For` entry, the one the proxy
 * appended (the entries to its left came from the client and are ignored).
 *
 * No `server-only` here: scripts/serve.ts, which runs outside Next, imports it.
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** The request header through which scripts/serve.ts tells the app the client's address. */
export const CLIENT_ADDRESS_HEADER = 'x-dashboard-client-address';

/** The address used when no trustworthy one is known (all such requests share one count). */
export const UNKNOWN_ADDRESS = 'unknown';

// Set, process-wide, once a server that writes CLIENT_ADDRESS_HEADER on every request is running.
// A symbol on globalThis, because Next's compiled server code has its own copy of this module.
const STAMPING_SERVER = Symbol.for('casualty-dashboard.client-address-stamped');
const marks = globalThis as { [STAMPING_SERVER]?: boolean };

/** The environment (only TRUST_PROXY is read); tests pass their own. */
type ProxyEnv = Record<string, string | undefined>;

/**
 * `TRUST_PROXY`: `1` behind a reverse proxy that appends the client's address to
 * `X-Forwarded-For`; unset, empty or `0` (the default) when clients connect directly. Any other
 * value stops the server rather than guessing which was meant.
 */
export function trustProxy(env: ProxyEnv = process.env): boolean {
  const raw = env.TRUST_PROXY?.trim() ?? '';
  if (raw === '' || raw === '0') return false;
  if (raw === '1') return true;
  throw new Error(
    `TRUST_PROXY must be 1 (behind a reverse proxy that appends the client's address to X-Forwarded-For) or 0 (the default: clients connect directly), not "${raw}".`,
  );
}

/** An IP address as one spelling: IPv4 clients of a dual-stack socket appear as `::ffff:1.2.3.4`. */
function normalizeAddress(raw: string | undefined): string | undefined {
  const address = raw?.trim();
  if (!address || !isIP(address)) return undefined;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address.toLowerCase();
}

/**
 * The right-most `X-Forwarded-For` entry: the address the nearest proxy saw and appended.
 * Repeated header lines count as one list, in order. Undefined when that entry is missing or is
 * not an IP address.
 */
export function proxyAppendedAddress(forwardedFor: string | string[] | null | undefined): string | undefined {
  const list = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor ?? '';
  const entries = list.split(',').map((e) => e.trim()).filter(Boolean);
  return normalizeAddress(entries.at(-1));
}

/**
 * The client's address for one connection: the socket's peer, or with `trustProxy` the address
 * the proxy appended (falling back to the socket when the request did not pass through it).
 */
export function resolveClientAddress(input: { socketAddress: string | undefined; forwardedFor: string | string[] | undefined; trustProxy: boolean }): string {
  const fromProxy = input.trustProxy ? proxyAppendedAddress(input.forwardedFor) : undefined;
  return fromProxy ?? normalizeAddress(input.socketAddress) ?? UNKNOWN_ADDRESS;
}

/**
 * For the production server: reads `TRUST_PROXY` once (a bad value throws, so the server does not
 * start), marks the process as one whose requests all carry CLIENT_ADDRESS_HEADER, and returns
 * the function that writes the header on each request before anything else sees it.
 */
export function clientAddressStamper(env: ProxyEnv = process.env): (req: IncomingMessage) => void {
  const trust = trustProxy(env);
  marks[STAMPING_SERVER] = true;
  return (req) => {
    req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress({
      socketAddress: req.socket.remoteAddress,
      forwardedFor: req.headers['x-forwarded-for'],
      trustProxy: trust,
    });
  };
}

/**
 * The client's address as the app sees it, from the request's headers. Under the production
 * server it is CLIENT_ADDRESS_HEADER, which that server wrote. Served any other way (`next dev`)
 * nothing overwrites that header, so a value in it came from the client and is ignored: the
 * address is the proxy's right-most `X-Forwarded-For` entry with `TRUST_PROXY=1`, else unknown.
 */
export function clientAddressFromHeaders(headers: Headers, env: ProxyEnv = process.env): string {
  if (marks[STAMPING_SERVER]) return headers.get(CLIENT_ADDRESS_HEADER) || UNKNOWN_ADDRESS;
  return (trustProxy(env) ? proxyAppendedAddress(headers.get('x-forwarded-for')) : undefined) ?? UNKNOWN_ADDRESS;
}

/** Forgets that a stamping server runs in this process (tests only). */
export function forgetClientAddressStamper(): void {
  delete marks[STAMPING_SERVER];
}
