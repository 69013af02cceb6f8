import { practiceCeiling, ringEvidence } from '../radar/evidence.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import { isRetired, type Tool } from '../catalogue/tool.js';
import { RECOMMEND_WEIGHTS, VARIANTS, type RecommendWeights, type VariantKind } from './weights.js';

/** Solves a mixed-integer program written in CPLEX LP format (HiGHS behind it; injected so the core stays pure). */
export type MipSolver = (lp: string) => { status: string; values: Record<string, number>; objective: number };

export type Policy = 'specialised-first' | 'prefer-platforms';

export interface RecommendRequest {
  /** Capability or stage ids to cover. */
  needs: string[];
  openSourceOnly?: boolean;
  /** Only tools you can run yourself (a library or a self-hosted service). */
  selfHosted?: boolean;
  /** Catalogue id of the cloud you are on: that cloud and its own services may be chosen, no other cloud's. */
  cloud?: string;
  keep?: string[];
  exclude?: string[];
  maxTools?: number;
  policy?: Policy;
  /** Also solve the alternative kinds of answer (default true). */
  alternatives?: boolean;
}

/** What rules a tool out; each face words it (the CLI as its flag). */
export type Constraint = 'exclude' | 'retired' | 'open-source' | 'self-hosted' | 'cloud' | 'provider' | 'max-tools';

export interface Blocked {
  /** The need, or null when the trouble is the stack as a whole. */
  need: string | null;
  code: 'no-tool' | 'ruled-out' | 'max-tools' | 'solver';
  /** The constraints that, relaxed alone, would let the need be covered. */
  blockedBy: Constraint[];
  /** ruled-out: how many tools cover it; max-tools: the smallest stack that would do. */
  tools?: number;
  minimum?: string[];
  status?: string;
}

/** Why a tool is in an answer, or ranked where it is: codes with parameters. */
export type Why =
  | { code: 'kept' }
  | { code: 'covers'; needs: string[] }
  | { code: 'only'; needs: string[] }
  | { code: 'partial'; needs: string[] }
  | { code: 'ring'; ring: string; practice?: string }
  | { code: 'maintenance' }
  | { code: 'young'; years: number }
  | { code: 'closed-source' }
  | { code: 'integrates'; with: string[] }
  | { code: 'overlaps-kept'; capabilities: string[]; with: string[] }
  | { code: 'unused'; capabilities: number }
  | { code: 'platform'; policy: Policy }
  | { code: 'own-cloud'; cloud: string }
  | { code: 'integrated-by'; tools: number };

export interface ChosenTool {
  id: string;
  covers: string[];
  kept: boolean;
  ring: string;
  cost: number;
  why: Why[];
}

export interface StackOption {
  kind: 'best' | VariantKind;
  tools: string[];
  chosen: ChosenTool[];
  covers: Record<string, string[]>;
  /** Totals of the balanced cost, so options compare on one scale. */
  cost: { total: number; tools: number; risk: number; overlap: number };
  optimal: boolean;
}

export interface Alternative extends StackOption {
  /** How it differs from the best stack, for a one-line trade-off. */
  tradeoff: { tools: number; risk: number; cost: number; openSource: boolean; selfHosted: boolean };
}

export interface RankedAlternative {
  tool: string;
  cost: number;
  why: Why[];
}

export interface Recommendation {
  feasible: boolean;
  /** True when the solver proved no stack does better on the objective. */
  optimal: boolean;
  /** The best stack's tool ids. */
  tools: string[];
  covers: Record<string, string[]>;
  chosen: ChosenTool[];
  /** Up to two stacks of another kind (fewest tools, best of breed, open source and self-hosted), each different from the best. */
  alternatives: Alternative[];
  /** The kinds of answer whose stack is the best one itself (asked for fewest tools, the solver finds the same stack). */
  sameAsBest: VariantKind[];
  /** Per need, the best tools not chosen that would also cover it, ranked by cost. */
  perNeed: Record<string, RankedAlternative[]>;
  objective: { tools: number; overlap: number; risk: number; cost: number };
  blocked: Blocked[];
  /** Kept tools that are retired, taken out and replaced. */
  replaced: Array<{ tool: string; state: string; by: string[] }>;
  /** Needs no allowed tool has as a core capability, covered by a partial one instead. */
  fallback: Array<{ need: string; tools: string[] }>;
}

