/** Differences between two snapshots of a record, as the history pages show them. */

export type FieldChange = { field: string; label: string; before: string; after: string };

/** An entry's stored before or after as a record, or null (a creation has no before). */
export const snapshotOf = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' ? (v as Record<string, unknown>) : null);

/** Names editors know, for the columns they edit. */
export const FIELD_LABELS: Record<string, string> = {
  eventId: 'Event', metricId: 'Metric', group: 'Group', location: 'Location', qualifier: 'Qualifier',
  valueLow: 'Number (low)', valueBest: 'Number (best)', valueHigh: 'Number (high)', unit: 'Unit', reportedOn: 'Reported on',
  sourceId: 'Source', quote: 'Quote', note: 'Note', status: 'Status', retractionReason: 'Retraction reason',
  slug: 'Slug', name: 'Name', country: 'Country', startDate: 'Start date', endDate: 'End date', description: 'Description',
  reportingBody: 'Reported by', publisher: 'Publisher', title: 'Title', url: 'Web address', publishedOn: 'Published on',
  fullText: 'Full text', key: 'Key', label: 'Label', hxlTag: 'HXL tag', sortOrder: 'Order',
  reason: 'Reason',
};

// Bookkeeping that changes with every write and says nothing about the content; `removed` marks
// a removal's entry, which the entry's action already says.
const IGNORED = new Set(['id', 'revision', 'createdAt', 'updatedAt', 'removed']);

const MAX_SHOWN = 300;

/** How a field with no value shows. */
export const EMPTY = '(empty)';

// The numbers of a figure, shown as people read them ("5,135").
const NUMBER_FIELDS = new Set(['valueLow', 'valueBest', 'valueHigh']);
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A stored value as text: empty shows as "(empty)"; ids are named by `names` when given. */
export function showValue(field: string, value: unknown, names?: Partial<Record<string, Map<number, string>>>): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'number' && NUMBER_FIELDS.has(field)) return grouped.format(value);
  if (typeof value === 'number' && names?.[field]?.has(value)) return names[field]!.get(value)!;
  if (typeof value === 'number' && field.endsWith('Id')) return `#${value}`;
  const text = String(value);
  // A source's full text can run to pages; the history shows its start.
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}… (${text.length.toLocaleString('en-US')} characters)` : text;
}

/**
 * The fields whose values differ between `before` and `after` (either may be null: a creation has
 * no before), in the order of FIELD_LABELS, then any other field.
 */
export function diffSnapshots(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  names?: Partial<Record<string, Map<number, string>>>,
): FieldChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const ordered = [...Object.keys(FIELD_LABELS).filter((k) => keys.has(k)), ...[...keys].filter((k) => !(k in FIELD_LABELS)).sort()];
  const changes: FieldChange[] = [];
  for (const field of ordered) {
    if (IGNORED.has(field)) continue;
    // Empty text and no value read the same ("(empty)"): a removal's empty fields are no change.
    const a = before?.[field] === '' ? null : before?.[field] ?? null;
    const b = after?.[field] === '' ? null : after?.[field] ?? null;
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    changes.push({ field, label: FIELD_LABELS[field] ?? field, before: showValue(field, a, names), after: showValue(field, b, names) });
  }
  return changes;
}
