import MiniSearch from 'minisearch';
import type { Catalogue } from '../catalogue/catalogue.js';

/** Full-text search over names, aliases, descriptions, vendors and the names of capabilities and categories. */
export interface ToolSearch {
  /** Ids of matching tools, best first. An empty query matches nothing. */
  search(query: string): string[];
}

export function buildToolSearch(cat: Catalogue): ToolSearch {
  const index = new MiniSearch<{ id: string; name: string; aliases: string; description: string; vendor: string; tags: string }>({
    fields: ['name', 'aliases', 'description', 'vendor', 'tags'],
    storeFields: [],
    searchOptions: { boost: { name: 4, aliases: 3, tags: 1.5 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
  });
  index.addAll(
    cat.tools.map((t) => ({
      id: t.id,
      name: t.name,
      aliases: t.aliases.join(' '),
      description: t.description,
      vendor: t.vendor ?? '',
      tags: [...t.capabilities.primary, ...t.capabilities.secondary]
        .map((c) => cat.tax.capability.get(c)?.name ?? c)
        .concat(t.categories.map((c) => cat.tax.category.get(c)?.name ?? c))
        .join(' '),
    })),
  );
  return {
    search: (query) => (query.trim() ? index.search(query.trim()).map((r) => String(r.id)) : []),
  };
}
