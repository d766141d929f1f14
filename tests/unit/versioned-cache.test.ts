import { describe, expect, it } from 'vitest';
import { cachePerDatabase, VersionedCache } from '@/lib/versioned-cache';

describe('VersionedCache', () => {
  it('computes once per key and version, and again when the version moves', () => {
    const cache = new VersionedCache<number>();
    let calls = 0;
    const compute = () => ++calls;
    expect(cache.get('a', 1, compute)).toBe(1);
    expect(cache.get('a', 1, compute)).toBe(1);
    expect(cache.get('a', 2, compute)).toBe(2);
    expect(cache.get('b', 2, compute)).toBe(3);
  });
  it('evicts the least recently used entry past its size', () => {
    const cache = new VersionedCache<string>(2);
    let calls = 0;
    cache.get('a', 1, () => `a${++calls}`);
    cache.get('b', 1, () => `b${++calls}`);
    cache.get('a', 1, () => `a${++calls}`);
    cache.get('c', 1, () => `c${++calls}`);
    expect(cache.get('a', 1, () => `a${++calls}`)).toBe('a1');
    expect(cache.get('b', 1, () => `b${++calls}`)).toBe('b4');
  });
  it('gives the computation the entry it replaces, of whichever version', () => {
    const cache = new VersionedCache<string>();
    const seen: Array<{ version: number; value: string } | undefined> = [];
    const compute = (v: string) => (previous?: { version: number; value: string }) => (seen.push(previous), v);
    cache.get('a', 1, compute('one'));
    cache.get('a', 3, compute('three'));
    cache.get('a', 2, compute('two'));
    expect(seen).toEqual([undefined, { version: 1, value: 'one' }, { version: 3, value: 'three' }]);
  });
});


describe('cachePerDatabase', () => {
  it('keeps one cache per database: the same key and version of another database is neither a hit nor an earlier version', () => {
    const cacheOf = cachePerDatabase<string>(10);
    const [a, b] = [{}, {}];
    expect(cacheOf(a).get('events', 5, () => 'a at 5')).toBe('a at 5');
    const seen: Array<number | undefined> = [];
    expect(cacheOf(b).get('events', 5, (previous) => (seen.push(previous?.version), 'b at 5'))).toBe('b at 5');
    expect(cacheOf(b).get('events', 6, (previous) => (seen.push(previous?.version), 'b at 6'))).toBe('b at 6');
    expect(seen).toEqual([undefined, 5]);
    expect(cacheOf(a).get('events', 5, () => 'recomputed')).toBe('a at 5');
    expect(cacheOf(a)).toBe(cacheOf(a));
  });
});
