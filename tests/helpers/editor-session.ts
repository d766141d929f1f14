import type { Db } from '@/db/index';
import { createAdmin } from '@/lib/auth/accounts';
import { signInWithPassword } from '@/lib/auth/sign-in';

export const EDITOR = { email: 'editor@example.org', password: 'correct horse battery staple' } as const;

/** Creates the test editor and signs them in; returns the session token a browser would hold. */
export async function signedInEditor(db: Db, now: Date = new Date()): Promise<string> {
  await createAdmin(db, EDITOR.email, EDITOR.password);
  const result = await signInWithPassword(db, { ...EDITOR, address: '203.0.113.1' }, now);
  if (!result.ok) throw new Error(result.message);
  return result.token;
}

/** FormData as a browser posts it: every value a string. */
export function formDataOf(values: Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) form.set(key, value);
  return form;
}

/** A valid new-figure form for the seeded event, citing source 1; override any field. */
export function figureForm(over: Record<string, string> = {}): Record<string, string> {
  return {
    eventId: '1', metricId: '1', group: 'all', location: 'Testtown', qualifier: 'exact', valueLow: '', valueBest: '42', valueHigh: '',
    unit: 'people', reportedOn: '2022-03-01', sourceChoice: 'existing', sourceId: '1', quote: '', note: '', ...over,
  };
}

/** Figure `id`'s edit form as opened at `revision`: its stored values, as text. */
export function figureFormOpenedOn(db: Db, id: number, revision: string): Record<string, string> {
  const row = db.$client.prepare(`SELECT event_id, metric_id, group_name, location, qualifier, value_low, value_best, value_high, unit,
    reported_on, source_id, quote, note FROM figures WHERE id = ?`).get(id) as Record<string, string | number | null>;
  const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  return figureForm({
    figureId: String(id), revision, eventId: text(row.event_id), metricId: text(row.metric_id), group: text(row.group_name), location: text(row.location),
    qualifier: text(row.qualifier), valueLow: text(row.value_low), valueBest: text(row.value_best), valueHigh: text(row.value_high), unit: text(row.unit),
    reportedOn: text(row.reported_on), sourceId: text(row.source_id), quote: text(row.quote), note: text(row.note),
  });
}
