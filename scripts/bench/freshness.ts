import { setTimeout as sleep } from 'node:timers/promises';
import { loadTest, timedGet } from './http-load';
import type { BenchOptions } from './options';
import type { BudgetResult } from './result';
import { round } from './stats';

/**
 * Budget 3: while autocannon loads the cached page, an admin-like write every
 * `o.writeEveryMs`; right after each write commits, one request checks that the page shows
 * the new figure. Every request that does not is a stale read. The rate under this load is
 * compared with the static file's rate of budget 1. After each check, one request for another
 * event's page (`otherUrl`) says whether the writes to this event left that page cached.
 */
export async function measureFreshness(
  url: string,
  otherUrl: string,
  write: () => { expectedText: string },
  staticReqPerSec: number,
  o: BenchOptions,
): Promise<BudgetResult> {
  const seconds = o.loadSeconds * 2;
  let running = true;
  const load = loadTest(url, seconds, o.connections).finally(() => (running = false));
  let writes = 0;
  let stale = 0;
  const checkMs: number[] = [];
  let otherRendered = 0;
  await timedGet(otherUrl);
  while (running) {
    await sleep(o.writeEveryMs);
    if (!running) break;
    const { expectedText } = write();
    writes++;
    const check = await timedGet(url);
    checkMs.push(check.ms);
    if (check.status !== 200 || !check.body.includes(`>${expectedText}<`)) stale++;
    if (!(await timedGet(otherUrl)).cached) otherRendered++;
  }
  const loaded = await load;
  const ratio = loaded.reqPerSec / staticReqPerSec;
  const failures = loaded.errors + loaded.non2xx;
  return {
    budget: 3,
    name: 'Freshness under load',
    target: '0 stale reads after admin saves, while budget 1 holds (≥ 0.8× static req/s)',
    measured: `${stale} stale of ${writes} checks; ${round(ratio)}× static (${Math.round(loaded.reqPerSec)} req/s with a write every ${o.writeEveryMs} ms); another event's page rendered ${otherRendered} of ${writes} times`,
    met: writes > 0 && stale === 0 && failures === 0 && ratio >= 0.8,
    details: {
      seconds,
      writeEveryMs: o.writeEveryMs,
      writes,
      staleReads: stale,
      reqPerSec: round(loaded.reqPerSec, 1),
      staticReqPerSec: round(staticReqPerSec, 1),
      ratio: round(ratio, 3),
      checkRequestMs: checkMs.map((ms) => round(ms, 1)),
      // Another event's page, requested after each check: how often the writes made it render again.
      otherEventRequests: writes,
      otherEventRendered: otherRendered,
      errorsOrNon2xx: failures,
    },
  };
}
