import { and, eq, ne, sql } from 'drizzle-orm';
import { unitMismatch } from '@/lib/validation/figure';
import type { FigureFormInput, FigureSource } from '@/lib/validation/figure-form';
import { writeTransaction, type Db, type Tx } from '../index';
import { auditEntries, events, figures, metrics, sources, type Figure } from '../schema';
import { logAudit, type Actor } from './audit';
import { ensureSource } from './catalog';
import { changesNothing, NOTHING_CHANGED } from '@/lib/unchanged';

/** A write refused for a reason the editor can act on; `field` names the form field to mark. */
export class FigureWriteError extends Error {
  constructor(message: string, readonly field: string | null = null) {
    super(message);
  }
}

export type SaveResult = { status: 'saved'; figure: Figure } | { status: 'stale'; current: Figure };

/** The columns an editor sets; the rest (status, revision, timestamps) follow from the action. */
export const EDITABLE = ['eventId', 'metricId', 'group', 'location', 'qualifier', 'valueLow', 'valueBest', 'valueHigh', 'unit', 'reportedOn', 'sourceId', 'quote', 'note'] as const;
type Editable = Pick<Figure, (typeof EDITABLE)[number]>;

function resolveSource(tx: Tx, source: FigureSource, actor: Actor): number {
  if (source.kind === 'new') return ensureSource(tx, { ...source.source, fullText: source.source.fullText || null }, actor).id;
  if (!tx.select({ id: sources.id }).from(sources).where(eq(sources.id, source.id)).get()) {
    throw new FigureWriteError('That source no longer exists; choose another.', 'sourceId');
  }
  return source.id;
}

/** A metric's label and unit, which a figure's unit must be; undefined when there is no such metric. */
export function metricUnitOf(db: Db | Tx, metricId: number): { label: string; unit: string } | undefined {
  return db.select({ label: metrics.label, unit: metrics.unit }).from(metrics).where(eq(metrics.id, metricId)).get();
}

/** Why a figure cannot be saved with this metric and unit (the metric must exist, the unit be its), or null. */
function metricIssue(tx: Tx, metricId: number, unit: string): { field: 'metricId' | 'unit'; message: string } | null {
  const metric = metricUnitOf(tx, metricId);
  if (!metric) return { field: 'metricId', message: 'That metric no longer exists; choose another.' };
  const mismatch = unitMismatch(unit, metric);
  return mismatch ? { field: 'unit', message: mismatch } : null;
}

function columnsOf(tx: Tx, input: FigureFormInput, actor: Actor): Editable {
  const issue = metricIssue(tx, input.metricId, input.unit);
  if (issue) throw new FigureWriteError(issue.message, issue.field);
  // A form posted with an event that is not (or no longer) there: said, not a foreign-key error.
  if (!tx.select({ id: events.id }).from(events).where(eq(events.id, input.eventId)).get()) throw new FigureWriteError('That event no longer exists; choose another.', 'eventId');
  return {
    eventId: input.eventId,
    metricId: input.metricId,
    group: input.group,
    location: input.location,
    qualifier: input.qualifier,
    valueLow: input.valueLow,
    valueBest: input.valueBest,
    valueHigh: input.valueHigh,
    unit: input.unit,
    reportedOn: input.reportedOn,
    sourceId: resolveSource(tx, input.source, actor),
    quote: input.quote === '' ? null : input.quote,
    note: input.note,
  };
}

// The same identity the import uses: one report per event, metric, group, location, source, day.
function refuseDuplicate(tx: Tx, v: Editable, exceptId: number | null): void {
  const clash = tx
    .select({ id: figures.id })
    .from(figures)
    .where(
      and(
        eq(figures.eventId, v.eventId), eq(figures.metricId, v.metricId), eq(figures.group, v.group), eq(figures.location, v.location),
        eq(figures.sourceId, v.sourceId), eq(figures.reportedOn, v.reportedOn), exceptId === null ? undefined : ne(figures.id, exceptId),
      ),
    )
    .get();
  if (clash) throw new FigureWriteError(`This source already reported this metric for the same group, place and date (figure #${clash.id}); edit that figure instead.`);
}

/** Creates a figure (and its source, when new) with audit entries, all in one transaction. */
export function createFigure(db: Db, input: FigureFormInput, actor: Actor, confirmedWarning?: string | null): Figure {
  return writeTransaction(db, (tx) => {
    const values = columnsOf(tx, input, actor);
    refuseDuplicate(tx, values, null);
    const row = tx.insert(figures).values(values).returning().get();
    logAudit(tx, { actor, action: 'create', entityType: 'figure', entityId: row.id, before: null, after: row, confirmedWarning });
    return row;
  });
}

function currentFigure(tx: Tx, id: number): Figure {
  const row = tx.select().from(figures).where(eq(figures.id, id)).get();
  if (!row) throw new FigureWriteError(`There is no figure #${id}.`);
  return row;
}

/**
 * Applies `change` to the figure if it is still at `expectedRevision`, bumping the revision and
 * logging the audit entry in the same transaction; otherwise returns the current figure so the
 * editor can see what changed. The UPDATE's own `revision = ?` guard makes the check and the write
 * one step even if another connection slipped in between.
 */
