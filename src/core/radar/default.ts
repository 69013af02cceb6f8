import type { Catalogue } from '../catalogue/catalogue.js';
import { isRetired } from '../catalogue/tool.js';
import { categoryRing, ringEvidence, type RingEvidence } from './evidence.js';
import type { Point } from '../stack/geometry.js';
import type { Blip, Radar } from './schema.js';

/** What the catalogue's radar can know beyond the catalogue: the organisation's teams per tool, and rings its owners decided. */
export interface RadarEvidence {
  /** Tool id -> how many teams in the organisation's stacks use it. */
  teams?: ReadonlyMap<string, number>;
  /** Tool id -> the ring an owner gave it in a published edition (which wins). */
  decided?: ReadonlyMap<string, { radar: string; date: string; ring: string }>;
  /** Words a tool's evidence as its rationale (the faces pass their wording); default: the category's reason. */
  rationale?: (e: RingEvidence) => string;
}

/**
 * The catalogue's radar: every tool in the ring its evidence gives (core/radar/evidence.ts), starting
 * from part 3's category ring; retired tools in the outermost ring. Each blip's rationale says why.
 */
export function defaultRadar(cat: Catalogue, date: string, title = 'MLOps adoption radar', ev: RadarEvidence = {}): Radar {
  const blips: Blip[] = cat.tools.map((t) => {
    const e = ringEvidence(cat, t, { teams: ev.teams?.get(t.id), decided: ev.decided?.get(t.id) });
    const category = categoryRing(cat, t);
    const fallback = () => {
      if (isRetired(t)) return `${t.name} is ${t.status.state}${t.status.replacedBy?.length ? `; consider ${t.status.replacedBy.join(', ')}` : ''}.`;
      const c = category.code === 'category' ? cat.tax.category.get(category.category) : undefined;
      return `${c?.name ?? 'Uncategorised'}: ${c?.ringReason ?? ''}`;
    };
    return {
      id: t.id,
      name: t.name,
      quadrant: cat.placement.get(t.id)!.quadrant,
      ring: e.ring,
      tool: t.id,
      rationale: ev.rationale ? ev.rationale(e) : fallback(),
    };
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