/** The weights the best answer uses; exported for the documentation and tests. */
export { RECOMMEND_WEIGHTS };

/** The needs a tool covers at core strength: a capability it holds as core, or a stage one of its core capabilities is essential for (unconditionally). */
export function coverage(cat: Catalogue, tool: Pick<Tool, 'capabilities'>, needs: readonly string[]): string[] {
  return needs.filter((n) => coversAt(cat, tool, n, 'core'));
}

function coversAt(cat: Catalogue, tool: Pick<Tool, 'capabilities'>, need: string, strength: 'core' | 'partial'): boolean {
  const claim = tool.capabilities[need];
  if (claim) return claim.strength === strength;
  const stage = cat.tax.stage.get(need);
  if (!stage) return false;
  // A capability that counts only beside others (LLM observability) does not serve a stage asked for on
  // its own: ask for that capability by name.
  return stage.capabilities.essential.some((c) => tool.capabilities[c]?.strength === strength && !cat.tax.capability.get(c)?.countsOnlyWith);
}

/**
 * The ring a tool's categories suggest (the strongest), and its risk; for `uses` (the needs it would be chosen
 * for) a practice too young for any tool to be proven caps it (see core/radar/evidence.ts).
 */
export function ringOf(cat: Catalogue, tool: Tool, uses: readonly string[] = []): { ring: string; risk: number; practice?: string; since?: number } {
  // The same evidence as the radar (category, ecosystem, practice), without age and maintenance: score() charges those itself.
  const e = ringEvidence(cat, tool, { uses, standingOnly: true });
  const practice = e.reasons.find((r) => r.code === 'practice');
  const ceiling = practiceCeiling(cat, uses);
  return { ring: e.ring, risk: e.risk, ...(practice ? { practice: practice.group } : {}), ...(ceiling ? { since: ceiling.since } : {}) };
}

/** Entries that sell their ML capabilities through other entries (general clouds), per the `via` claims. */
function providers(cat: Catalogue): Set<string> {
  const out = new Set<string>();
  for (const ps of cat.context.cloudServices?.values() ?? []) for (const p of ps) out.add(p);
  return out;
}

type Filter = { name: Constraint; rejects: (t: Tool) => boolean };

function filters(cat: Catalogue, req: RecommendRequest): Filter[] {
  const keep = new Set(req.keep ?? []);
  const exclude = new Set(req.exclude ?? []);
  const umbrella = providers(cat);
  const services = cat.context.cloudServices ?? new Map<string, string[]>();
  return [
    { name: 'exclude', rejects: (t) => exclude.has(t.id) },
    { name: 'retired', rejects: (t) => isRetired(t) },
    { name: 'open-source', rejects: (t) => !!req.openSourceOnly && !t.openSource && !keep.has(t.id) },
    { name: 'self-hosted', rejects: (t) => !!req.selfHosted && !t.offering.some((o) => o === 'library' || o === 'self-hosted') && !keep.has(t.id) },
    // A general cloud is chosen for a capability only when it is the cloud you named.
    { name: 'provider', rejects: (t) => umbrella.has(t.id) && t.id !== req.cloud && !keep.has(t.id) },
    // A cloud's own services only on that cloud.
    { name: 'cloud', rejects: (t) => services.has(t.id) && !services.get(t.id)!.includes(req.cloud ?? '') && !keep.has(t.id) },
  ];
}

interface Scored {
  tool: Tool;
  covers: string[];
  partial: string[];
  ring: string;
  risk: number;
  cost: number;
  why: Why[];
}

