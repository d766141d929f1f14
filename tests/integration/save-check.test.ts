import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/index';
import { logAudit } from '@/db/queries/audit';
import { createFigure } from '@/db/queries/figure-writes';
import { figureFormSchema } from '@/lib/validation/figure-form';
import { saveFields, saveNote, type AckedSave } from '../../scripts/bench/save-stream';
import { checkSaves } from '../../scripts/bench/verify-saves';
import { createSeededTestDb } from '../helpers/db';

const MARKER = 'Check run';
const editor = { userId: null, label: 'editor@example.org' };
let db: Db;
let file: string;
let cleanup: () => void;
beforeEach(() => ({ db, file, cleanup } = createSeededTestDb()));
afterEach(() => cleanup());

/** Save `n` of the stream, written as the add-figure action writes it; returns its acknowledgement. */
function save(n: number, marker = MARKER): AckedSave {
  const input = figureFormSchema.parse({
    eventId: '1', metricId: '1', group: 'all', qualifier: 'exact', valueLow: '', valueHigh: '', unit: 'people', sourceChoice: 'existing', sourceId: '1',
    newSourceReportingBody: '', newSourcePublisher: '', newSourceTitle: '', newSourceUrl: '', newSourcePublishedOn: '', quote: '',
    ...saveFields(marker, n),
  });
  return { n, figureId: createFigure(db, input, editor).id, ms: 1 };
}

describe('checking the saves of a stream in the database', () => {
  it('finds every acknowledged save with its one audit entry in a sound database', () => {
    const acked = [save(0), save(1), save(1001)];
    save(7, 'Other run');
    expect(checkSaves(file, MARKER, acked)).toEqual({
      integrity: 'ok', acknowledged: 3, presentWithOneAuditEntry: 3, missing: [], wrongAuditCount: [], unacknowledgedPresent: 0, duplicates: 0,
    });
  });

  it('reports an acknowledged save that is not there, or is another save under its id', () => {
    const first = save(0);
    const second = save(1);
    const check = checkSaves(file, MARKER, [first, { ...second, figureId: 999_999 }, { n: 2, figureId: first.figureId, ms: 1 }]);
    expect(check.missing).toEqual([1, 2]);
    expect(check.presentWithOneAuditEntry).toBe(1);
  });

  it('reports a save with a second audit entry, and a save no acknowledgement names', () => {
    const acked = save(0);
    const unanswered = save(1);
    logAudit(db, { actor: editor, action: 'update', entityType: 'figure', entityId: acked.figureId, before: null, after: null });
    const check = checkSaves(file, MARKER, [acked]);
    expect(check.wrongAuditCount).toEqual([{ figureId: acked.figureId, auditEntries: 2 }]);
    expect(check.presentWithOneAuditEntry).toBe(0);
    expect(check.unacknowledgedPresent).toBe(1);
    expect(unanswered.figureId).not.toBe(acked.figureId);
  });

  it('reports a save written twice', () => {
    const acked = save(0);
    db.$client.prepare('UPDATE figures SET note = ? WHERE id = ?').run(saveNote(MARKER, 0), save(1).figureId);
    expect(checkSaves(file, MARKER, [acked]).duplicates).toBe(1);
  });

  it('tells notes apart by case, which LIKE would not', () => {
    save(0, 'CHECK RUN');
    expect(checkSaves(file, MARKER, []).unacknowledgedPresent).toBe(0);
  });
});
