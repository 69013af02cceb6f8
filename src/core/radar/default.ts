import type { Catalogue } from '../catalogue/catalogue.js';
import { isRetired } from '../catalogue/tool.js';
import type { Point } from '../stack/geometry.js';
import type { Blip, Radar } from './schema.js';

/** Part 3's table: each tool in its category's ring (the most adopted of its categories); retired tools in the outermost ring. */
export function defaultRadar(cat: Catalogue, date: string, title = 'MLOps adoption radar'): Radar {
  const order = cat.tax.taxonomy.rings.map((r) => r.id);
  const outer = order[order.length - 1]!;
  const middle = order[Math.floor((order.length - 1) / 2)]!;
  const blips: Blip[] = cat.tools.map((t) => {
    const cats = t.categories
      .map((c) => cat.tax.category.get(c)!)
      .filter(Boolean)
      .sort((a, b) => order.indexOf(a.ring) - order.indexOf(b.ring));
    const ring = isRetired(t) ? outer : (cats[0]?.ring ?? middle);
    const rationale = isRetired(t)
      ? `${t.name} is ${t.status.state}${t.status.replacedBy?.length ? `; consider ${t.status.replacedBy.join(', ')}` : ''}.`
      : `${cats[0]?.name ?? 'Uncategorised'}: ${cats[0]?.ringReason ?? ''}`;
    return { id: t.id, name: t.name, quadrant: cat.placement.get(t.id)!.quadrant, ring, tool: t.id, rationale };
  });
  return {
    title,
    rings: cat.tax.taxonomy.rings.map((r) => ({ id: r.id, name: r.name })),
    quadrants: cat.tax.taxonomy.quadrants.map((q) => ({ id: q.id, name: q.name })),
    editions: [{ date, blips }],
  };
}

export interface RingSuggestion {
  tool: string;
  ring: string;
  distance: number;
  explanation: string;
}

/** Where part 3 starts the rings: the software/piecemeal corner, where most organisations stand. */
export const DEFAULT_STANDPOINT: Point = { x: -1, y: -1 };

/**
 * Part 3 lays the rings over the landscape, spreading out from where the organisation stands: the
 * nearer a tool is to that point, the stronger the case to adopt it. Distances are divided by the
 * map's diagonal and cut into one equal-width band per ring.
 */
export function suggestRings(cat: Catalogue, standpoint: Point = DEFAULT_STANDPOINT): RingSuggestion[] {
  const diagonal = 2 * Math.SQRT2;
  const order = cat.tax.taxonomy.rings.map((r) => r.id);
  return cat.tools.map((t) => {
    const p = cat.placement.get(t.id)!;
    const d = Math.hypot(p.x - standpoint.x, p.y - standpoint.y) / diagonal;
    const ring = order[Math.min(order.length - 1, Math.floor(d * order.length))]!;
    return {
      tool: t.id,
      ring,
      distance: Math.round(d * 1000) / 1000,
      explanation: `${Math.round(d * 100)}% of the map's diagonal from where you stand (${standpoint.x.toFixed(2)}, ${standpoint.y.toFixed(2)}): ${ring}`,
    };
  });
}

/** A radar whose rings are the suggestions, except where the owner already decided (the owner wins). */
export function suggestedRadar(cat: Catalogue, date: string, standpoint: Point, decided?: Radar): Radar {
  const base = defaultRadar(cat, date, 'MLOps adoption radar (suggested rings)');
  const owner = new Map((decided?.editions.at(-1)?.blips ?? []).map((b) => [b.tool ?? b.id, b]));
  const suggestion = new Map(suggestRings(cat, standpoint).map((s) => [s.tool, s]));
  base.editions[0]!.blips = base.editions[0]!.blips.map((b) => {
    const own = owner.get(b.id);
    if (own) return { ...b, ring: own.ring, rationale: own.rationale ?? `Decided by the owner (suggested: ${suggestion.get(b.id)!.ring}).` };
    const s = suggestion.get(b.id)!;
    return { ...b, ring: s.ring, rationale: `Suggested: ${s.explanation}.` };
  });
  return base;
}