function score(
  cat: Catalogue,
  t: Tool,
  needs: readonly string[],
  partialOk: ReadonlySet<string>,
  keep: ReadonlySet<string>,
  req: RecommendRequest,
  w: RecommendWeights,
  openRequired: boolean,
): Scored {
  const covers = coverage(cat, t, needs);
  const partial = needs.filter((n) => partialOk.has(n) && coversAt(cat, t, n, 'partial'));
  const { ring, risk, practice, since } = ringOf(cat, t, [...covers, ...partial]);
  const why: Why[] = [];
  let cost = w.tool + w.ring * risk + w.perNeed * (covers.length + partial.length) + w.partial * partial.length;
  if (t.status.state === 'maintenance') {
    cost += w.maintenance;
    why.push({ code: 'maintenance' });
  }
  // Maturity from age is measured against the newest first release in the catalogue: no clock in the core.
  const years = newestRelease(cat) - t.firstRelease;
  // In a practice that is itself young, a tool is young only against the practice's age (evidence.ts).
  const mature = since === undefined ? w.matureAfterYears : Math.min(w.matureAfterYears, Math.max(1, newestRelease(cat) - since));
  if (years < mature) {
    cost += w.youth * (mature - years);
    why.push({ code: 'young', years: Math.max(0, years) });
  }
  if (!t.openSource && !openRequired) {
    cost += w.closedSource;
    why.push({ code: 'closed-source' });
  }
  const platform = cat.placement.get(t.id)!.y > 0;
  const policy = req.policy ?? 'specialised-first';
  if (policy === 'specialised-first' ? platform : !platform) {
    cost += w.policy;
    why.push({ code: 'platform', policy });
  }
  if (!keep.has(t.id)) {
    // What it brings beyond the needs: its other core capabilities; those a kept tool already has are duplicates.
    const kept = [...keep].map((k) => cat.byId.get(k)).filter((k): k is Tool => !!k);
    const beyond = Object.entries(t.capabilities)
      .filter(([c, claim]) => claim.strength === 'core' && !cat.tax.capability.get(c)?.substrate && !needs.includes(c) && !covers.includes(c))
      .map(([c]) => c);
    const dup = beyond.filter((c) => kept.some((k) => k.capabilities[c]?.strength === 'core'));
    // Breadth is what a platform costs beyond its price (part 3's specialised-first); a piecemeal tool's other
    // features (an inference engine that also serves models) are not a commitment.
    const unused = policy === 'specialised-first' && platform ? beyond.length - dup.length : 0;
    if (unused > 0) {
      cost += w.unused * unused;
      why.push({ code: 'unused', capabilities: unused });
    }
    if (dup.length) {
      cost += w.keptOverlap * dup.length;
      why.push({
        code: 'overlaps-kept',
        capabilities: dup,
        with: kept.filter((k) => dup.some((c) => k.capabilities[c]?.strength === 'core')).map((k) => k.id),
      });
    }
  }
  const withKept = [...keep].filter((k) => k !== t.id && (t.worksWith.includes(k) || (cat.byId.get(k)?.worksWith.includes(t.id) ?? false)));
  if (withKept.length) {
    cost -= w.integration * Math.min(w.integrationCap, withKept.length);
    why.push({ code: 'integrates', with: withKept });
  }
  if (req.cloud && cat.context.cloudServices?.get(t.id)?.includes(req.cloud)) {
    cost -= w.ownCloud;
    why.push({ code: 'own-cloud', cloud: req.cloud });
  }
  const links = inLinks(cat).get(t.id) ?? 0;
  if (links) {
    cost -= Math.min(w.adoptionCap, w.adoption * links);
    why.push({ code: 'integrated-by', tools: links });
  }
  why.unshift(practice ? { code: 'ring', ring, practice } : { code: 'ring', ring });
  if (partial.length) why.unshift({ code: 'partial', needs: partial });
  // Costs are kept in twentieths: whole numbers for the solver once scaled, fine enough for the adoption term.
  return { tool: t, covers, partial, ring, risk, cost: Math.round(cost * 20) / 20, why };
}

