import type { Catalogue } from '../catalogue/catalogue.js';
import { isRetired, type Tool } from '../catalogue/tool.js';

/** Solves a mixed-integer program written in CPLEX LP format (HiGHS behind it; injected so the core stays pure). */
export type MipSolver = (lp: string) => { status: string; values: Record<string, number>; objective: number };

export type Policy = 'specialised-first' | 'prefer-platforms';

export interface RecommendRequest {
  /** Capability or stage ids to cover. */
  needs: string[];
  openSourceOnly?: boolean;
  /** Only tools you can run yourself (a library or a self-hosted service). */
  selfHosted?: boolean;
  /** Catalogue id of the cloud you are on: services of other clouds are left out. */
  cloud?: string;
  keep?: string[];
  exclude?: string[];
  maxTools?: number;
  policy?: Policy;
}

export interface Blocked {
  need: string;
  reason: string;
  /** The constraints that, relaxed alone, would let the need be covered. */
  blockedBy: string[];
}

export interface ChosenTool {
  id: string;
  covers: string[];
  kept: boolean;
  ring: string;
  risk: number;
  why: string;
}

export interface Recommendation {
  feasible: boolean;
  /** True when the solver proved no stack does better on the objective. */
  optimal: boolean;
  tools: string[];
  covers: Record<string, string[]>;
  chosen: ChosenTool[];
  /** Per need, the best tools not chosen that would also cover it. */
  alternatives: Record<string, string[]>;
  objective: { tools: number; overlap: number; risk: number };
  blocked: Blocked[];
}

const RING_RISK: Record<string, number> = { adopt: 0, trial: 1, assess: 2.5, hold: 4 };

/** Which needs a tool covers: a capability it has, or a stage one of its capabilities serves. */
export function coverage(cat: Catalogue, tool: Pick<Tool, 'capabilities'>, needs: readonly string[]): string[] {
  const caps = [...tool.capabilities.primary, ...tool.capabilities.secondary];
  return needs.filter((n) => caps.includes(n) || caps.some((c) => cat.tax.capability.get(c)?.stages.includes(n)));
}

/** The adoption risk of a tool: its category's part-3 ring, its maintenance status, and the policy. */
export function adoptionRisk(cat: Catalogue, tool: Tool, policy: Policy = 'specialised-first'): { risk: number; ring: string } {
  const rings = tool.categories.map((c) => cat.tax.category.get(c)?.ring ?? 'assess');
  const ring = rings.sort((a, b) => RING_RISK[a]! - RING_RISK[b]!)[0] ?? 'assess';
  let risk = RING_RISK[ring]!;
  if (tool.status.state === 'maintenance') risk += 1.5;
  const platform = cat.placement.get(tool.id)!.y > 0;
  if (policy === 'specialised-first' ? platform : !platform) risk += 1;
  return { risk, ring };
}

type Filter = { name: string; rejects: (t: Tool) => boolean };

function filters(cat: Catalogue, req: RecommendRequest): Filter[] {
  const keep = new Set(req.keep ?? []);
  const exclude = new Set(req.exclude ?? []);
  const cloudVendor = req.cloud ? cat.byId.get(req.cloud)?.vendor : undefined;
  return [
    { name: '--exclude', rejects: (t) => exclude.has(t.id) },
    { name: 'retired tools are never recommended', rejects: (t) => isRetired(t) && !keep.has(t.id) },
    { name: '--oss', rejects: (t) => !!req.openSourceOnly && !t.openSource && !keep.has(t.id) },
    { name: '--self-hosted', rejects: (t) => !!req.selfHosted && !t.offering.some((o) => o === 'library' || o === 'self-hosted') && !keep.has(t.id) },
    { name: `--cloud ${req.cloud ?? ''}`.trim(), rejects: (t) => !!cloudVendor && t.offering.every((o) => o === 'cloud-service') && t.vendor !== cloudVendor && !keep.has(t.id) },
  ];
}

/**
 * Chooses tools that cover every need, with the fewest tools first and then the least overlap and
 * adoption risk, as one mixed-integer program: minimise M*count + overlap + risk, where M exceeds
 * any possible overlap-and-risk total, so fewer tools always wins.
 */
