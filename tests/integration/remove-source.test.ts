import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/index';
import { CatalogWriteError, countFiguresCiting, createSource, removeSource } from '@/db/queries/catalog-admin';
import { removeSourceSchema } from '@/lib/validation/source';
import { createSeededTestDb, dumpTables } from '../helpers/db';

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = createSeededTestDb()));
afterEach(() => cleanup());
const actor = { userId: null, label: 'editor@example.org' };

describe('removing a source', () => {
  it('removes one that nothing cites, keeping the whole source and the reason in the history', () => {
    const source = createSource(db, { reportingBody: 'Typo Ministry', publisher: '', title: '', url: '', publishedOn: '2022-01-01', fullText: '' }, actor);
    removeSource(db, source.id, 'entered by mistake', actor);
    expect(db.$client.prepare('SELECT count(*) AS n FROM sources WHERE id = ?').get(source.id)).toEqual({ n: 0 });
    const entry = db.$client.prepare("SELECT action, before, after FROM audit_entries WHERE entity_type = 'source' AND entity_id = ? ORDER BY id DESC").get(source.id) as {
      action: string; before: string; after: string;
    };
    expect(entry.action).toBe('remove');
    expect(JSON.parse(entry.before)).toMatchObject({ id: source.id, reportingBody: 'Typo Ministry' });
    expect(JSON.parse(entry.after)).toEqual({ removed: true, reason: 'entered by mistake' });
  });

  it('refuses one that figures cite, and changes nothing', () => {
    const cited = (db.$client.prepare('SELECT source_id AS id FROM figures LIMIT 1').get() as { id: number }).id;
    expect(countFiguresCiting(db, cited)).toBeGreaterThan(0);
    const before = dumpTables(db);
    expect(() => removeSource(db, cited, 'no', actor)).toThrow(CatalogWriteError);
    expect(() => removeSource(db, cited, 'no', actor)).toThrow(/this source \(retracted ones included\), so it cannot be removed; correct the source instead if it is wrong/);
    expect(dumpTables(db)).toEqual(before);
  });

  it('requires a reason', () => {
    expect(removeSourceSchema.safeParse({ id: '3', reason: ' ' }).error?.issues.map((i) => i.message)).toEqual(['Enter why the source is removed.']);
  });
});