const inLinkCache = new WeakMap<Catalogue, Map<string, number>>();
/** How many catalogue tools list each tool in their works-with. */
function inLinks(cat: Catalogue): Map<string, number> {
  let m = inLinkCache.get(cat);
  if (!m) {
    m = new Map();
    for (const t of cat.tools) for (const w of new Set(t.worksWith)) m.set(w, (m.get(w) ?? 0) + 1);
    inLinkCache.set(cat, m);
  }
  return m;
}

const newestCache = new WeakMap<Catalogue, number>();
function newestRelease(cat: Catalogue): number {
  let v = newestCache.get(cat);
  if (v === undefined) {
    v = cat.tools.reduce((m, t) => Math.max(m, t.firstRelease), 0);
    newestCache.set(cat, v);
  }
  return v;
}

/**
 * Chooses tools that cover every need at the least cost, where the cost is the documented trade-off
 * of tool count, ring, status, maturity, openness, policy, overlap and integration with kept tools
 * (weights.ts). One mixed-integer program per kind of answer, solved to proven optimality by HiGHS.
 */
export function recommend(cat: Catalogue, req: RecommendRequest, solve: MipSolver): Recommendation {
  const needs = [...new Set(req.needs)];
  const replaced: Recommendation['replaced'] = [];
  const keepIds: string[] = [];
  for (const id of new Set(req.keep ?? [])) {
    const t = cat.byId.get(id);
    if (!t) continue;
    if (isRetired(t)) replaced.push({ tool: id, state: t.status.state, by: [] });
    else keepIds.push(id);
  }
  const keep = new Set(keepIds);
  const base: RecommendRequest = { ...req, needs, keep: keepIds };
  const empty: Recommendation = {
    feasible: false,
    optimal: false,
    tools: [],
    covers: {},
    chosen: [],
    alternatives: [],
    sameAsBest: [],
    perNeed: {},
    objective: { tools: 0, overlap: 0, risk: 0, cost: 0 },
    blocked: [],
    replaced,
    fallback: [],
  };

  const fs = filters(cat, base);
  const allowedTools = cat.tools.filter((t) => keep.has(t.id) || !fs.some((f) => f.rejects(t)));

  // A need no allowed tool has as core falls back to partial holders, and says so.
  const partialOk = new Set<string>();
  const fallback: Recommendation['fallback'] = [];
  const blocked: Blocked[] = [];
  for (const need of needs) {
    if (allowedTools.some((t) => coversAt(cat, t, need, 'core'))) continue;
    const partial = allowedTools.filter((t) => coversAt(cat, t, need, 'partial'));
    if (partial.length) {
      partialOk.add(need);
      fallback.push({ need, tools: partial.map((t) => t.id) });
      continue;
    }
    const covering = cat.tools.filter((t) => coversAt(cat, t, need, 'core') || coversAt(cat, t, need, 'partial'));
    if (!covering.length) {
      blocked.push({ need, code: 'no-tool', blockedBy: [] });
      continue;
    }
    const blockedBy = fs.filter((f) => covering.some((t) => fs.every((g) => g === f || !g.rejects(t)))).map((f) => f.name);
    blocked.push({ need, code: 'ruled-out', blockedBy, tools: covering.length });
  }
  if (blocked.length) return { ...empty, blocked };

  const solveKind = (kind: StackOption['kind'], w: RecommendWeights, extra: Pick<RecommendRequest, 'openSourceOnly' | 'selfHosted'>) => {
    const r2 = { ...base, ...extra };
    const fs2 = extra.openSourceOnly || extra.selfHosted ? filters(cat, r2) : fs;
    const pool = extra.openSourceOnly || extra.selfHosted ? cat.tools.filter((t) => keep.has(t.id) || !fs2.some((f) => f.rejects(t))) : allowedTools;
    const scored = pool
      .map((t) => score(cat, t, needs, partialOk, keep, r2, w, !!r2.openSourceOnly))
      .filter((s) => keep.has(s.tool.id) || s.covers.length + s.partial.length > 0);
    return solveStack(kind, scored, needs, keep, req.maxTools, solve);
  };

  const best = solveKind('best', RECOMMEND_WEIGHTS, {});
  if (!best.ok) {
    if (req.maxTools !== undefined) {
      const unlimited = recommend(cat, { ...req, maxTools: undefined, alternatives: false }, solve);
      if (unlimited.feasible)
        return {
          ...empty,
          fallback,
          blocked: [{ need: null, code: 'max-tools', blockedBy: ['max-tools'], tools: unlimited.tools.length, minimum: unlimited.tools }],
        };
    }
    return { ...empty, fallback, blocked: [{ need: null, code: 'solver', blockedBy: [], status: best.status }] };
  }

  // Rescore every option on the balanced scale, so their totals compare.
  const balanced = new Map(allowedTools.map((t) => [t.id, score(cat, t, needs, partialOk, keep, base, RECOMMEND_WEIGHTS, !!base.openSourceOnly)]));
  const describe = (kind: StackOption['kind'], ids: string[], optimal: boolean): StackOption => {
    const picked = ids.map((id) => balanced.get(id) ?? score(cat, cat.byId.get(id)!, needs, partialOk, keep, base, RECOMMEND_WEIGHTS, !!base.openSourceOnly));
    const covers = Object.fromEntries(needs.map((n) => [n, picked.filter((s) => s.covers.includes(n) || s.partial.includes(n)).map((s) => s.tool.id)]));
    const chosen = picked.map((s) => {
      const all = [...s.covers, ...s.partial];
      const only = all.filter((n) => covers[n]!.length === 1);
      const kept = keep.has(s.tool.id);
      const why: Why[] = kept ? [{ code: 'kept' }] : [];
      if (all.length) why.push({ code: 'covers', needs: all });
      if (only.length) why.push({ code: 'only', needs: only });
      // A kept tool is there because it was asked for: its own merits are not the reason.
      return { id: s.tool.id, covers: all, kept, ring: s.ring, cost: s.cost, why: kept ? why : [...why, ...s.why] };
    });
    const overlap = Object.values(covers).reduce((sum, ts) => sum + Math.max(0, ts.length - 1), 0);
    const round2 = (v: number) => Math.round(v * 100) / 100;
    return {
      kind,
      tools: ids,
      chosen,
      covers,
      optimal,
      cost: { total: round2(picked.reduce((s, p) => s + p.cost, 0)), tools: ids.length, risk: round2(picked.reduce((s, p) => s + p.risk, 0)), overlap },
    };
  };
  const bestOption = describe('best', best.ids, true);

  const alternatives: Alternative[] = [];
  const sameAsBest: VariantKind[] = [];
  if (req.alternatives !== false) {
    const seen = new Set([key(best.ids)]);
    for (const kind of Object.keys(VARIANTS) as VariantKind[]) {
      if (alternatives.length >= 2) break;
      const v = VARIANTS[kind];
      if (kind === 'open-self-hosted' && req.openSourceOnly && req.selfHosted) continue;
      const r = solveKind(kind, v.weights, v.constraints);
      if (r.ok && key(r.ids) === key(best.ids)) sameAsBest.push(kind);
      if (!r.ok || seen.has(key(r.ids))) continue;
      seen.add(key(r.ids));
      const o = describe(kind, r.ids, true);
      const tools = r.ids.map((id) => cat.byId.get(id)!);
      alternatives.push({
        ...o,
        tradeoff: {
          tools: o.cost.tools - bestOption.cost.tools,
          risk: Math.round((o.cost.risk - bestOption.cost.risk) * 100) / 100,
          cost: Math.round((o.cost.total - bestOption.cost.total) * 100) / 100,
          openSource: tools.every((t) => t.openSource),
          selfHosted: tools.every((t) => t.offering.some((x) => x === 'library' || x === 'self-hosted')),
        },
      });
    }
  }

  const chosenIds = new Set(best.ids);
  const perNeed = Object.fromEntries(
    needs.map((n) => [
      n,
      [...balanced.values()]
        .filter((s) => !chosenIds.has(s.tool.id) && (s.covers.includes(n) || s.partial.includes(n)))
        .sort((a, b) => a.cost - b.cost || (a.tool.id < b.tool.id ? -1 : 1))
        .slice(0, 3)
        .map((s) => ({ tool: s.tool.id, cost: s.cost, why: s.why })),
    ]),
  );

  // A replaced retired tool: what in the answer now does its work (the needs it had any claim on).
  for (const r of replaced) {
    const gone = cat.byId.get(r.tool)!;
    const its = needs.filter((n) => gone.capabilities[n] || cat.tax.stage.get(n)?.capabilities.essential.some((c) => gone.capabilities[c]));
    r.by = bestOption.chosen.filter((c) => !c.kept && its.some((n) => c.covers.includes(n))).map((c) => c.id);
  }

  return {
    feasible: true,
    optimal: true,
    tools: best.ids,
    covers: bestOption.covers,
    chosen: bestOption.chosen,
    alternatives,
    sameAsBest,
    perNeed,
    objective: { tools: best.ids.length, overlap: bestOption.cost.overlap, risk: bestOption.cost.risk, cost: bestOption.cost.total },
    blocked: [],
    replaced,
    fallback,
  };
}