function guardedUpdate(
  db: Db,
  id: number,
  expectedRevision: number,
  actor: Actor,
  action: 'update' | 'retract' | 'restore',
  change: (tx: Tx, current: Figure) => Partial<Figure>,
  reason?: string,
  confirmedWarning?: string | null,
): SaveResult {
  return writeTransaction(db, (tx): SaveResult => {
    const current = currentFigure(tx, id);
    if (current.revision !== expectedRevision) return { status: 'stale', current };
    const set = change(tx, current);
    const updated = tx
      .update(figures)
      .set({ ...set, revision: sql`${figures.revision} + 1`, updatedAt: new Date().toISOString() })
      .where(and(eq(figures.id, id), eq(figures.revision, expectedRevision)))
      .returning()
      .get();
    if (!updated) return { status: 'stale', current: currentFigure(tx, id) };
    logAudit(tx, { actor, action, entityType: 'figure', entityId: id, before: current, after: updated, reason, confirmedWarning });
    return { status: 'saved', figure: updated };
  });
}

/**
 * Saves an edit made from `expectedRevision`; a stale revision is refused, never overwritten. The
 * editor's reason for it, if given, goes into its audit entry.
 */
export function updateFigure(db: Db, id: number, expectedRevision: number, input: FigureFormInput, actor: Actor, reason?: string, confirmedWarning?: string | null): SaveResult {
  return guardedUpdate(db, id, expectedRevision, actor, 'update', (tx, current) => {
    const values = columnsOf(tx, input, actor);
    if (changesNothing(values, current)) throw new FigureWriteError(NOTHING_CHANGED);
    refuseDuplicate(tx, values, id);
    return values;
  }, reason, confirmedWarning);
}

/** Retracts a figure with a reason; it stays in the data, struck through, with the reason. */
export function retractFigure(db: Db, id: number, expectedRevision: number, reason: string, actor: Actor): SaveResult {
  return guardedUpdate(db, id, expectedRevision, actor, 'retract', (_tx, current) => {
    if (current.status === 'retracted') throw new FigureWriteError('This figure is already retracted.');
    return { status: 'retracted', retractionReason: reason };
  });
}

/**
 * Corrects the reason a retracted figure gives (a typo, a wrong word), without publishing it again
 * in between: a new revision, and the reason it gave before stays in its history.
 */
export function correctRetractionReason(db: Db, id: number, expectedRevision: number, reason: string, actor: Actor): SaveResult {
  return guardedUpdate(db, id, expectedRevision, actor, 'update', (_tx, current) => {
    if (current.status !== 'retracted') throw new FigureWriteError('This figure is not retracted, so it has no reason to correct.');
    if (current.retractionReason === reason) throw new FigureWriteError('This is the reason it already gives; change it, or leave it as it is.', 'reason');
    return { retractionReason: reason };
  });
}

/** Publishes a retracted figure again, with the editor's reason when given. */
export function restoreFigure(db: Db, id: number, expectedRevision: number, actor: Actor, reason?: string): SaveResult {
  return guardedUpdate(db, id, expectedRevision, actor, 'restore', (_tx, current) => {
    if (current.status !== 'retracted') throw new FigureWriteError('This figure is not retracted.');
    return { status: 'published', retractionReason: null };
  }, reason);
}

/** The figure as an audit entry left it (its `after`), if the entry is one of this figure's. */
export function figureSnapshot(db: Db | Tx, figureId: number, auditEntryId: number): Figure | undefined {
  const entry = db
    .select({ after: auditEntries.after })
    .from(auditEntries)
    .where(and(eq(auditEntries.id, auditEntryId), eq(auditEntries.entityType, 'figure'), eq(auditEntries.entityId, figureId)))
    .get();
  return (entry?.after ?? undefined) as Figure | undefined;
}

/** The figure as it was at `revision`, from the audit entry that produced that revision. */
export function figureAtRevision(db: Db | Tx, figureId: number, revision: number): Figure | undefined {
  const entry = db
    .select({ after: auditEntries.after })
    .from(auditEntries)
    .where(and(eq(auditEntries.entityType, 'figure'), eq(auditEntries.entityId, figureId), sql`json_extract(${auditEntries.after}, '$.revision') = ${revision}`))
    .orderBy(sql`${auditEntries.id} DESC`)
    .get();
  return (entry?.after ?? undefined) as Figure | undefined;
}

/**
 * Brings back an earlier version from the figure's history: its values, status and retraction
 * reason, as a new revision (so nothing is lost, and the restore is itself in the history, with the
 * editor's reason for it when given).
 */
export function restoreFigureVersion(db: Db, id: number, expectedRevision: number, auditEntryId: number, actor: Actor, reason?: string): SaveResult {
  return guardedUpdate(db, id, expectedRevision, actor, 'restore', (tx) => {
    const old = figureSnapshot(tx, id, auditEntryId);
    if (!old) throw new FigureWriteError('That version is not in this figure’s history.');
    const values: Partial<Figure> = { status: old.status, retractionReason: old.retractionReason };
    for (const key of EDITABLE) Object.assign(values, { [key]: old[key] });
    refuseDuplicate(tx, values as Editable, id);
    if (!tx.select({ id: sources.id }).from(sources).where(eq(sources.id, old.sourceId)).get()) {
      throw new FigureWriteError('That version’s source no longer exists.');
    }
    // A version saved before a figure had to be in its metric's unit comes back only through an edit.
    const issue = metricIssue(tx, old.metricId, old.unit);
    if (issue) throw new FigureWriteError(`That version cannot be brought back as it was: ${issue.message} Edit the figure instead.`);
    return values;
  }, reason);
}
