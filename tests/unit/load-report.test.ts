import { describe, expect, it } from 'vitest';
import { judge, percentile, type ReaderFigures } from '../../scripts/bench/load-report';
import type { SaveLog } from '../../scripts/bench/save-stream';
import type { SaveCheck } from '../../scripts/bench/verify-saves';

const readers = (over: Partial<ReaderFigures> = {}): ReaderFigures => ({
  requests: 3000, throughputRps: 100, latencyMs: { p50: 10, p90: 20, p99: 40, max: 80, mean: 12 }, errors: 0, timeouts: 0, non2xx: 0, status5xx: 0, statusCodes: { 200: 3000 }, perPath: [], ...over,
});
const saves = (over: Partial<SaveLog> = {}): SaveLog => ({
  attempted: 2, saved: [{ n: 0, figureId: 40, ms: 5 }, { n: 1, figureId: 41, ms: 6 }], refused: [], failed: [], skippedTicks: 0, inFlight: 0, maxInFlight: 1, ...over,
});
const check = (over: Partial<SaveCheck> = {}): SaveCheck => ({
  integrity: 'ok', acknowledged: 2, presentWithOneAuditEntry: 2, missing: [], wrongAuditCount: [], unacknowledgedPresent: 0, duplicates: 0, ...over,
});
const missed = (goals: ReturnType<typeof judge>) => goals.filter((g) => !g.met).map((g) => g.goal);

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 99)).toBe(0);
  });
});

describe('the goals of the load test', () => {
  it('are all met by a clean run at the pace', () => {
    expect(missed(judge(readers(), saves(), check(), 2))).toEqual([]);
  });

  it('are missed by reader errors, timeouts, 5xx or any other non-2xx', () => {
    expect(missed(judge(readers({ errors: 1, timeouts: 1 }), saves(), check(), 2))).toEqual(['readers: no errors or timeouts']);
    expect(missed(judge(readers({ status5xx: 1, non2xx: 1 }), saves(), check(), 2))).toEqual(['readers: no 5xx (and no other non-2xx)']);
    expect(missed(judge(readers({ non2xx: 1 }), saves(), check(), 2))).toEqual(['readers: no 5xx (and no other non-2xx)']);
  });

  it('are missed by a refused or failed save, a slow pace, or no saves at all', () => {
    expect(missed(judge(readers(), saves({ attempted: 3, refused: [{ n: 2, message: 'Nothing was saved' }] }), check(), 3))).toEqual(['editor: every save acknowledged']);
    expect(missed(judge(readers(), saves(), check(), 3))).toEqual(['editor: kept the pace of saves']);
    expect(missed(judge(readers(), saves({ skippedTicks: 1 }), check(), 2))).toEqual(['editor: kept the pace of saves']);
    expect(missed(judge(readers(), saves({ attempted: 0, saved: [] }), check({ acknowledged: 0, presentWithOneAuditEntry: 0 }), 0))).toEqual(['editor: every save acknowledged']);
  });

  it('are missed by a damaged database, a lost save, or an audit entry too many', () => {
    expect(missed(judge(readers(), saves(), check({ integrity: '*** in database main ***' }), 2))).toEqual(['database: integrity_check ok']);
    expect(missed(judge(readers(), saves(), check({ missing: [1], presentWithOneAuditEntry: 1 }), 2))).toEqual([
      'database: every acknowledged save present',
      'database: exactly one audit entry each, nothing written twice',
    ]);
    expect(missed(judge(readers(), saves(), check({ wrongAuditCount: [{ figureId: 40, auditEntries: 2 }] }), 2))).toEqual(['database: exactly one audit entry each, nothing written twice']);
  });
});