const key = (ids: readonly string[]) => [...ids].sort().join(' ');

/**
 * Whether a given set of tools satisfies a request (constraints and coverage, with the same partial
 * fallback the recommender uses) and its cost on the balanced scale: what the best answer minimises.
 * For tests and for explaining a hand-made stack; the recommender itself solves a MIP.
 */
export function evaluateStack(cat: Catalogue, req: RecommendRequest, ids: readonly string[]): { ok: boolean; cost: number } {
  const needs = [...new Set(req.needs)];
  const keep = new Set((req.keep ?? []).filter((id) => cat.byId.has(id) && !isRetired(cat.byId.get(id)!)));
  const fs = filters(cat, { ...req, keep: [...keep] });
  const allowed = (t: Tool) => keep.has(t.id) || !fs.some((f) => f.rejects(t));
  const tools = ids.map((id) => cat.byId.get(id));
  if (tools.some((t) => !t || !allowed(t))) return { ok: false, cost: Infinity };
  if (![...keep].every((k) => ids.includes(k))) return { ok: false, cost: Infinity };
  if (req.maxTools !== undefined && ids.length > req.maxTools) return { ok: false, cost: Infinity };
  const pool = cat.tools.filter(allowed);
  const partialOk = new Set(needs.filter((n) => !pool.some((t) => coversAt(cat, t, n, 'core'))));
  for (const n of needs)
    if (!tools.some((t) => coversAt(cat, t!, n, 'core') || (partialOk.has(n) && coversAt(cat, t!, n, 'partial')))) return { ok: false, cost: Infinity };
  const cost = tools.reduce((s, t) => s + score(cat, t!, needs, partialOk, keep, req, RECOMMEND_WEIGHTS, !!req.openSourceOnly).cost, 0);
  return { ok: true, cost: Math.round(cost * 100) / 100 };
}

