import type { FigureFilters } from '@/lib/validation/figure-filters';

/**
 * The download's file name, saying what it holds, so that a chart's CSV is not mistaken for (or
 * saved over) the whole event's: `<event or all-events>[-<metrics>][-<group>][-<place>]
 * [-from-<date>][-to-<date>][-retracted|-with-retracted]-figures-<YYYY-MM-DD>.csv`, the date the
 * file was made (UTC). Names keep their letters (Cyrillic included); see contentDisposition.
 */
export function exportFileName(filters: Partial<FigureFilters> & { hxl?: boolean }, now: Date = new Date()): string {
  const status = filters.status === 'all' ? 'with-retracted' : filters.status === 'retracted' ? 'retracted' : '';
  const parts = [
    filters.event ?? 'all-events',
    filters.metric?.join('+') ?? '',
    filters.group ?? '',
    filters.location ?? '',
    filters.from ? `from-${filters.from}` : '',
    filters.to ? `to-${filters.to}` : '',
    status,
    filters.hxl ? 'hxl' : '',
    `figures-${now.toISOString().slice(0, 10)}`,
  ];
  // Each part as one word: no character a file system or a header would trip on.
  // Invisible format characters (a zero-width space) go too.
  const word = (part: string) => part.trim().replace(/[\s/\\:*?"<>|;,%'\p{Cc}\p{Cf}]+/gu, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  return `${parts.map(word).filter(Boolean).join('-')}.csv`;
}

/**
 * The Content-Disposition of a download named `name`: the name itself when it is plain ASCII,
 * else an ASCII stand-in (each run of letters outside ASCII an "x") and the name in UTF-8
 * (RFC 6266, RFC 8187), which browsers prefer.
 */
export function contentDisposition(name: string): string {
  if (/^[\x20-\x7e]*$/.test(name)) return `attachment; filename="${name}"`;
  // Each run of other letters an "x", so that a part named in them still shows it was there (a
  // group's file is not named as the whole event's), and a short hash of the whole name, so that
  // two groups in other letters (a client that reads only this name: curl -OJ) do not collide.
  const ascii = name.replace(/[^\x20-\x7e]+/g, 'x').replace(/\.csv$/, `-${fnv1a(name)}.csv`);
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** FNV-1a, 32 bits, of a text's UTF-16 code units, as 8 hex digits: short, stable, not secret. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}
