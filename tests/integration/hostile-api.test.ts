import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getJson } from '@/app/api/figures/route';
import { GET as getCsv } from '@/app/api/figures.csv/route';
import { closeDb, type Db } from '@/db/index';
import { createSeededTestDb } from '../helpers/db';
import { restoreEnv } from '../helpers/env';
import { hostileString, MEGABYTE_STRING, propertyRuns } from '../helpers/hostile';
import { writeState } from '../helpers/write-state';
import { foldCase } from '@/db/text-match';

const originalPath = process.env.DATABASE_PATH;
let db: Db;
let cleanup: () => void;
beforeAll(() => {
  let file: string;
  ({ db, file, cleanup } = createSeededTestDb());
  process.env.DATABASE_PATH = file;
});
afterAll(() => {
  closeDb();
  restoreEnv('DATABASE_PATH', originalPath);
  cleanup();
});

const PARAMETERS = ['event', 'metric', 'group', 'location', 'from', 'to', 'status', 'hxl', 'cursor', 'limit'];
const parameterName = fc.oneof({ arbitrary: fc.constantFrom(...PARAMETERS), weight: 4 }, { arbitrary: hostileString, weight: 1 });
const query = fc.array(fc.tuple(parameterName, hostileString), { minLength: 1, maxLength: 3 });

type ErrorBody = { error: string; errors: Array<{ parameter: string; message: string }> };

/** A 4xx answer is JSON with a readable message and one entry per problem. */
async function expectJsonError(res: Response): Promise<void> {
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await res.json()) as ErrorBody;
  expect(body.error).toMatch(/\S/);
  expect(body.errors.length).toBeGreaterThan(0);
  for (const e of body.errors) expect(e.message).toMatch(/\S/);
}

describe('the JSON API and the CSV export with hostile query strings', () => {
  it('answer 200, or 400/404 with a JSON message; never throw, never write', async () => {
    const before = writeState(db);
    await fc.assert(
      fc.asyncProperty(query, async (pairs) => {
        const params = new URLSearchParams(pairs);
        for (const [get, path] of [[getJson, '/api/figures'], [getCsv, '/api/figures.csv']] as const) {
          const res = get(new Request(`http://localhost${path}?${params}`));
          if (res.status === 200) {
            const text = await res.text();
            if (path === '/api/figures') expect(Array.isArray((JSON.parse(text) as { data: unknown }).data)).toBe(true);
            else expect(text.startsWith('event_slug,event_name,')).toBe(true);
          } else {
            expect([400, 404]).toContain(res.status);
            await expectJsonError(res);
          }
        }
      }),
      propertyRuns(200),
    );
    expect(writeState(db)).toEqual(before);
  });

  it('a text filter returns only figures whose text is that, in any letter case', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('group', 'location'), hostileString, async (name, value) => {
        const res = getJson(new Request(`http://localhost/api/figures?${new URLSearchParams({ [name]: value, limit: '500' })}`));
        if (res.status !== 200) return expectJsonError(res);
        const { data } = (await res.json()) as { data: Array<Record<string, unknown>> };
        // A blank value is no filter, as an empty field of an HTML form is (documented).
        if (value.trim() === '') return;
        for (const f of data) expect(foldCase(f[name] as string)).toBe(foldCase(value.trim()));
      }),
      propertyRuns(150),
    );
  });

  it.each([
    ['limit', '1e309', 400], ['limit', '-0', 400], ['limit', '0x10', 400], ['limit', '9007199254740993', 400], ['limit', ' 12 ', 400], ['limit', '12abc', 400],
    ['from', '2022-01-01\'; DROP TABLE figures; --', 400], ['event', '<script>alert(1)</script>', 400], ['metric', 'deaths,<img onerror=x>', 400],
    ['event', 'no-such-event', 404], ['group', MEGABYTE_STRING, 400], ['__proto__', 'x', 400], ['cursor', 'javascript:alert(1)', 400],
  ] as const)('%s=%s… gets %i with a JSON message', async (name, value, status) => {
    for (const get of [getJson, getCsv]) {
      const res = get(new Request(`http://localhost/api/figures?${new URLSearchParams({ [name]: value })}`));
      if (name === 'limit' || name === 'cursor') {
        if (get === getCsv) continue; // JSON-only parameters
      }
      expect(res.status).toBe(status);
      await expectJsonError(res);
    }
  });
});
