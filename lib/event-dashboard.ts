import 'server-only';
import { getDb } from '@/db/index';
import { readDataVersion } from '@/db/queries/data-version';
import { findEventBySlug } from '@/db/queries/events';
import { listFiguresForEvent, type FigureWithContext } from '@/db/queries/figures';
import type { Event } from '@/db/schema';
import { numberSources, type CitedSource } from './citations';
import { buildSeries, metricsOf, primarySeries, type Series } from './dashboard';
import { VersionedCache } from './versioned-cache';
import { describeScope } from './wording';

export type HeadlineCard = {
  anchor: string;
  series: Series;
  headline: FigureWithContext;
  /** The metric's whole count (group "all" in the event's country), shown first and larger. */
  primary: boolean;
};

export type EventDashboard = {
  event: Event;
  series: Series[];
  metrics: Array<{ key: string; label: string }>;
  /** The units of the metrics' headline figures, in metric order. */
  units: string[];
  /** Per metric, its cards; `omitted` counts the groups and places not given a card. */
  cards: Array<{ metricKey: string; metricLabel: string; omitted: number; cards: HeadlineCard[] }>;
  sources: CitedSource[];
  citationOf: Record<number, number>;
  /** Every report, for the full table. */
  figures: FigureWithContext[];
  /** When any figure or source of the event last changed (ISO timestamp). */
  lastUpdated: string;
};

/** At most this many cards per metric, the whole count first; the rest are in the tables. */
export const CARDS_PER_METRIC = 12;

const cache = new VersionedCache<EventDashboard | null>(100);

/**
 * Everything the event page shows, computed once per data version: any edit anywhere bumps the
 * version, so the next request recomputes and no reader sees a stale number.
 */
export function loadEventDashboard(slug: string): EventDashboard | null {
  const db = getDb();
  // Only real events are cached, so made-up addresses cannot push them out of the cache.
  const event = findEventBySlug(db, slug);
  if (!event) return null;
  const { version } = readDataVersion(db);
  return cache.get(slug, version, () => buildEventDashboard(event, listFiguresForEvent(db, event.id)));
}

/** The page's view of an event's figures: series, headline cards, numbered sources. */
export function buildEventDashboard(event: Event, figures: FigureWithContext[]): EventDashboard {
  const series = buildSeries(figures);
  const metrics = metricsOf(series);
  const cards = metrics.map(({ key, label }) => {
    const primary = primarySeries(series, key, event.country);
    const withHeadline = series.filter((s) => s.metricKey === key && s.headline);
    const ordered = (primary ? [primary, ...withHeadline.filter((s) => s !== primary)] : withHeadline).slice(0, CARDS_PER_METRIC);
    return {
      metricKey: key,
      metricLabel: label,
      omitted: withHeadline.length - ordered.length,
      cards: ordered.map((s) => ({ anchor: `figure-${s.headline!.id}`, series: s, headline: s.headline!, primary: s === primary })),
    };
  });
  const headlines = cards.flatMap((m) => m.cards);
  const backLinks = new Map(
    headlines.map((c) => [c.headline.id, { anchor: c.anchor, label: `${c.series.metricLabel}, ${describeScope(c.series.group, c.series.location)}` }]),
  );
  const { sources, numberOf } = numberSources([...headlines.map((c) => c.headline), ...series.flatMap((s) => s.reports)], backLinks);
  let lastUpdated = event.updatedAt;
  for (const f of figures) {
    if (f.updatedAt > lastUpdated) lastUpdated = f.updatedAt;
    if (f.source.updatedAt > lastUpdated) lastUpdated = f.source.updatedAt;
  }
  const units = [...new Set(cards.flatMap((m) => m.cards.filter((c) => c.primary).map((c) => c.headline.unit)))];
  return {
    event,
    series,
    metrics,
    units,
    cards,
    sources,
    citationOf: Object.fromEntries(sources.map((s) => [s.id, numberOf(s.id)])),
    figures,
    lastUpdated,
  };
}

/** What the charts show before the reader picks: deaths (or the first metric) and its unit. */
export function dashboardDefaults(d: Pick<EventDashboard, 'metrics' | 'units' | 'cards'>): { metric: string; unit: string } {
  const metric = d.metrics.find((m) => m.key === 'deaths')?.key ?? d.metrics[0]?.key ?? '';
  const unit = d.cards.find((m) => m.metricKey === metric)?.cards.find((c) => c.primary)?.headline.unit ?? d.units[0] ?? '';
  return { metric, unit };
}
