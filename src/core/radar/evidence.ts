import type { Catalogue } from '../catalogue/catalogue.js';
import { isRetired, type Tool } from '../catalogue/tool.js';

/**
 * Why a tool gets a ring: codes and parameters (src/wording words them). Rings are named by id; their
 * order (centre out) is the taxonomy's, so nothing here knows what the rings are called.
 */
export type RingReason =
  | { code: 'category'; category: string; ring: string }
  | { code: 'no-category'; ring: string }
  | { code: 'track-record'; years: number; integrations: number }
  | { code: 'ecosystem'; integrations: number; years: number; ring: string }
  | { code: 'used-by-teams'; teams: number; ring: string }
  | { code: 'young'; years: number; ring: string }
  | { code: 'maintenance'; ring: string }
  | { code: 'practice'; group: string; ring: string }
  | { code: 'retired'; state: string; replacedBy: string[]; ring: string }
  | { code: 'decided'; radar: string; date: string; ring: string };

export interface RingEvidence {
  tool: string;
  ring: string;
  risk: number;
  /** In the order they were applied; the last one that changed the ring decided it. */
  reasons: RingReason[];
}

/** Catalogue tools integrating with a tool (and years since its first release) that make it a standard others build on: one ring in. */
export const ECOSYSTEM = { integrations: 15, years: 5 } as const;

const links = new WeakMap<Catalogue, Map<string, number>>();
/** How many catalogue tools list each tool in their works-with: the catalogue's own adoption signal. */
export function integrations(cat: Catalogue): ReadonlyMap<string, number> {
  let m = links.get(cat);
  if (!m) {
    m = new Map();
    for (const t of cat.tools) for (const w of new Set(t.worksWith)) m.set(w, (m.get(w) ?? 0) + 1);
    links.set(cat, m);
  }
  return m;
}

/** Teams in the organisation's stacks that use a tool before it counts as proven there (at least the second ring). */
export const TEAMS_FOR_TRIAL = 2;
/** Years since the first release under which a tool is at best in the third ring (under two) or the second (under three). */
export const YOUNG_YEARS = { third: 2, second: 3 } as const;

const newest = new WeakMap<Catalogue, number>();
/** The newest first release in the catalogue: "now", without a clock in the core. */
export function catalogueYear(cat: Catalogue): number {
  let v = newest.get(cat);
  if (v === undefined) newest.set(cat, (v = cat.tools.reduce((m, t) => Math.max(m, t.firstRelease), 0)));
  return v;
}

/** The ring part 3's table gives the tool's categories (the strongest), or the middle ring without one. */
export function categoryRing(cat: Catalogue, tool: Tool): RingReason & { code: 'category' | 'no-category' } {
  const order = cat.tax.taxonomy.rings.map((r) => r.id);
  let best: { category: string; ring: string } | undefined;
  for (const c of tool.categories) {
    const ring = cat.tax.category.get(c)?.ring;
    if (ring !== undefined && order.includes(ring) && (!best || order.indexOf(ring) < order.indexOf(best.ring))) best = { category: c, ring };
  }
  return best ? { code: 'category', ...best } : { code: 'no-category', ring: order[Math.floor((order.length - 1) / 2)]! };
}

/**
 * The innermost ring a tool can have for these uses (capability ids): a practice too young for any tool
 * to be proven caps it (the taxonomy's `ringCeiling` on a capability group). A tool is as proven as its most
 * proven use, so the cap is the loosest over the uses; a use without a ceiling means none.
 */
export function practiceCeiling(cat: Catalogue, uses: readonly string[]): { group: string; ring: string; since: number } | undefined {
  if (!uses.length) return undefined;
  const order = cat.tax.taxonomy.rings.map((r) => r.id);
  let loosest: { group: string; ring: string; since: number } | undefined;
  for (const u of uses) {
    const group = cat.tax.capability.get(u)?.group;
    const ceiling = cat.tax.taxonomy.capabilityGroups.find((g) => g.id === group)?.ringCeiling;
    if (!ceiling || !order.includes(ceiling.ring)) return undefined;
    if (!loosest || order.indexOf(ceiling.ring) < order.indexOf(loosest.ring)) loosest = { group: group!, ring: ceiling.ring, since: ceiling.since };
  }
  return loosest;
}

