import type { PageVersion } from '@/db/queries/data-version';
import type { PageTemplate } from './template';

/** One rendered page, valid while its version's tag and the day (pages show today's date) hold. */
export type CachedPage = {
  version: PageVersion;
  day: string;
  status: number;
  /** Response headers as Next sent them, minus the per-connection ones. */
  headers: Array<[string, string | string[]]>;
  /** The nonce the page was rendered with (also in its Content-Security-Policy header). */
  nonce: string;
  body: PageTemplate;
};

/**
 * Rendered public pages by request key, least recently used evicted first, bounded in bytes so
 * that a flood of made-up query strings cannot grow memory without limit.
 */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private bytes = 0;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  /** The page for `key` when it was rendered at this version (its tag) on this day. */
  get(key: string, version: PageVersion, day: string): CachedPage | null {
    const hit = this.entries.get(key);
    if (!hit) return null;
    if (hit.version.tag !== version.tag || hit.day !== day) {
      this.delete(key);
      return null;
    }
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit;
  }

  set(key: string, page: CachedPage): void {
    if (page.body.length > this.maxBytes / 4) return;
    // A render that started before a newer one finished must not replace it.
    const current = this.entries.get(key);
    if (current && current.version.order > page.version.order) return;
    this.delete(key);
    this.entries.set(key, page);
    this.bytes += page.body.length;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.body.length;
    }
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.body.length;
  }
}
