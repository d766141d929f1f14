import { EDITABLE } from '@/db/queries/figure-writes';
import type { Figure } from '@/db/schema';
import type { FigureFormInput } from './validation/figure-form';

/** The figure's fields its edit form sets (the columns an editor sets), each under the form field of the same name. */
export type EditedField = (typeof EDITABLE)[number];
type EditedValues = Pick<Figure, EditedField>;

/**
 * An edit refused because the figure moved on, merged onto the figure as it is now: the form's
 * values to show again, and the fields both editors changed, each with the other editor's value.
 */
export type EditMerge = { values: Record<string, string>; both: Array<{ field: EditedField; theirs: unknown }> };

// A new source is not one the other editor can have chosen: it always counts as this editor's change.
const NEW_SOURCE = Symbol('new source');

/** A field's value for comparing: no value and empty text are the same, and so are a form's CRLF line breaks and stored LF ones. */
const comparable = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : v);

/** How the edit form holds a stored value. */
const asFormText = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/**
 * A three-way merge of an edit made from revision `base` onto `current`, the figure as it is now:
 * - a field this editor left as it was at `base` takes its current value (what the other editor
 *   saved is kept, never silently undone);
 * - a field the other editor left as it was keeps this editor's value, as typed;
 * - a field both changed, to different values, keeps this editor's value and is reported with theirs.
 * `typed` is what the form sent; the result is what the form shows next, with the current revision.
 */
export function mergeEdit(base: EditedValues, current: Figure, mine: FigureFormInput, typed: Record<string, string>): EditMerge {
  const values: Record<string, string> = { ...typed, revision: String(current.revision) };
  const both: EditMerge['both'] = [];
  const minesOf = (field: EditedField): unknown => {
    if (field === 'sourceId') return mine.source.kind === 'existing' ? mine.source.id : NEW_SOURCE;
    if (field === 'quote') return mine.quote === '' ? null : mine.quote;
    return mine[field];
  };
  for (const field of EDITABLE) {
    const [was, now, ours] = [comparable(base[field]), comparable(current[field]), comparable(minesOf(field))];
    if (ours === was) {
      // Untouched here: whatever is stored now stands.
      values[field] = asFormText(current[field]);
      if (field === 'sourceId') values.sourceChoice = 'existing';
    } else if (now !== was && now !== ours) {
      both.push({ field, theirs: current[field] });
    }
  }
  return { values, both };
}

/**
 * The same three-way merge for a catalogue record (an event, a source) whose form fields are its
 * columns, each under its own name: `fields` are the ones the form edits, `mine` the parsed
 * input. A record's history may lack the version the form was opened at (`base` null): then
 * nothing is merged, and the form keeps what was typed.
 */
export function mergeRecordEdit<F extends string>(
  fields: readonly F[],
  base: Record<string, unknown> | null,
  current: Record<F, unknown>,
  mine: Partial<Record<F, unknown>>,
  typed: Record<string, string>,
): { values: Record<string, string>; both: Array<{ field: F; theirs: unknown }> } {
  const values: Record<string, string> = { ...typed };
  const both: Array<{ field: F; theirs: unknown }> = [];
  if (!base) return { values, both };
  for (const field of fields) {
    const [was, now, ours] = [comparable(base[field]), comparable(current[field]), comparable(mine[field])];
    if (ours === was) values[field] = asFormText(current[field]);
    else if (now !== was && now !== ours) both.push({ field, theirs: current[field] });
  }
  return { values, both };
}