export function recommend(cat: Catalogue, req: RecommendRequest, solve: MipSolver): Recommendation {
  const needs = [...new Set(req.needs)];
  const keep = new Set(req.keep ?? []);
  const fs = filters(cat, req);
  const allowed = (t: Tool) => !fs.some((f) => f.rejects(t));
  const candidates = cat.tools.filter((t) => allowed(t) && (keep.has(t.id) || coverage(cat, t, needs).length > 0));
  const cover = new Map(candidates.map((t) => [t.id, coverage(cat, t, needs)]));
  const risk = new Map(candidates.map((t) => [t.id, adoptionRisk(cat, t, req.policy)]));
  const empty: Recommendation = { feasible: false, optimal: false, tools: [], covers: {}, chosen: [], alternatives: {}, objective: { tools: 0, overlap: 0, risk: 0 }, blocked: [] };

  // A need no candidate covers: say which constraint is in the way.
  const blocked: Blocked[] = [];
  for (const need of needs) {
    if (candidates.some((t) => cover.get(t.id)!.includes(need))) continue;
    const covering = cat.tools.filter((t) => coverage(cat, t, [need]).length);
    if (!covering.length) {
      blocked.push({ need, reason: `no tool in the catalogue covers "${need}"`, blockedBy: [] });
      continue;
    }
    const blockedBy = fs.filter((f) => covering.some((t) => fs.every((g) => g === f || !g.rejects(t)))).map((f) => f.name);
    blocked.push({ need, reason: `all ${covering.length} tools covering "${need}" are ruled out`, blockedBy });
  }
  if (blocked.length) return { ...empty, blocked };

  const secondary = (t: Tool) => risk.get(t.id)!.risk + 0.5 * cover.get(t.id)!.length;
  const pool = candidates;
  const coverOf = (t: Tool) => cover.get(t.id)!;

  // The program: binary x per candidate; every need covered; kept tools fixed; optional count limit.
  const program = (tools: Tool[], cost: (t: Tool) => number, extra: (all: string) => string[]) => {
    const v = (i: number) => `x${i}`;
    const all = tools.map((_, i) => v(i)).join(' + ');
    const lp = [
      'Minimize',
      ' obj: ' + tools.map((t, i) => `${cost(t)} ${v(i)}`).join(' + '),
      'Subject To',
      ...needs.map((need, k) => ` need${k}: ` + tools.flatMap((t, i) => (coverOf(t).includes(need) ? [v(i)] : [])).join(' + ') + ' >= 1'),
      ...tools.flatMap((t, i) => (keep.has(t.id) ? [` keep${i}: ${v(i)} = 1`] : [])),
      ...extra(all),
      'Binary',
      ' ' + tools.map((_, i) => v(i)).join(' '),
      'End',
    ].join('\n');
    const r = solve(lp);
    return { status: r.status, objective: r.objective, chosen: tools.filter((_, i) => Math.round(r.values[v(i)] ?? 0) === 1) };
  };

  // Lexicographic, in two solves. First the fewest tools: only tools whose needs are not a subset of
  // another tool's can matter for a count, which leaves a small set-cover model.
  const maximal = withoutDominated(candidates, keep, coverOf, () => 0, needs);
  const fewest = program(maximal, () => 1, (all) => (req.maxTools !== undefined ? [` max: ${all} <= ${req.maxTools}`] : []));
  let result = fewest;
  if (fewest.status === 'Optimal') {
    // Then, with the count fixed at that minimum, the least overlap and risk (costs are whole
    // half-points: doubled, they are integers, which lets HiGHS prune by objective). A tool can be in
    // that optimum only if its cost plus the cheapest possible rest of the stack stays within the cost
    // of the first solution, so the others are left out before solving.
    const k = fewest.chosen.length;
    const upper = fewest.chosen.reduce((sum, t) => sum + secondary(t), 0);
    const cheapest = Math.min(...candidates.map(secondary));
    const affordable = withoutDominated(candidates, keep, coverOf, secondary, needs).filter((t) => keep.has(t.id) || secondary(t) + (k - 1) * cheapest <= upper + 1e-9);
    result = program(affordable, (t) => Math.round(2 * secondary(t)), (all) => [` count: ${all} = ${k}`]);
  }

  if (result.status !== 'Optimal') {
    if (req.maxTools !== undefined) {
      const unlimited = recommend(cat, { ...req, maxTools: undefined }, solve);
      if (unlimited.feasible)
        return {
          ...empty,
          blocked: [{ need: needs.join(', '), reason: `covering every need takes at least ${unlimited.tools.length} tools (${unlimited.tools.join(', ')})`, blockedBy: [`--max-tools ${req.maxTools}`] }],
        };
    }
    return { ...empty, blocked: [{ need: needs.join(', '), reason: `the solver found no stack (${result.status})`, blockedBy: [] }] };
  }

  const chosenTools = result.chosen;
  const covers = Object.fromEntries(needs.map((n) => [n, chosenTools.filter((t) => cover.get(t.id)!.includes(n)).map((t) => t.id)]));
  const chosenIds = new Set(chosenTools.map((t) => t.id));
  const alternatives = Object.fromEntries(
    needs.map((n) => [
      n,
      pool
        .filter((t) => !chosenIds.has(t.id) && cover.get(t.id)!.includes(n))
        .sort((a, b) => secondary(a) - secondary(b) || (a.id < b.id ? -1 : 1))
        .slice(0, 3)
        .map((t) => t.id),
    ]),
  );
  const chosen = chosenTools.map((t) => {
    const c = cover.get(t.id)!;
    const only = c.filter((n) => covers[n]!.length === 1);
    const { ring, risk: r } = risk.get(t.id)!;
    const why = keep.has(t.id)
      ? 'kept, as asked'
      : `covers ${c.join(', ')}${only.length ? `; the only chosen tool for ${only.join(', ')}` : ''}; ${ring} ring (risk ${r})`;
    return { id: t.id, covers: c, kept: keep.has(t.id), ring, risk: r, why };
  });
  const overlap = Object.values(covers).reduce((s, ids) => s + Math.max(0, ids.length - 1), 0);
  return {
    feasible: true,
    optimal: true,
    tools: chosenTools.map((t) => t.id),
    covers,
    chosen,
    alternatives,
    objective: { tools: chosenTools.length, overlap, risk: chosen.reduce((s, t) => s + t.risk, 0) },
    blocked: [],
  };
}

