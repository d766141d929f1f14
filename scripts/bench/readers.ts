import autocannon from 'autocannon';
import { percentile, type ReaderFigures } from './load-report';

/**
 * `connections` readers asking for `paths` in turn for `duration` seconds (autocannon), with each
 * path's own answers and latency beside the totals, so that a slow or failing path is named.
 */
export async function runReaders(baseUrl: string, paths: string[], connections: number, duration: number): Promise<ReaderFigures> {
  const byPath = new Map(paths.map((p) => [p, { sent: 0, answered: 0, ms: [] as number[] }]));
  // autocannon gives each connection one context object, and a connection has one request out at a time.
  const current = new WeakMap<object, { path: string; start: number }>();
  const requests = paths.map((path) => ({
    method: 'GET' as const,
    path,
    setupRequest: (request: autocannon.Request, context: object) => {
      current.set(context, { path, start: performance.now() });
      (byPath.get(path) as { sent: number }).sent++;
      return request;
    },
    onResponse: (_status: number, _body: string, context: object) => {
      const sent = current.get(context);
      const stats = sent && byPath.get(sent.path);
      if (!sent || !stats) return;
      stats.answered++;
      stats.ms.push(performance.now() - sent.start);
    },
  }));
  const result = await autocannon({ url: baseUrl, connections, duration, requests });
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, (s as { count: number }).count]));
  return {
    requests: result.requests.total,
    throughputRps: result.requests.average,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.mean },
    errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, status5xx: result['5xx'], statusCodes,
    perPath: [...byPath].map(([path, s]) => ({
      path, sent: s.sent, answered: s.answered, p50Ms: Math.round(percentile(s.ms, 50)), p99Ms: Math.round(percentile(s.ms, 99)),
    })),
  };
}
