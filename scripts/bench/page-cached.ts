import { loadTest, timedGet, type LoadResult } from './http-load';
import type { BenchOptions } from './options';
import type { BudgetResult } from './result';
import { median, round } from './stats';

export type StaticBaseline = { urlPath: string; fill: (bytes: number) => void };

/**
 * Budget 1: the cached event page's requests per second against a static HTML file of the same
 * size from public/, on the same server, in alternating rounds so that drift in the machine's
 * load affects both alike. Returns the static rate too (budget 3 compares with it).
 */
export async function measureCachedPage(
  baseUrl: string,
  pagePath: string,
  baseline: StaticBaseline,
  o: BenchOptions,
): Promise<{ result: BudgetResult; staticReqPerSec: number }> {
  const first = await timedGet(baseUrl + pagePath);
  if (first.status !== 200) throw new Error(`${pagePath} answered ${first.status}`);
  const bytes = Buffer.byteLength(first.body);
  baseline.fill(bytes);
  const check = await timedGet(baseUrl + baseline.urlPath);
  if (check.status !== 200 || Buffer.byteLength(check.body) !== bytes) throw new Error(`the static baseline ${baseline.urlPath} is not served as written`);

  // Warm both paths (JIT, caches) before measuring.
  await loadTest(baseUrl + pagePath, 1, o.connections);
  await loadTest(baseUrl + baseline.urlPath, 1, o.connections);
  const page: LoadResult[] = [];
  const stat: LoadResult[] = [];
  for (let round = 0; round < o.loadRounds; round++) {
    page.push(await loadTest(baseUrl + pagePath, o.loadSeconds, o.connections));
    stat.push(await loadTest(baseUrl + baseline.urlPath, o.loadSeconds, o.connections));
  }
  const pageRate = median(page.map((r) => r.reqPerSec));
  const staticRate = median(stat.map((r) => r.reqPerSec));
  const failures = [...page, ...stat].reduce((n, r) => n + r.non2xx + r.errors, 0);
  const ratio = pageRate / staticRate;
  return {
    staticReqPerSec: staticRate,
    result: {
      budget: 1,
      name: 'Event page, cached: req/s vs static file',
      target: '≥ 0.8× the req/s of a static HTML file of the same size from public/',
      measured: `${round(ratio)}× (${Math.round(pageRate)} vs ${Math.round(staticRate)} req/s, ${Math.round(bytes / 1024)} KB page)`,
      met: failures === 0 && ratio >= 0.8,
      details: {
        pagePath,
        pageBytes: bytes,
        connections: o.connections,
        secondsPerRun: o.loadSeconds,
        pageReqPerSec: round(pageRate, 1),
        staticReqPerSec: round(staticRate, 1),
        ratio: round(ratio, 3),
        pageRuns: page.map((r) => round(r.reqPerSec, 1)),
        staticRuns: stat.map((r) => round(r.reqPerSec, 1)),
        pageLatencyMedianMs: median(page.map((r) => r.latencyMedianMs)),
        staticLatencyMedianMs: median(stat.map((r) => r.latencyMedianMs)),
        errorsOrNon2xx: failures,
      },
    },
  };
}
