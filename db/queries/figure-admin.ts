import { and, asc, count, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Executor } from '../index';
import { foldCase } from '../text-match';
import { events, figures, metrics, sources, type Figure, type FigureStatus, type Source } from '../schema';

export type FigureFilters = { eventId?: number; metricId?: number; status?: FigureStatus; q?: string; page: number; pageSize: number };

export type AdminFigureRow = Figure & {
  eventName: string;
  metricLabel: string;
  sourceLabel: string;
  reportingBody: string;
};

// LIKE treats % and _ as wildcards; a search for "10%" means the characters.
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function where(f: FigureFilters): SQL | undefined {
  const conditions: Array<SQL | undefined> = [
    f.eventId ? eq(figures.eventId, f.eventId) : undefined,
    f.metricId ? eq(figures.metricId, f.metricId) : undefined,
    f.status ? eq(figures.status, f.status) : undefined,
  ];
  if (f.q) {
    // LIKE ignores letter case for ASCII letters only: a search with other letters ("тест") is
    // matched on text folded in JavaScript (fold_case, db/text-match.ts), in any letter case too.
    // Only text with such letters can hold them: an all-ASCII column is not folded in JavaScript.
    const folded = foldCase(f.q);
    const pattern = `%${escapeLike(folded)}%`;
    const l = /^[\x00-\x7f]*$/.test(folded)
      ? (col: AnySQLiteColumn) => sql`${col} LIKE ${pattern} ESCAPE '\\'`
      : (col: AnySQLiteColumn) => sql`(length(${col}) <> octet_length(${col}) AND instr(fold_case(${col}), ${folded}) > 0)`;
    conditions.push(or(l(figures.note), l(sources.reportingBody), l(sources.publisher), l(sources.title), l(sources.url)));
  }
  return and(...conditions);
}

/**
 * One page of figures for the admin list, newest report first, with the total for paging.
 * Text search (`q`, in any letter case, in any script) reads the note and the source's body, publisher, title and URL.
 */
export function listFiguresForAdmin(db: Executor, f: FigureFilters): { rows: AdminFigureRow[]; total: number } {
  const filter = where(f);
  const total =
    db.select({ n: count() }).from(figures).innerJoin(sources, eq(sources.id, figures.sourceId)).where(filter).get()?.n ?? 0;
  const rows = db
    .select({ figure: figures, eventName: events.name, metricLabel: metrics.label, reportingBody: sources.reportingBody, title: sources.title, publisher: sources.publisher })
    .from(figures)
    .innerJoin(sources, eq(sources.id, figures.sourceId))
    .innerJoin(events, eq(events.id, figures.eventId))
    .innerJoin(metrics, eq(metrics.id, figures.metricId))
    .where(filter)
    .orderBy(desc(figures.reportedOn), desc(figures.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .all()
    .map((r) => ({ ...r.figure, eventName: r.eventName, metricLabel: r.metricLabel, reportingBody: r.reportingBody, sourceLabel: r.title || r.publisher || r.reportingBody }));
  return { rows, total };
}

/** One figure by id. */
export function findFigure(db: Executor, id: number): Figure | undefined {
  return db.select().from(figures).where(eq(figures.id, id)).get();
}

export type FormOptions = {
  events: Array<{ id: number; name: string }>;
  metrics: Array<{ id: number; label: string; unit: string }>;
  sources: Array<{ id: number; label: string }>;
};

/**
 * A source in one line, as pickers and histories name it: "2022-01-15 · Prosecutor General's
 * Office · Kazakhstan raises…"; one without a title by its publisher and web address, so that two
 * untitled reports of one publisher and day are told apart: "2022-01-06 · Atameken · TASS,
 * tass.com/world/1384597".
 */
export function sourceLabel(s: Pick<Source, 'reportingBody' | 'publisher' | 'title' | 'publishedOn' | 'url'>): string {
  const where = s.title || [s.publisher, s.url.replace(/^https?:\/\/(www\.)?/i, '')].filter(Boolean).join(', ');
  return `${s.publishedOn} · ${s.reportingBody}${where ? ` · ${where}` : ''}`;
}

/** What the figure form offers in its pickers. */
export function figureFormOptions(db: Executor): FormOptions {
  return {
    events: db.select({ id: events.id, name: events.name }).from(events).orderBy(desc(events.startDate)).all(),
    metrics: db.select({ id: metrics.id, label: metrics.label, unit: metrics.unit }).from(metrics).orderBy(asc(metrics.sortOrder), asc(metrics.key)).all(),
    sources: db
      .select({ id: sources.id, reportingBody: sources.reportingBody, publisher: sources.publisher, title: sources.title, publishedOn: sources.publishedOn, url: sources.url })
      .from(sources)
      .orderBy(desc(sources.publishedOn), asc(sources.reportingBody))
      .all()
      .map((s) => ({ id: s.id, label: sourceLabel(s) })),
  };
}

/** Names for the ids a figure refers to, so a history reads "Deaths", not "#1". */
export function figureFieldNames(db: Executor): Record<'eventId' | 'metricId' | 'sourceId', Map<number, string>> {
  const o = figureFormOptions(db);
  return {
    eventId: new Map(o.events.map((e) => [e.id, e.name])),
    metricId: new Map(o.metrics.map((m) => [m.id, m.label])),
    sourceId: new Map(o.sources.map((s) => [s.id, s.label])),
  };
}
