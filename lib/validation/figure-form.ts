import { z } from 'zod';
import { changeReason, LIMITS, pastDate, requiredText } from './fields';
import { checkableValueIssues, figureValueShape, unitMismatch } from './figure';
import { revision, rowId } from './ids';
import { sourceSchema, type SourceInput } from './source';

/** The new-source fields of the figure form, by the source field each one fills. */
export const NEW_SOURCE_FIELDS = {
  reportingBody: 'newSourceReportingBody',
  publisher: 'newSourcePublisher',
  title: 'newSourceTitle',
  url: 'newSourceUrl',
  publishedOn: 'newSourcePublishedOn',
} as const;

const SOURCE_CHOICES = ['existing', 'new'] as const;
const sourceChoice = z.enum(SOURCE_CHOICES, { error: 'Choose an existing source or add a new one.' });
const sourceId = rowId('Choose the source, or add a new one.');

export type FigureSource = { kind: 'existing'; id: number } | { kind: 'new'; source: SourceInput };

type RawSource = { sourceChoice: (typeof SOURCE_CHOICES)[number]; sourceId?: unknown; reportedOn?: unknown } & Partial<Record<(typeof NEW_SOURCE_FIELDS)[keyof typeof NEW_SOURCE_FIELDS], unknown>>;

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * The source the form names, or the problems with it keyed by the form's field names. A new
 * source's publication date left empty is the figure's reported-on date, as the import takes it
 * when a file has no `source_published_on`; while that date is itself wrong, the empty field is
 * not marked as well (the Reported on field says what to fix).
 */
function readSource(raw: RawSource): { source?: FigureSource; issues: Array<{ field: string; message: string }> } {
  if (raw.sourceChoice === 'existing') {
    const r = sourceId.safeParse(raw.sourceId);
    return r.success ? { source: { kind: 'existing', id: r.data }, issues: [] } : { issues: r.error.issues.map((i) => ({ field: 'sourceId', message: i.message })) };
  }
  const reportedOn = pastDate.safeParse(raw.reportedOn);
  const dateless = blank(raw.newSourcePublishedOn);
  const r = sourceSchema.safeParse({
    reportingBody: raw.newSourceReportingBody ?? '',
    publisher: raw.newSourcePublisher ?? '',
    title: raw.newSourceTitle ?? '',
    url: raw.newSourceUrl ?? '',
    publishedOn: dateless && reportedOn.success ? reportedOn.data : (raw.newSourcePublishedOn ?? ''),
  });
  if (r.success) return { source: { kind: 'new', source: r.data }, issues: [] };
  return {
    issues: r.error.issues
      .filter((i) => !(dateless && i.path[0] === 'publishedOn'))
      .map((i) => ({ field: NEW_SOURCE_FIELDS[i.path[0] as keyof typeof NEW_SOURCE_FIELDS] ?? 'sourceId', message: i.message })),
  };
}

const shape = {
  eventId: rowId('Choose the event.'),
  metricId: rowId('Choose the metric.'),
  ...figureValueShape,
  sourceChoice,
  sourceId: z.unknown().optional(),
  newSourceReportingBody: z.unknown().optional(),
  newSourcePublisher: z.unknown().optional(),
  newSourceTitle: z.unknown().optional(),
  newSourceUrl: z.unknown().optional(),
  newSourcePublishedOn: z.unknown().optional(),
};

/**
 * The admin form for a figure. The figure's own rules are the import's (figureValueShape,
 * figureValueIssues); the form names the event, metric and source by id, or fills in a new source
 * whose rules are those of sourceSchema. Cross-field rules run whenever the fields they read are
 * valid (checkableValueIssues), so one submission shows every problem at once.
 */
export const figureFormSchema = z
  .object(shape)
  .superRefine((f, ctx) => {
    for (const { field, message } of checkableValueIssues(f)) ctx.addIssue({ code: 'custom', path: [field], message });
  }, { when: (p) => typeof p.value === 'object' && p.value !== null })
  .superRefine((f, ctx) => {
    for (const { field, message } of readSource(f).issues) ctx.addIssue({ code: 'custom', path: [field], message });
  }, { when: (p) => sourceChoice.safeParse((p.value as { sourceChoice?: unknown } | null)?.sourceChoice).success })
  .transform((f) => {
    const { sourceChoice: _c, sourceId: _i, newSourceReportingBody: _b, newSourcePublisher: _p, newSourceTitle: _t, newSourceUrl: _u, newSourcePublishedOn: _d, ...figure } = f;
    // readSource cannot fail here: the refinement above would have stopped the parse.
    return { ...figure, source: readSource(f).source as FigureSource };
  });

export type FigureFormInput = z.output<typeof figureFormSchema>;

const metricAndUnit = z.object({ metricId: shape.metricId, unit: shape.unit });

/**
 * The unit field's problem with the metric chosen (unitMismatch), when both fields are valid by
 * themselves, for an answer that lists it beside the other fields' problems: the rule needs the
 * metric's unit from the database, so the schema cannot check it (the save checks it again).
 */
export function figureUnitErrors(values: Record<string, unknown>, metricOf: (id: number) => { label: string; unit: string } | undefined): Record<string, string[]> {
  const parsed = metricAndUnit.safeParse(values);
  if (!parsed.success) return {};
  const metric = metricOf(parsed.data.metricId);
  const mismatch = metric ? unitMismatch(parsed.data.unit, metric) : null;
  return mismatch ? { unit: [mismatch] } : {};
}

/**
 * Editing adds the figure, the revision the form was built from, and optionally why: a line the
 * figure's public page shows with the change.
 */
export const figureEditSchema = z
  .object({ figureId: rowId('The form is missing its figure; reload the page.'), revision, changeReason })
  .and(figureFormSchema);

/** Retracting needs a reason, shown on the public page beside the struck-through figure. */
export const retractSchema = z.object({
  figureId: rowId('The form is missing its figure; reload the page.'),
  revision,
  reason: requiredText(LIMITS.note, 'why the figure is retracted'),
});

/** Restoring a retracted figure, or an earlier version from its history, optionally saying why (as an edit may). */
export const restoreSchema = z.object({
  figureId: rowId('The form is missing its figure; reload the page.'),
  revision,
  changeReason,
  auditEntryId: z.unknown().optional().transform((v, ctx) => {
    if (v === undefined || v === null || v === '') return null;
    const r = rowId('Choose the version to restore.').safeParse(v);
    if (!r.success) {
      ctx.issues.push({ code: 'custom', input: v, message: 'Choose the version to restore.' });
      return z.NEVER;
    }
    return r.data;
  }),
});
