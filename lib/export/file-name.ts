import { fnv1a } from '@/lib/fnv1a';
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
  // Each part as one word of letters, digits and "+", "." or "_": no character a file system, a
  // header or a spreadsheet would trip on ("=", quotes, brackets), nor an invisible one.
  const word = (part: string) => part.trim().replace(/[^\p{L}\p{M}\p{N}+._]+/gu, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  return `${parts.map(word).filter(Boolean).join('-')}.csv`;
}

// Russian and Kazakh Cyrillic in Latin letters (BGN/PCGN-like, without diacritics): the places
// and groups of the region's data read in an ASCII name too ("Алматы" as "Almaty").
const CYRILLIC_IN_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', ә: 'a', ғ: 'gh', қ: 'q', ң: 'ng', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i',
};

/** A name's letters in ASCII where they have a plain Latin reading: Cyrillic spelt out, accents dropped. */
function inLatinLetters(name: string): string {
  return name
    .replace(/\p{Script=Cyrillic}/gu, (c) => {
      const lower = c.toLowerCase();
      const latin = CYRILLIC_IN_LATIN[lower];
      if (latin === undefined) return c;
      return c === lower || !latin ? latin : latin[0]!.toUpperCase() + latin.slice(1);
    })
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
}

/**
 * The Content-Disposition of a download named `name`: the name itself when it is plain ASCII,
 * else an ASCII stand-in and the name in UTF-8 (RFC 6266, RFC 8187), which browsers prefer. The
 * stand-in (what `curl -OJ` saves under) spells Cyrillic in Latin letters and drops accents.
 */
export function contentDisposition(name: string): string {
  if (/^[\x20-\x7e]*$/.test(name)) return `attachment; filename="${name}"`;
  // Any other letter left is an "x" (each run of them), so that a part named in them still shows
  // it was there (a group's file is not named as the whole event's), with a short hash of the
  // whole name, so that two groups in such letters do not get one name.
  const latin = inLatinLetters(name);
  const ascii = /^[\x20-\x7e]*$/.test(latin) ? latin : latin.replace(/[^\x20-\x7e]+/g, 'x').replace(/\.csv$/, `-${fnv1a(name)}.csv`);
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
