'use server';
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/index';
import { figureFieldNames, findFigure } from '@/db/queries/figure-admin';
import { seriesNeighbours } from '@/db/queries/series-neighbours';
import { changesBetweenVersions } from '@/db/queries/audit-read';
import { correctRetractionReason, createFigure, figureAtRevision, FigureWriteError, metricUnitOf, restoreFigure, restoreFigureVersion, retractFigure, updateFigure, type SaveResult } from '@/db/queries/figure-writes';
import type { Figure } from '@/db/schema';
import { adminAction, fieldErrors, type FormState } from '@/lib/admin-action';
import { diffSnapshots, showValue } from '@/lib/audit-diff';
import { mergeEdit } from '@/lib/merge-edit';
import { awaitsConfirmation, changesCheckedParts, reasonText, UNUSUAL_CHANGED_MESSAGE, UNUSUAL_MESSAGE, unusualNumber, type SavedReport } from '@/lib/plausibility';
import { actorOf } from '@/lib/auth/session';
import { figureEditSchema, figureFormSchema, figureUnitErrors, restoreSchema, retractSchema, type FigureFormInput } from '@/lib/validation/figure-form';

function refused(err: unknown, values: Record<string, string>): FormState {
  if (err instanceof FigureWriteError) {
    return { status: 'error', message: `Nothing was saved: ${err.message}`, errors: err.field ? { [err.field]: [err.message] } : undefined, values };
  }
  throw err;
}

/**
 * A save refused because the figure moved on: say so and list what the other editor changed since
 * the revision this form was built from. An edit is merged onto the figure as it is now
 * (lib/merge-edit.ts): the fields this editor did not touch take the other editor's values, so
 * saving again never silently undoes them; a field both changed keeps this editor's value and is
 * marked with theirs. A retraction or restoration keeps what was typed. The form now carries the
 * current revision, so saving again is a choice made having seen their changes.
 */
function stale(current: Figure, formRevision: number, values: Record<string, string>, edit: FigureFormInput | { again: string }): FormState {
  const db = getDb();
  const then = figureAtRevision(db, current.id, formRevision) ?? null;
  const names = figureFieldNames(db);
  const opened = `Not saved: someone else changed this figure after you opened it (you edited revision ${formRevision}; it is now at revision ${current.revision}).`;
  const changes = diffSnapshots(then, current, names);
  const changedBy = changesBetweenVersions(db, 'figure', current.id, { key: 'revision', opened: formRevision, now: current.revision });
  if ('again' in edit || !then) {
    const next = 'again' in edit ? `what you typed is still in the form: review them, then ${edit.again}` : 'your edits are still in the form: review them, then save again to replace their version';
    return {
      status: 'error',
      message: `${opened} Their changes are listed below and ${next}.`,
      changes,
      changedBy,
      values: { ...values, revision: String(current.revision) },
      version: current.revision,
    };
  }
  const merged = mergeEdit(then, current, edit, values);
  const errors: Record<string, string[]> = Object.fromEntries(
    merged.both.map(({ field, theirs }) => [field, [`They changed this too, to “${showValue(field, theirs, names)}”. Yours is kept: save again to replace theirs, or change it.`]]),
  );
  // Their values and this editor's may not fit together (their range, this editor's best number):
  // marked now, as a save would refuse them.
  const check = figureFormSchema.safeParse(merged.values);
  if (!check.success) for (const [field, messages] of Object.entries(fieldErrors(check.error))) (errors[field] ??= []).push(...messages);
  for (const [field, messages] of Object.entries(figureUnitErrors(merged.values, (id) => metricUnitOf(db, id)))) (errors[field] ??= []).push(...messages);
  // An event, metric or source of theirs, chosen after this form was drawn, is offered by name.
  const choices: Record<string, { value: string; label: string }> = {};
  for (const field of ['eventId', 'metricId', 'sourceId'] as const) {
    if (merged.values[field] === String(current[field]) && current[field] !== then[field]) {
      choices[field] = { value: String(current[field]), label: names[field].get(current[field]) ?? `#${current[field]}` };
    }
  }
  return {
    status: 'error',
    message: `${opened} Their changes are listed below. The form now holds their version with your edits on top${merged.both.length ? '; where you both changed a field, yours is kept and the field is marked' : ''}: review it, then save again.`,
    changes,
    changedBy,
    errors: Object.keys(errors).length ? errors : undefined,
    values: merged.values,
    choices,
    version: current.revision,
  };
}

// A refused form also marks a unit that is not its metric's, beside the other fields' problems.
const unitErrors = (values: Record<string, string>) => figureUnitErrors(values, (id) => metricUnitOf(getDb(), id));

/**
 * Whether a save may go ahead with its number (lib/plausibility.ts): `asked`, the answer that asks
 * the editor to check a number far from its series' neighbouring reports; else `confirmed`, the
 * words of the warning the editor confirmed (kept in the save's audit entry), or null when there
 * was nothing unusual. A unit that is not the metric's is refused first, as it may be what makes
 * the number look unusual. `saved`: the figure being edited, as saved (never its own neighbour).
 */