/**
 * A tool's ring from the evidence the catalogue and the organisation have: part 3's category ring as the
 * starting point; adoption by the organisation's own teams; its age; maintenance; the practice it is used
 * for; retirement; and last, what the radar's owners already decided, which always wins.
 * `uses` defaults to the tool's core capabilities.
 */
export function ringEvidence(
  cat: Catalogue,
  tool: Tool,
  opts: {
    uses?: readonly string[];
    teams?: number;
    decided?: { radar: string; date: string; ring: string };
    /** Leave out age and maintenance (the recommender charges for them on their own). */
    standingOnly?: boolean;
  } = {},
): RingEvidence {
  const rings = cat.tax.taxonomy.rings;
  const order = rings.map((r) => r.id);
  const at = (i: number) => order[Math.max(0, Math.min(order.length - 1, i))]!;
  const reasons: RingReason[] = [];
  const prior = categoryRing(cat, tool);
  let i = order.indexOf(prior.ring);
  reasons.push(prior);
  const years = Math.max(0, catalogueYear(cat) - tool.firstRelease);
  const used = integrations(cat).get(tool.id) ?? 0;
  reasons.push({ code: 'track-record', years, integrations: used });
  const uses =
    opts.uses ??
    Object.entries(tool.capabilities)
      .filter(([, c]) => c.strength === 'core')
      .map(([id]) => id);
  const ceiling = practiceCeiling(cat, uses);
  // A standard much of the ecosystem builds on, for years, is more proven than its category says.
  if (used >= ECOSYSTEM.integrations && years >= ECOSYSTEM.years && i > 0 && tool.status.state === 'active' && !ceiling) {
    i -= 1;
    reasons.push({ code: 'ecosystem', integrations: used, years, ring: at(i) });
  }
  /** Moves the ring out to at least `j` (never in). */
  const atLeast = (j: number, reason: Extract<RingReason, { code: 'young' | 'maintenance' | 'practice' | 'retired' }>) => {
    if (j > i) {
      i = j;
      reasons.push({ ...reason, ring: at(i) });
    }
  };
  // The organisation's own use is evidence too: stated whenever a team uses it, and from two teams it is at least the second ring.
  if ((opts.teams ?? 0) > 0 && !isRetired(tool)) {
    if (opts.teams! >= TEAMS_FOR_TRIAL && i > 1) i = 1;
    reasons.push({ code: 'used-by-teams', teams: opts.teams!, ring: at(i) });
  }
  // Young against its field: in a practice that is itself young, the practice's age is the yardstick.
  const field = ceiling ? Math.max(1, catalogueYear(cat) - ceiling.since) : Infinity;
  if (!opts.standingOnly) {
    if (years < Math.min(YOUNG_YEARS.third, field)) atLeast(2, { code: 'young', years, ring: '' });
    else if (years < Math.min(YOUNG_YEARS.second, field)) atLeast(1, { code: 'young', years, ring: '' });
    if (tool.status.state === 'maintenance') atLeast(order.length - 2, { code: 'maintenance', ring: '' });
  }
  if (ceiling) atLeast(order.indexOf(ceiling.ring), { code: 'practice', group: ceiling.group, ring: '' });
  if (isRetired(tool)) atLeast(order.length - 1, { code: 'retired', state: tool.status.state, replacedBy: tool.status.replacedBy ?? [], ring: '' });
  if (opts.decided && order.includes(opts.decided.ring)) {
    i = order.indexOf(opts.decided.ring);
    reasons.push({ code: 'decided', radar: opts.decided.radar, date: opts.decided.date, ring: at(i) });
  }
  return { tool: tool.id, ring: at(i), risk: rings[i]!.risk, reasons };
}
