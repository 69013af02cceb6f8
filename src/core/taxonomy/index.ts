import type { Capability, Category, Stage, Taxonomy, QuadrantId } from './schema.js';

/** Lookups over a taxonomy, built once. */
export interface TaxonomyIndex {
  taxonomy: Taxonomy;
  capability: ReadonlyMap<string, Capability>;
  category: ReadonlyMap<string, Category>;
  stage: ReadonlyMap<string, Stage>;
  quadrantName: ReadonlyMap<QuadrantId, string>;
}

export function indexTaxonomy(taxonomy: Taxonomy): TaxonomyIndex {
  return {
    taxonomy,
    capability: new Map(taxonomy.capabilities.map((c) => [c.id, c])),
    category: new Map(taxonomy.categories.map((c) => [c.id, c])),
    stage: new Map(taxonomy.stages.map((s) => [s.id, s])),
    quadrantName: new Map(taxonomy.quadrants.map((q) => [q.id, q.name])),
  };
}

/** Internal consistency of a taxonomy: every reference points at something defined. */
export function checkTaxonomy(t: Taxonomy): Array<{ field: string; message: string }> {
  const out: Array<{ field: string; message: string }> = [];
  const stages = new Set(t.stages.map((s) => s.id));
  const dup = (kind: string, ids: string[]) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) out.push({ field: `${kind}[${i}].id`, message: `duplicate id "${id}"` });
      seen.add(id);
    });
  };
  dup('stages', t.stages.map((s) => s.id));
  dup('categories', t.categories.map((c) => c.id));
  dup('capabilities', t.capabilities.map((c) => c.id));
  t.capabilities.forEach((c, i) =>
    c.stages.forEach((s, j) => {
      if (!stages.has(s)) out.push({ field: `capabilities[${i}].stages[${j}]`, message: `unknown stage "${s}"` });
    }),
  );
  t.loops.forEach((l, i) =>
    l.cycle.forEach((s, j) => {
      if (!stages.has(s)) out.push({ field: `loops[${i}].cycle[${j}]`, message: `unknown stage "${s}"` });
    }),
  );
  t.interlocks.forEach((l, i) => {
    if (!stages.has(l.stage)) out.push({ field: `interlocks[${i}].stage`, message: `unknown stage "${l.stage}"` });
  });
  return out;
}