function checkUnusual(input: FigureFormInput, values: Record<string, string>, saved?: SavedReport): { asked: FormState } | { confirmed: string | null } {
  const units = unitErrors(values);
  // Worded as the save's own refusal of it (FigureWriteError).
  if (units.unit) return { asked: { status: 'error', message: `Nothing was saved: ${units.unit.join(' ')}`, errors: units, values } };
  const unusual = unusualNumber(input, seriesNeighbours(getDb(), { ...input, exceptId: saved?.id }), saved);
  if (unusual && awaitsConfirmation(unusual, values.confirmUnusual)) {
    // A confirmation of another warning (the number changed since it was ticked) is said to be one.
    return { asked: { status: 'error', message: values.confirmUnusual ? UNUSUAL_CHANGED_MESSAGE : UNUSUAL_MESSAGE, unusual, values } };
  }
  return { confirmed: unusual ? unusual.reasons.map(reasonText).join(' ') : null };
}

const create = adminAction('figure.create', figureFormSchema, (input, user, values) => {
  const check = checkUnusual(input, values);
  if ('asked' in check) return check.asked;
  let id: number;
  try {
    id = createFigure(getDb(), input, actorOf(user), check.confirmed).id;
  } catch (err) {
    return refused(err, values);
  }
  redirect(`/admin/figures/${id}?saved=created`);
}, unitErrors);

const update = adminAction('figure.update', figureEditSchema, (input, user, values) => {
  // Asked only of a published figure (a retracted one is nobody's neighbour, and the import does
  // not name it), when the edit changes the number or where it stands, and of the revision the
  // form was built from (a stale save is answered with the other editor's changes first).
  const stored = findFigure(getDb(), input.figureId);
  let confirmed: string | null = null;
  if (stored && stored.status === 'published' && stored.revision === input.revision && changesCheckedParts(stored, input)) {
    const check = checkUnusual(input, values, stored);
    if ('asked' in check) return check.asked;
    confirmed = check.confirmed;
  }
  let result: SaveResult;
  try {
    result = updateFigure(getDb(), input.figureId, input.revision, input, actorOf(user), input.changeReason, confirmed);
  } catch (err) {
    return refused(err, values);
  }
  if (result.status === 'stale') {
    // The page around the edit form is brought to the revision now stored (its header, its history
    // with their change); the form keeps its answer, which names that revision (useAnswerFor).
    refresh();
    return stale(result.current, input.revision, values, input);
  }
  redirect(`/admin/figures/${input.figureId}?saved=updated`);
}, unitErrors);

const retract = adminAction('figure.retract', retractSchema, (input, user, values) => {
  let result: SaveResult;
  try {
    result = retractFigure(getDb(), input.figureId, input.revision, input.reason, actorOf(user));
  } catch (err) {
    return refused(err, values);
  }
  if (result.status === 'stale') {
    // The page is brought to the revision now stored, as after a refused edit, and the form keeps
    // its answer, given for that revision (useAnswerFor); unless the figure was retracted
    // meanwhile: the page would swap this form for the restore form, and the answer with it (with
    // JavaScript; without it the page is drawn afresh anyway, at its status now, the header saying so).
    if (result.current.status === 'published') refresh();
    return stale(result.current, input.revision, values, { again: 'retract it again if it still should be' });
  }
  redirect(`/admin/figures/${input.figureId}?saved=retracted`);
});

const correctReason = adminAction('figure.reason', retractSchema, (input, user, values) => {
  let result: SaveResult;
  try {
    result = correctRetractionReason(getDb(), input.figureId, input.revision, input.reason, actorOf(user));
  } catch (err) {
    return refused(err, values);
  }
  if (result.status === 'stale') {
    // As for a retraction: brought to the stored revision unless it was published again meanwhile.
    if (result.current.status === 'retracted') refresh();
    return stale(result.current, input.revision, values, { again: 'save the reason again if it still should change' });
  }
  redirect(`/admin/figures/${input.figureId}?saved=reason`);
});

const restore = adminAction('figure.restore', restoreSchema, (input, user, values) => {
  let result: SaveResult;
  try {
    result = input.auditEntryId === null
      ? restoreFigure(getDb(), input.figureId, input.revision, actorOf(user), input.changeReason)
      : restoreFigureVersion(getDb(), input.figureId, input.revision, input.auditEntryId, actorOf(user), input.changeReason);
  } catch (err) {
    return refused(err, values);
  }
  if (result.status === 'stale') {
    // As above: not when publishing it again and someone else already has (the form would go).
    if (input.auditEntryId !== null || result.current.status === 'retracted') refresh();
    return stale(result.current, input.revision, values, { again: 'restore it again if it still should be' });
  }
  redirect(`/admin/figures/${input.figureId}?saved=restored`);
});

/** Creates a figure (and its source when new), audited. */
export async function createFigureAction(previous: FormState, formData: FormData): Promise<FormState> {
  return create(previous, formData);
}

/** Saves an edit, refused when the figure changed since the form was built. */
export async function updateFigureAction(previous: FormState, formData: FormData): Promise<FormState> {
  return update(previous, formData);
}

/** Retracts a figure with a reason. */
export async function retractFigureAction(previous: FormState, formData: FormData): Promise<FormState> {
  return retract(previous, formData);
}

/** Corrects the reason a retracted figure gives. */
export async function correctReasonAction(previous: FormState, formData: FormData): Promise<FormState> {
  return correctReason(previous, formData);
}

/** Publishes a retracted figure again, or brings back an earlier version from its history. */
export async function restoreFigureAction(previous: FormState, formData: FormData): Promise<FormState> {
  return restore(previous, formData);
}
