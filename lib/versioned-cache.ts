/**
 * A small in-process cache whose entries are valid for one data version (see db/schema.ts
 * `dataVersion`). Any write to public data, from any process, bumps the version, so a reader
 * never sees a stale number, and nothing has to remember to invalidate anything.
 */
export class VersionedCache<V> {
  private readonly entries = new Map<string, { version: number; value: V }>();

  constructor(private readonly maxEntries = 200) {}

  /**
   * The value for `key` at `version`, computing and keeping it when missing or outdated.
   * `compute` is given the entry it replaces (of another version, older or newer), if any.
   */
  get(key: string, version: number, compute: (previous?: { version: number; value: V }) => V): V {
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      // Refresh the entry's place so the least recently used one is evicted first.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = compute(hit);
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return value;
  }
}

/**
 * A VersionedCache per database connection. Versions count the changes of one database: the
 * entries kept for another one (in tests, the previous test's database, opened by the same
 * process) must never be taken for this one's, nor serve as the earlier version it reads on from.
 */
export function cachePerDatabase<V>(maxEntries: number): (db: object) => VersionedCache<V> {
  const caches = new WeakMap<object, VersionedCache<V>>();
  return (db) => {
    let cache = caches.get(db);
    if (!cache) caches.set(db, (cache = new VersionedCache<V>(maxEntries)));
    return cache;
  };
}
