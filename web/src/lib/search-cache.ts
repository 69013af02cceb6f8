import type { ToolSearch } from '../../../src/core/search/search';

/** A search that keeps its results by query, and can compute some ahead of time. */
export interface CachedSearch extends ToolSearch {
  /** Runs these queries when the browser is idle, one per idle period; resolves when all are done. */
  warm(queries: readonly string[]): Promise<void>;
}

/**
 * Results kept by query (the last `capacity` queries), so deleting back or retyping is instant. The first
 * keystroke is the costliest search: one letter is a prefix of nearly every word in the catalogue, and the
 * engine has not optimised the search code yet. Warming the single characters in idle time takes that off it.
 */
export function cachedSearch(index: ToolSearch, capacity = 64): CachedSearch {
  const cache = new Map<string, string[]>();
  const search = (query: string): string[] => {
    // The index lower-cases and splits on white space, so these queries are the same query.
    const key = query.trim().toLowerCase().replace(/\s+/g, ' ');
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key); // most recently used goes last
      cache.set(key, hit);
      return hit;
    }
    const ids = index.search(key);
    cache.set(key, ids);
    if (cache.size > capacity) cache.delete(cache.keys().next().value!);
    return ids;
  };
  const ric = (globalThis as { requestIdleCallback?: (f: () => void) => number }).requestIdleCallback;
  const idle = (f: () => void) => (ric ? ric.call(globalThis, f) : setTimeout(f, 0));
  return {
    search,
    warm: (queries) =>
      new Promise<void>((resolve) => {
        let next = 0;
        const step = () => {
          if (next >= queries.length) return resolve();
          search(queries[next++]!);
          idle(step);
        };
        idle(step);
      }),
  };
}
