import type { Catalogue } from '../core/catalogue/catalogue.js';
import { summarise, type ToolSummary } from '../core/catalogue/query.js';
import { isRetired } from '../core/catalogue/tool.js';
import { diagonalMembers } from '../core/placement/diagonals.js';
import { layoutLandscape, type LandscapeLayout } from '../core/render/landscape.js';
import type { Taxonomy } from '../core/taxonomy/schema.js';
import type { StoreInfo } from '../store/store.js';

/** A listing row for the web app: the summary plus what the table, cards and search show. */
export interface WebTool extends ToolSummary {
  description: string;
  homepage: string;
  retired: boolean;
}

/** Everything the web app loads once: the API serves it, the static export writes it to a file. */
export interface WebCatalogue {
  version: string;
  source: string;
  taxonomy: Taxonomy;
  tools: WebTool[];
  map: LandscapeLayout;
  diagonals: Record<string, string[]>;
  /** Entries that sell capabilities through other entries (general clouds): the clouds a user can name. */
  clouds: string[];
}

export function webCatalogue(cat: Catalogue, info: Pick<StoreInfo, 'sourceHash' | 'loadedAt' | 'source' | 'catalogueVersion'>): WebCatalogue {
  const tools = cat.tools.map((t) => ({ ...summarise(cat, t), description: t.description, homepage: t.homepage, retired: isRetired(t) }));
  const map = layoutLandscape(
    tools.map((t) => ({ id: t.id, name: t.name, x: t.x, y: t.y, quadrant: t.quadrant, retired: t.retired })),
    { title: 'The MLOps landscape', subtitle: `${tools.length} tools · placement computed from capabilities`, quadrants: cat.tax.taxonomy.quadrants },
  );
  return {
    // The organisation's approved changes bump the catalogue version: the ETag must change with them.
    version: `${info.sourceHash}-${Date.parse(info.loadedAt) || 0}${info.catalogueVersion ? `-${info.catalogueVersion}` : ''}`,
    source: info.source,
    taxonomy: cat.tax.taxonomy,
    tools,
    map,
    diagonals: Object.fromEntries(cat.tax.taxonomy.diagonals.map((d) => [d.id, diagonalMembers(cat, d)])),
    clouds: [...new Set([...(cat.context.cloudServices?.values() ?? [])].flat())].sort(),
  };
}