/** The cheapest stack covering every need, as a set-cover MIP. */
function solveStack(
  kind: string,
  scored: Scored[],
  needs: string[],
  keep: ReadonlySet<string>,
  maxTools: number | undefined,
  solve: MipSolver,
): { ok: true; ids: string[] } | { ok: false; status: string } {
  const coverOf = (s: Scored) => (s.partial.length ? [...s.covers, ...s.partial] : s.covers);
  const pool = withoutDominated(scored, keep, coverOf, needs);
  for (const n of needs) if (!pool.some((s) => coverOf(s).includes(n))) return { ok: false, status: 'Infeasible' };
  const v = (i: number) => `x${i}`;
  const all = pool.map((_, i) => v(i)).join(' + ');
  // Costs are whole twentieths: scaled by 20 they are integers, which lets HiGHS prune by objective.
  const lp = [
    'Minimize',
    ' obj: ' + pool.map((s, i) => `${Math.round(20 * s.cost)} ${v(i)}`).join(' + '),
    'Subject To',
    ...needs.map((need, k) => ` need${k}: ` + pool.flatMap((s, i) => (coverOf(s).includes(need) ? [v(i)] : [])).join(' + ') + ' >= 1'),
    ...pool.flatMap((s, i) => (keep.has(s.tool.id) ? [` keep${i}: ${v(i)} = 1`] : [])),
    ...(maxTools !== undefined ? [` max: ${all} <= ${maxTools}`] : []),
    'Binary',
    ' ' + pool.map((_, i) => v(i)).join(' '),
    'End',
  ].join('\n');
  void kind;
  const r = solve(lp);
  if (r.status !== 'Optimal') return { ok: false, status: r.status };
  return { ok: true, ids: pool.filter((_, i) => Math.round(r.values[v(i)] ?? 0) === 1).map((s) => s.tool.id) };
}

