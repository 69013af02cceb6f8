import type { Capability, Category, Interlock, Persona, Stage, Taxonomy, QuadrantId } from './schema.js';

/** Lookups over a taxonomy, built once. */
export interface TaxonomyIndex {
  taxonomy: Taxonomy;
  capability: ReadonlyMap<string, Capability>;
  category: ReadonlyMap<string, Category>;
  stage: ReadonlyMap<string, Stage>;
  interlock: ReadonlyMap<string, Interlock>;
  persona: ReadonlyMap<string, Persona>;
  quadrantName: ReadonlyMap<QuadrantId, string>;
  /** Ring id -> its adoption risk; rings in order from the centre out. */
  ringRisk: ReadonlyMap<string, number>;
  /** Capability ids whose group is ML work. */
  mlCapabilities: ReadonlySet<string>;
  /** Capability id -> the use-case it is one part of, for those the taxonomy groups into one job. */
  useCaseOf: ReadonlyMap<string, string>;
  /** The quadrant for each pair of signs: key `${x sign}${y sign}` with '+' or '-'. */
  quadrantBySigns: ReadonlyMap<string, QuadrantId>;
}

export function indexTaxonomy(taxonomy: Taxonomy): TaxonomyIndex {
  const mlGroups = new Set(taxonomy.capabilityGroups.filter((g) => g.ml).map((g) => g.id));
  const sign = (s: 'negative' | 'positive') => (s === 'positive' ? '+' : '-');
  return {
    taxonomy,
    capability: new Map(taxonomy.capabilities.map((c) => [c.id, c])),
    category: new Map(taxonomy.categories.map((c) => [c.id, c])),
    stage: new Map(taxonomy.stages.map((s) => [s.id, s])),
    interlock: new Map(taxonomy.interlocks.map((l) => [l.id, l])),
    persona: new Map(taxonomy.personas.map((p) => [p.id, p])),
    quadrantName: new Map(taxonomy.quadrants.map((q) => [q.id, q.name])),
    ringRisk: new Map(taxonomy.rings.map((r) => [r.id, r.risk])),
    mlCapabilities: new Set(taxonomy.capabilities.filter((c) => mlGroups.has(c.group)).map((c) => c.id)),
    useCaseOf: new Map(taxonomy.useCases.flatMap((u) => u.capabilities.map((c) => [c, u.id] as const))),
    quadrantBySigns: new Map(taxonomy.quadrants.map((q) => [`${sign(q.x)}${sign(q.y)}`, q.id])),
  };
}

/** Internal consistency of a taxonomy: every reference points at something defined. */
export function checkTaxonomy(t: Taxonomy): Array<{ field: string; message: string }> {
  const out: Array<{ field: string; message: string }> = [];
  const ids = <T extends { id: string }>(xs: readonly T[]) => new Set(xs.map((x) => x.id));
  const stages = ids(t.stages),
    caps = ids(t.capabilities),
    loops = ids(t.loops),
    personas = ids(t.personas);
  const quadrants = ids(t.quadrants),
    rings = ids(t.rings),
    groups = ids(t.capabilityGroups),
    interlocks = ids(t.interlocks);
  const ref = (field: string, kind: string, known: ReadonlySet<string>, id: string) => {
    if (!known.has(id)) out.push({ field, message: `unknown ${kind} "${id}"` });
  };
  const dup = (kind: string, list: ReadonlyArray<{ id: string }>) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) out.push({ field: `${kind}[${i}].id`, message: `duplicate id "${x.id}"` });
      seen.add(x.id);
    });
  };
  dup('quadrants', t.quadrants);
  dup('stages', t.stages);
  dup('loops', t.loops);
  dup('interlocks', t.interlocks);
  dup('personas', t.personas);
  dup('rings', t.rings);
  dup('categories', t.categories);
  dup('capabilityGroups', t.capabilityGroups);
  dup('capabilities', t.capabilities);
  dup('maturityModels', t.maturityModels);
  dup('useCases', t.useCases);
  const signs = new Set(t.quadrants.map((q) => `${q.x}/${q.y}`));
  if (signs.size !== t.quadrants.length) out.push({ field: 'quadrants', message: 'each quadrant needs its own pair of x and y signs' });
  t.stages.forEach((s, i) => {
    s.loops.forEach((l, j) => ref(`stages[${i}].loops[${j}]`, 'loop', loops, l));
    s.capabilities.essential.forEach((c, j) => ref(`stages[${i}].capabilities.essential[${j}]`, 'capability', caps, c));
    s.capabilities.helpful.forEach((c, j) => ref(`stages[${i}].capabilities.helpful[${j}]`, 'capability', caps, c));
  });
  t.loops.forEach((l, i) => {
    ref(`loops[${i}].persona`, 'persona', personas, l.persona);
    l.cycle.forEach((s, j) => ref(`loops[${i}].cycle[${j}]`, 'stage', stages, s));
  });
  t.interlocks.forEach((l, i) => {
    for (const f of ['stage', 'from', 'to'] as const) ref(`interlocks[${i}].${f}`, 'stage', stages, l[f]);
    l.bridges.forEach((c, j) => ref(`interlocks[${i}].bridges[${j}]`, 'capability', caps, c));
  });
  t.personas.forEach((p, i) => p.loops.forEach((l, j) => ref(`personas[${i}].loops[${j}]`, 'loop', loops, l)));
  t.categories.forEach((c, i) => {
    ref(`categories[${i}].quadrant`, 'quadrant', quadrants, c.quadrant);
    ref(`categories[${i}].ring`, 'ring', rings, c.ring);
  });
  t.capabilityGroups.forEach((g, i) => g.ringCeiling && ref(`capabilityGroups[${i}].ringCeiling.ring`, 'ring', rings, g.ringCeiling.ring));
  t.capabilities.forEach((c, i) => {
    ref(`capabilities[${i}].group`, 'capability group', groups, c.group);
    (c.countsOnlyWith ?? []).forEach((d, j) => ref(`capabilities[${i}].countsOnlyWith[${j}]`, 'capability', caps, d));
  });
  const inUseCase = new Map<string, string>();
  t.useCases.forEach((u, i) =>
    u.capabilities.forEach((c, j) => {
      ref(`useCases[${i}].capabilities[${j}]`, 'capability', caps, c);
      const other = inUseCase.get(c);
      if (other)
        out.push({ field: `useCases[${i}].capabilities[${j}]`, message: `"${c}" is already in use-case "${other}": a capability belongs to one use-case` });
      else inUseCase.set(c, u.id);
    }),
  );
  t.maturityModels.forEach((m, i) => {
    m.levels.forEach((lv, j) => {
      if (lv.level !== j) out.push({ field: `maturityModels[${i}].levels[${j}].level`, message: `levels are numbered from 0 in order: expected ${j}` });
      lv.requires.forEach((r, k) => {
        const at = `maturityModels[${i}].levels[${j}].requires[${k}]`;
        if ('interlock' in r) ref(`${at}.interlock`, 'interlock', interlocks, r.interlock);
        else r.capabilities.forEach((c, n) => ref(`${at}.capabilities[${n}]`, 'capability', caps, c));
      });
    });
  });
  t.diagonals.forEach((d, i) => (d.capabilities ?? []).forEach((c, j) => ref(`diagonals[${i}].capabilities[${j}]`, 'capability', caps, c)));
  return out;
}
