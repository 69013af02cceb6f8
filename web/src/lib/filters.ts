import { createToolSearch, toSearchDocument, type ToolSearch } from '../../../src/core/search/search';
import { cachedSearch } from './search-cache';
import type { WebCatalogue } from './data';

type WebTool = WebCatalogue['tools'][number];

/** The filters shared by the map, the table and the lifecycle view; they live in the URL. */
export interface Filters {
  q: string;
  quadrant: string;
  category: string;
  capability: string;
  stage: string;
  oss: string;
  offering: string;
  status: string;
}

export const FILTER_KEYS = ['q', 'quadrant', 'category', 'capability', 'stage', 'oss', 'offering', 'status'] as const;

export function filtersFrom(params: URLSearchParams): Filters {
  return Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as unknown as Filters;
}

export function withFilter(params: URLSearchParams, key: keyof Filters, value: string): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value) next.set(key, value);
  else next.delete(key);
  return next;
}

/** What a first keystroke can be: its results are computed in idle time once the index exists. */
const FIRST_KEYS = [...'abcdefghijklmnopqrstuvwxyz0123456789'];

/**
 * The same search as the API's, over the web catalogue; built once, in idle time, then the one-character
 * queries are warmed (see search-cache.ts). `npm run bench` times keystrokes from the last mark.
 */
export function buildIndex(cat: WebCatalogue): ToolSearch {
  const started = performance.now();
  const capName = new Map(cat.taxonomy.capabilities.map((c) => [c.id, c.name]));
  const catName = new Map(cat.taxonomy.categories.map((c) => [c.id, c.name]));
  const search = cachedSearch(
    createToolSearch(
      cat.tools.map((t) => toSearchDocument(t, [...t.capabilities.map((c) => capName.get(c) ?? c), ...t.categories.map((c) => catName.get(c) ?? c)])),
    ),
  );
  performance.measure('mlnav:search-index', { start: started });
  performance.mark('mlnav:search-ready');
  const warming = performance.now();
  void search.warm(FIRST_KEYS).then(() => {
    performance.measure('mlnav:search-warm', { start: warming });
    performance.mark('mlnav:search-warmed');
  });
  return search;
}

/** The tools that pass every filter, in catalogue order (or by relevance when searching). */
export function applyFilters(cat: WebCatalogue, index: ToolSearch | null, f: Filters): WebTool[] {
  const stageCaps = f.stage ? new Set(cat.taxonomy.capabilities.filter((c) => c.stages.includes(f.stage)).map((c) => c.id)) : undefined;
  let tools = cat.tools.filter(
    (t) =>
      (!f.quadrant || t.quadrant === f.quadrant) &&
      (!f.category || t.categories.includes(f.category)) &&
      (!f.capability || t.capabilities.includes(f.capability)) &&
      (!stageCaps || t.capabilities.some((c) => stageCaps.has(c))) &&
      (!f.oss || String(t.openSource) === f.oss) &&
      (!f.offering || t.offering.includes(f.offering as never)) &&
      (!f.status || t.status === f.status),
  );
  if (index && f.q.trim()) {
    const rank = new Map(index.search(f.q).map((id, i) => [id, i]));
    tools = tools.filter((t) => rank.has(t.id)).sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
  }
  return tools;
}