/**
 * Drops candidates that can never be needed for an optimum: a tool whose covered needs are a subset
 * of another's that costs no more (ties keep the smaller id). Swapping one for the other keeps every
 * need covered, the count no higher and the cost no higher, so the optimum is unchanged. Kept tools
 * always stay.
 */
function withoutDominated(tools: Scored[], keep: ReadonlySet<string>, cover: (s: Scored) => string[], needs: string[]): Scored[] {
  const bit = new Map(needs.map((n, i) => [n, 1n << BigInt(i)]));
  const mask = (s: Scored) => cover(s).reduce((m, n) => m | bit.get(n)!, 0n);
  const best = new Map<bigint, Scored>();
  for (const s of tools) {
    const m = mask(s);
    const cur = best.get(m);
    if (!cur || s.cost < cur.cost || (s.cost === cur.cost && s.tool.id < cur.tool.id)) best.set(m, s);
  }
  const reps = [...best.entries()];
  const kept = reps.filter(([m, s]) => m !== 0n && !reps.some(([m2, u]) => u !== s && (m & m2) === m && m2 !== m && u.cost <= s.cost));
  const out = new Set(kept.map(([, s]) => s));
  for (const s of tools) if (keep.has(s.tool.id)) out.add(s);
  return tools.filter((s) => out.has(s));
}

/** The classic greedy set cover, as a baseline: repeatedly take the tool covering most uncovered needs. */
export function greedyRecommend(cat: Catalogue, req: RecommendRequest): { tools: string[]; covered: boolean } {
  const needs = new Set(req.needs);
  const fs = filters(cat, req);
  const candidates = cat.tools.filter((t) => !fs.some((f) => f.rejects(t)));
  const chosen: string[] = [...(req.keep ?? [])].filter((id) => cat.byId.has(id) && !isRetired(cat.byId.get(id)!));
  const uncovered = new Set(needs);
  for (const id of chosen) for (const n of coverage(cat, cat.byId.get(id)!, [...uncovered])) uncovered.delete(n);
  while (uncovered.size) {
    let best: Tool | undefined;
    let bestGain = 0;
    for (const t of candidates) {
      if (chosen.includes(t.id)) continue;
      const gain = coverage(cat, t, [...uncovered]).length;
      if (gain > bestGain) {
        best = t;
        bestGain = gain;
      }
    }
    if (!best) return { tools: chosen, covered: false };
    chosen.push(best.id);
    for (const n of coverage(cat, best, [...uncovered])) uncovered.delete(n);
  }
  return { tools: chosen, covered: true };
}
