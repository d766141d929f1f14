import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createFigureAction } from '@/app/admin/(signed-in)/figures/actions';
import type { Db } from '@/db/index';
import type { FormState } from '@/lib/admin-action';
import { figureForm, formDataOf } from '../helpers/editor-session';
import { hostileString, MEGABYTE_STRING, propertyRuns } from '../helpers/hostile';
import { redirectTarget } from '../helpers/next-headers';
import { signedInEditorOnSeededDb } from '../helpers/signed-in-db';
import { writeState } from '../helpers/write-state';

vi.mock('next/headers', () => import('../helpers/next-headers'));

const served = signedInEditorOnSeededDb();
let db: Db;
beforeAll(() => {
  db = served.db;
});

type Outcome = { saved: true; id: number } | { saved: false; state: FormState };

/** Submits the figure form through the real server action and says what became of it. */
async function submit(values: Record<string, string>): Promise<Outcome> {
  try {
    const state = await createFigureAction({ status: 'idle' }, formDataOf(values));
    return { saved: false, state };
  } catch (err) {
    const target = redirectTarget(err);
    const id = target && /^\/admin\/figures\/(\d+)\?saved=created$/.exec(target)?.[1];
    if (!id) throw err;
    return { saved: true, id: Number(id) };
  }
}

let unique = 0;
/** A valid form whose identity (group and place) no other run shares, so only `field` can be refused. */
function formWith(field: string, value: string, extra: Record<string, string> = {}): Record<string, string> {
  unique++;
  const identity: Record<string, string> = field === 'location' ? { group: `group ${unique}` } : { location: `place ${unique}` };
  return figureForm({ ...identity, ...extra, [field]: value });
}

/**
 * The property for one field: the form is refused with a message on that field, the typed value
 * kept and the database untouched; or the figure is saved and the column holds exactly the text
 * typed (trimmed, as the rules say). Anything thrown other than the success redirect fails it.
 */
async function refusedOrStoredExactly(field: string, raw: string, stored: (id: number) => unknown, extra: Record<string, string> = {}): Promise<void> {
  const values = formWith(field, raw, extra);
  // FormData holds what a browser can send: lone surrogates become U+FFFD on the way in.
  const typed = formDataOf(values).get(field) as string;
  const before = writeState(db);
  const outcome = await submit(values);
  if (outcome.saved) {
    expect(stored(outcome.id)).toBe(typed.trim());
  } else {
    expect(outcome.state.status).toBe('error');
    expect(outcome.state.errors?.[field]?.[0]).toMatch(/\S/);
    expect(outcome.state.values?.[field]).toBe(typed);
    expect(writeState(db)).toEqual(before);
  }
}

const figureColumn = (column: string) => (id: number) => db.$client.prepare(`SELECT ${column} FROM figures WHERE id = ?`).pluck().get(id);
const sourceColumn = (column: string) => (id: number) =>
  db.$client.prepare(`SELECT s.${column} FROM figures f JOIN sources s ON s.id = f.source_id WHERE f.id = ?`).pluck().get(id);
const NEW_SOURCE = { sourceChoice: 'new', newSourceReportingBody: 'Hostile input ministry', newSourcePublishedOn: '2022-03-01' };

describe('the figure form, through its server action, with hostile text', () => {
  it.each([
    ['group', figureColumn('group_name')],
    ['location', figureColumn('location')],
    ['unit', figureColumn('unit')],
    ['note', figureColumn('note')],
    ['quote', (id: number) => figureColumn('quote')(id) ?? ''],
  ] as const)('%s: refused on the field, or stored exactly as typed', async (field, stored) => {
    await fc.assert(fc.asyncProperty(hostileString, (s) => refusedOrStoredExactly(field, s, stored)), propertyRuns(150));
  });

  it.each([
    ['newSourceReportingBody', sourceColumn('reporting_body')],
    ['newSourceTitle', sourceColumn('title')],
    ['newSourcePublisher', sourceColumn('publisher')],
  ] as const)('a new source’s %s: refused on the field, or stored exactly as typed', async (field, stored) => {
    await fc.assert(fc.asyncProperty(hostileString, (s) => refusedOrStoredExactly(field, s, stored, NEW_SOURCE)), propertyRuns(100));
  });

  it('a new source’s address: only http and https are ever stored', async () => {
    const url = fc.oneof(hostileString, fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'HTTPS://EXAMPLE.ORG/x'));
    await fc.assert(
      fc.asyncProperty(url, async (s) => {
        await refusedOrStoredExactly('newSourceUrl', s, sourceColumn('url'), NEW_SOURCE);
        const last = db.$client.prepare('SELECT url FROM sources ORDER BY id DESC LIMIT 1').pluck().get() as string;
        expect(last === '' || /^https?:\/\/[^/]/i.test(last)).toBe(true);
      }),
      propertyRuns(150),
    );
  });

  it('the number: saved only when it is plainly a whole number, and then as that number', async () => {
    const plain = /^(\d+|\d{1,3}(,\d{3})+)$/;
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString, fc.stringMatching(/^ ?\d{1,17} ?$/)), async (s) => {
        const values = formWith('valueBest', s);
        const typed = formDataOf(values).get('valueBest') as string;
        const before = writeState(db);
        const outcome = await submit(values);
        const digits = typed.trim();
        const expected = plain.test(digits) && Number(digits.replaceAll(',', '')) <= Number.MAX_SAFE_INTEGER ? Number(digits.replaceAll(',', '')) : null;
        if (outcome.saved) {
          expect(figureColumn('value_best')(outcome.id)).toBe(expected);
        } else {
          // An empty number is refused too ("enter the number, or choose unknown").
          expect(expected).toBeNull();
          expect(outcome.state.errors?.valueBest?.[0]).toMatch(/\S/);
          expect(writeState(db)).toEqual(before);
        }
      }),
      propertyRuns(200),
    );
  });

  it.each([
    ['1e309', '"1e309" is not a whole number of 0 or more; enter one like 1300.'],
    ['-0', '"-0" is not a whole number of 0 or more; enter one like 1300.'],
    ['0x10', '"0x10" is not a whole number of 0 or more; enter one like 1300.'],
    ['12abc', '"12abc" is not a whole number of 0 or more; enter one like 1300.'],
    ['9007199254740993', '"9007199254740993" is too large; enter a number no larger than 9,007,199,254,740,991.'],
  ])('the number %s is refused with “%s”', async (s, message) => {
    const outcome = await submit(formWith('valueBest', s));
    expect(outcome.saved ? 'saved' : outcome.state.errors?.valueBest).toEqual([message]);
  });

  it('the number " 12 " is saved as 12', async () => {
    const outcome = await submit(formWith('valueBest', ' 12 '));
    expect(outcome.saved && figureColumn('value_best')(outcome.id)).toBe(12);
  });

  it('a 1 MB note is refused with its length, and nothing is written', async () => {
    const before = writeState(db);
    const outcome = await submit(formWith('note', MEGABYTE_STRING));
    expect(outcome.saved ? 'saved' : outcome.state.errors?.note).toEqual(['Use at most 2,000 characters (this has 1,048,601).']);
    expect(writeState(db)).toEqual(before);
  });

  it('markup typed into a note is stored as the text typed', async () => {
    const outcome = await submit(formWith('note', '<script>alert(1)</script> <img src=x onerror=alert(1)>'));
    expect(outcome.saved && figureColumn('note')(outcome.id)).toBe('<script>alert(1)</script> <img src=x onerror=alert(1)>');
  });
});
