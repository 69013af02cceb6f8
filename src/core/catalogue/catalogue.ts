import { indexTaxonomy, type TaxonomyIndex } from '../taxonomy/index.js';
import type { Taxonomy } from '../taxonomy/schema.js';
import { cloudServicesOf, place, type Placement, type PlacementContext } from '../placement/place.js';
import type { Tool } from './tool.js';

/** A validated taxonomy and tool list, with every tool placed. The unit the CLI, store and server share. */
export interface Catalogue {
  tax: TaxonomyIndex;
  tools: Tool[];
  byId: ReadonlyMap<string, Tool>;
  placement: ReadonlyMap<string, Placement>;
  /** What placement needs to know beyond one tool: which entries are a cloud's own services. */
  context: PlacementContext;
}

export function buildCatalogue(taxonomy: Taxonomy, tools: Tool[]): Catalogue {
  const tax = indexTaxonomy(taxonomy);
  const sorted = [...tools].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const context: PlacementContext = { cloudServices: cloudServicesOf(sorted, tax) };
  return {
    tax,
    tools: sorted,
    byId: new Map(sorted.map((t) => [t.id, t])),
    placement: new Map(sorted.map((t) => [t.id, place(t, tax, context)])),
    context,
  };
}

/** Finds a tool by id, name or alias, case-insensitively. */
export function findTool(cat: Catalogue, query: string): Tool | undefined {
  const q = query.trim().toLowerCase();
  return cat.byId.get(q) ?? cat.tools.find((t) => t.name.toLowerCase() === q || t.aliases.some((a) => a.toLowerCase() === q));
}