/**
 * Drops candidates that can never be needed for an optimum: a tool whose covered needs are a subset
 * of another's that costs no more (ties keep the smaller id). Swapping one for the other keeps every
 * need covered, the count the same and the cost no higher, so the optimum is unchanged; the solver
 * just has far fewer symmetric choices to rule out. Kept tools always stay.
 */
function withoutDominated(tools: Tool[], keep: ReadonlySet<string>, cover: (t: Tool) => string[], cost: (t: Tool) => number, needs: string[]): Tool[] {
  const bit = new Map(needs.map((n, i) => [n, 1n << BigInt(i)]));
  const mask = (t: Tool) => cover(t).reduce((m, n) => m | bit.get(n)!, 0n);
  // Cheapest tool per distinct set of covered needs first.
  const best = new Map<bigint, Tool>();
  for (const t of tools) {
    const m = mask(t);
    const cur = best.get(m);
    if (!cur || cost(t) < cost(cur) || (cost(t) === cost(cur) && t.id < cur.id)) best.set(m, t);
  }
  const reps = [...best.entries()];
  const kept = reps.filter(([m, t]) => !reps.some(([m2, u]) => u !== t && (m & m2) === m && cost(u) <= cost(t) && (m2 !== m)));
  const out = new Set(kept.map(([, t]) => t));
  for (const t of tools) if (keep.has(t.id)) out.add(t);
  return tools.filter((t) => out.has(t));
}

/** The classic greedy set cover, as a baseline: repeatedly take the tool covering most uncovered needs. */
export function greedyRecommend(cat: Catalogue, req: RecommendRequest): { tools: string[]; covered: boolean } {
  const needs = new Set(req.needs);
  const fs = filters(cat, req);
  const candidates = cat.tools.filter((t) => !fs.some((f) => f.rejects(t)));
  const chosen: string[] = [...(req.keep ?? [])];
  const uncovered = new Set(needs);
  for (const id of chosen) for (const n of coverage(cat, cat.byId.get(id)!, [...uncovered])) uncovered.delete(n);
  while (uncovered.size) {
    let best: Tool | undefined;
    let bestGain = 0;
    for (const t of candidates) {
      if (chosen.includes(t.id)) continue;
      const gain = coverage(cat, t, [...uncovered]).length;
      if (gain > bestGain) (best = t), (bestGain = gain);
    }
    if (!best) return { tools: chosen, covered: false };
    chosen.push(best.id);
    for (const n of coverage(cat, best, [...uncovered])) uncovered.delete(n);
  }
  return { tools: chosen, covered: true };
}
