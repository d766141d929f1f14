import autocannon from 'autocannon';

export type LoadResult = { reqPerSec: number; requests: number; latencyMedianMs: number; non2xx: number; errors: number; bytes: number };

/**
 * Loads `url` with autocannon for `seconds` over `connections` keep-alive connections and
 * returns the rate of completed requests. A run with any error or non-2xx answer is reported
 * as such by the caller: a fast error page is not a fast page.
 */
export async function loadTest(url: string, seconds: number, connections: number): Promise<LoadResult> {
  const result = await autocannon({ url, duration: seconds, connections, pipelining: 1 });
  return {
    reqPerSec: result.requests.total / result.duration,
    requests: result.requests.total,
    latencyMedianMs: result.latency.p50,
    non2xx: result.non2xx,
    errors: result.errors,
    bytes: result.throughput.total,
  };
}

/**
 * One GET, its body read whole; the milliseconds it took at the client (on this machine), and
 * whether the page cache answered it (X-Page-Cache: hit).
 */
export async function timedGet(url: string): Promise<{ ms: number; status: number; body: string; cached: boolean }> {
  const started = performance.now();
  const res = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  const body = await res.text();
  return { ms: performance.now() - started, status: res.status, body, cached: res.headers.get('x-page-cache') === 'hit' };
}
