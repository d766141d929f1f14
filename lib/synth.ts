/**
 * Deterministic synthetic data for benchmarks: many events, every metric, groups and places
 * (some Cyrillic), several sources and revisions per series, ranges, unknowns and retractions.
 * The same arguments always give the same rows.
 */
import { RANGE_QUALIFIERS } from './validation/figure';

/** mulberry32: a tiny, fast, well-distributed PRNG; enough for test data, not for secrets. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SYNTH_METRICS = [
  { key: 'deaths', unit: 'people', scale: 500 },
  { key: 'injured', unit: 'people', scale: 3000 },
  { key: 'detained', unit: 'people', scale: 8000 },
  { key: 'businesses_affected', unit: 'businesses', scale: 1500 },
  { key: 'vehicles_burned', unit: 'vehicles', scale: 600 },
  { key: 'malls_banks_looted', unit: 'premises', scale: 150 },
  { key: 'economic_damage', unit: 'KZT', scale: 90_000_000_000 },
] as const;

const COUNTRIES = ['Kazakhstan', 'Кыргызстан', 'Uzbekistan', 'Тоҷикистон', 'Georgia', 'Armenia', 'Mongolia', 'Україна'];
const GROUPS = ['all', 'civilians', 'law enforcement', 'military', 'гражданские лица', 'children', 'protesters'];
const CITIES = ['Almaty', 'Алматы', 'Astana', 'Бишкек', 'Osh', 'Тараз', 'Shymkent', 'Ақтөбе'];
const PUBLISHERS = ['TASS', 'Interfax', 'Associated Press', 'Reuters', 'Kazinform', 'Азаттык', 'Vlast.kz', 'Kursiv', '24.kg'];
const BODIES = ['Ministry of Health', 'Ministry of Internal Affairs', "Prosecutor General's Office", 'Министерство здравоохранения', 'City administration'];
const QUALIFIERS = ['exact', 'exact', 'exact', 'about', 'more_than', 'at_least', 'at_most'] as const;

/** A bound ("more than") drawn for a range becomes "about": a range takes only the qualifiers RANGE_QUALIFIERS allows. */
const rangeQualifier = (q: (typeof QUALIFIERS)[number], range: boolean) => (range && !RANGE_QUALIFIERS.includes(q) ? 'about' : q);

export type SynthEvent = { slug: string; name: string; country: string; startDate: string; endDate: string; description: string };
export type SynthSource = { reportingBody: string; publisher: string; title: string; url: string; publishedOn: string };
export type SynthFigure = {
  metricKey: string;
  group: string;
  location: string;
  qualifier: string;
  valueLow: number | null;
  valueBest: number | null;
  valueHigh: number | null;
  unit: string;
  reportedOn: string;
  /** Index into the event's sources. */
  source: number;
  note: string;
  status: 'published' | 'retracted';
  retractionReason: string | null;
};

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The i-th event (0-based): its identity and the sources that report on it. */
export function synthEvent(i: number, seed: number, random: () => number): { event: SynthEvent; sources: SynthSource[] } {
  const start = Date.UTC(2000, 0, 1) + Math.floor(random() * 8000) * DAY;
  const country = COUNTRIES[i % COUNTRIES.length]!;
  const n = String(i + 1).padStart(5, '0');
  const event = {
    slug: `synth-${seed}-event-${n}`,
    name: i % 3 === 0 ? `Беспорядки № ${n}` : `Synthetic unrest ${n}`,
    country,
    startDate: isoDay(start),
    endDate: isoDay(start + (3 + Math.floor(random() * 20)) * DAY),
    description: `Generated for benchmarks (event ${n}).`,
  };
  const sources = Array.from({ length: 40 }, (_, s) => ({
    reportingBody: BODIES[s % BODIES.length]!,
    publisher: PUBLISHERS[(s + i) % PUBLISHERS.length]!,
    title: `Report ${s + 1} on ${event.name}`,
    url: `https://example.org/${event.slug}/report-${s + 1}`,
    publishedOn: isoDay(start + (s + 1) * DAY),
  }));
  return { event, sources };
}

/**
 * The figures of one event: `count` reports spread over series (metric × group × place), each
 * series revised several times by different sources on later dates.
 */
export function* synthFigures(count: number, event: SynthEvent, random: () => number): Generator<SynthFigure> {
  const start = Date.parse(`${event.startDate}T00:00:00Z`);
  let made = 0;
  for (let series = 0; made < count; series++) {
    const metric = SYNTH_METRICS[series % SYNTH_METRICS.length]!;
    const scope = Math.floor(series / SYNTH_METRICS.length);
    const group = GROUPS[scope % GROUPS.length]!;
    const placeIndex = Math.floor(scope / GROUPS.length);
    const location = placeIndex === 0 ? event.country : placeIndex <= CITIES.length ? CITIES[placeIndex - 1]! : `District ${placeIndex - CITIES.length}`;
    const revisions = Math.min(count - made, 2 + Math.floor(random() * 5));
    let value = Math.max(1, Math.round(metric.scale * (0.05 + random() * 0.3)));
    for (let r = 0; r < revisions; r++, made++) {
      value = Math.round(value * (1 + random() * 0.4));
      const roll = random();
      const unknown = r === 0 && roll < 0.03;
      const range = !unknown && roll > 0.9;
      yield {
        metricKey: metric.key,
        group,
        location,
        qualifier: unknown ? 'unknown' : rangeQualifier(QUALIFIERS[Math.floor(random() * QUALIFIERS.length)]!, range),
        valueLow: range ? Math.round(value * 0.9) : null,
        valueBest: unknown ? null : value,
        valueHigh: range ? Math.round(value * 1.1) : null,
        unit: metric.unit,
        reportedOn: isoDay(start + (r * 5 + 1 + (series % 3)) * DAY),
        source: r % 40,
        note: r === 0 ? 'first report' : '',
        ...(random() < 0.02 ? { status: 'retracted' as const, retractionReason: 'withdrawn by the source' } : { status: 'published' as const, retractionReason: null }),
      };
    }
  }
}
