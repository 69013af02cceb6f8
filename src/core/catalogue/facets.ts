import type { Catalogue } from './catalogue.js';
import { capabilitiesAt, type Tool } from './tool.js';

export type FacetCounts = Record<string, Record<string, number>>;

/** How many of `tools` fall in each value of each filterable field. */
export function facetCounts(cat: Catalogue, tools: readonly Tool[]): FacetCounts {
  const out: FacetCounts = { quadrant: {}, category: {}, capability: {}, stage: {}, offering: {}, status: {}, openSource: {} };
  const bump = (facet: string, key: string) => {
    out[facet]![key] = (out[facet]![key] ?? 0) + 1;
  };
  for (const t of tools) {
    bump('quadrant', cat.placement.get(t.id)!.quadrant);
    for (const c of t.categories) bump('category', c);
    for (const c of capabilitiesAt(t, 'core', 'partial')) bump('capability', c);
    for (const s of new Set(capabilitiesAt(t, 'core').flatMap((c) => cat.tax.capability.get(c)?.stages ?? []))) bump('stage', s);
    for (const o of t.offering) bump('offering', o);
    bump('status', t.status.state);
    bump('openSource', String(t.openSource));
  }
  return out;
}
