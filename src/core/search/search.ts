import { capabilitiesAt } from '../catalogue/capabilities.js';
import MiniSearch from 'minisearch';
import type { Catalogue } from '../catalogue/catalogue.js';

/** What search looks at for one tool; the API and the web app index the same fields the same way. */
export interface SearchDocument {
  id: string;
  name: string;
  aliases: string;
  description: string;
  vendor: string;
  /** Names of its capabilities and categories. */
  tags: string;
}

/** Full-text search over tools: ids best first; an empty query matches nothing. */
export interface ToolSearch {
  search(query: string): string[];
}

/** A tool, or a listing row, as search sees it; `tags` are the names of its capabilities and categories. */
export function toSearchDocument(
  t: { id: string; name: string; aliases: readonly string[]; description: string; vendor?: string | null },
  tags: readonly string[],
): SearchDocument {
  return { id: t.id, name: t.name, aliases: t.aliases.join(' '), description: t.description, vendor: t.vendor ?? '', tags: tags.join(' ') };
}

export function createToolSearch(documents: readonly SearchDocument[]): ToolSearch {
  const index = new MiniSearch<SearchDocument>({
    fields: ['name', 'aliases', 'description', 'vendor', 'tags'],
    storeFields: [],
    // Fuzzy matching only for longer words: on short ones it matches everything and costs the most. For the
    // same reason a one-letter word is a prefix only when it is the whole query: "tool 1" looks for the word
    // "1" (every word starting with 1 cost 17 ms at 2,500 tools), "tool 12" for words starting with 12.
    searchOptions: {
      boost: { name: 4, aliases: 3, tags: 1.5 },
      prefix: (term, _i, terms) => term.length > 1 || terms.length === 1,
      fuzzy: (term) => (term.length > 3 ? 0.15 : false),
      combineWith: 'AND',
    },
  });
  index.addAll([...documents]);
  return { search: (query) => (query.trim() ? index.search(query.trim()).map((r) => String(r.id)) : []) };
}

export function buildToolSearch(cat: Catalogue): ToolSearch {
  return createToolSearch(
    cat.tools.map((t) =>
      toSearchDocument(t, [
        ...capabilitiesAt(t, 'core', 'partial').map((c) => cat.tax.capability.get(c)?.name ?? c),
        ...t.categories.map((c) => cat.tax.category.get(c)?.name ?? c),
      ]),
    ),
  );
}
