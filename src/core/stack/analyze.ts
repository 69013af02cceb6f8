import type { Catalogue } from '../catalogue/catalogue.js';
import { isRetired, type Strength, type Tool } from '../catalogue/tool.js';
import { place } from '../placement/place.js';
import type { MaturityModel, QuadrantId, Requirement } from '../taxonomy/schema.js';
import { centroid, convexHull, distance, type Point } from './geometry.js';
import type { Stack } from './schema.js';

/**
 * An organisation's stack against the framework: which stages its tools serve, which capabilities it
 * lacks (for the lifecycle and for the next maturity level), where its handoffs break, and where its
 * people stand on the map. Everything is codes and ids; the CLI and the web app word them.
 */

/** A tool as the stack uses it: from the catalogue, or built in-house. */
export interface StackTool {
  id: string;
  name: string;
  inHouse: boolean;
  /** Archived or discontinued: its claims count for nothing. */
  retired: boolean;
  /** Capability id -> how the tool provides it (in-house capabilities are core). */
  claims: Record<string, { strength: Strength; via?: string }>;
  x: number;
  y: number;
  quadrant: QuadrantId;
  teams: string[];
}

/** served: an essential capability held as core; partial: one held with limits; unserved: neither (helpful ones may support it). */
export type StageStatus = 'served' | 'partial' | 'unserved';

export interface StageCoverage {
  stage: string;
  status: StageStatus;
  /** Tools holding an essential capability of the stage as core: what serves it. */
  tools: string[];
  /** Tools that support the stage without serving it: a partial essential claim, or a helpful one. */
  support: Array<{ tool: string; capability: string; strength: Strength; role: 'essential' | 'helpful' }>;
}

/** Why a capability is a gap. */
export type GapReason = { code: 'stage'; stage: string } | { code: 'level'; model: string; level: number; because: string } | { code: 'need' };

export type Advice =
  /** Glue between tools: build integrators and connectors, not another platform (part 3). */
  | { code: 'build-integrator' }
  /** Model-side and well served by specialised tools: buy one and mix it in (part 3). */
  | { code: 'buy-specialised' }
  /** Buy by default unless MLOps is your core business (part 3). */
  | { code: 'buy' };

export interface Gap {
  capability: string;
  /** `missing`: nothing in the stack holds it; `partial`: only with limits. */
  severity: 'missing' | 'partial';
  /** The stage the gap is felt in first; `stages` lists them all. */
  stage: string;
  stages: string[];
  because: GapReason[];
  /** Stack tools that hold it only partially. */
  partialIn: string[];
  /** Stack tools that offer it through another catalogue entry, which the stack does not have. */
  availableVia: Array<{ tool: string; via: string }>;
  advice: Advice;
}

export interface InterlockHealth {
  id: string;
  health: 'healthy' | 'weak' | 'broken';
  /** broken: the stages with nothing in them; healthy: the bridge capabilities held; weak: the ones that would fix it. */
  code: 'side-unserved' | 'bridged' | 'no-bridge';
  stages: string[];
  bridges: string[];
  tools: string[];
}

export interface UnmetRequirement {
  level: number;
  because: string;
  capabilities?: string[];
  interlock?: string;
}

export interface Maturity {
  model: string;
  /** The highest level whose requirements, and those of the levels below, are all met. */
  level: number;
  /** The level above, or null at the top. */
  next: number | null;
  target: number;
  /** What the next level needs that the stack lacks. */
  missing: UnmetRequirement[];
}

export interface IntegrationPair {
  interlock: string;
  from: string;
  to: string;
}

export interface Overlap {
  capability: string;
  tools: string[];
}

export interface Footprint {
  team: string;
  persona: string;
  tools: string[];
  centroid: Point | null;
  hull: Point[];
}

export interface RetiredInUse {
  tool: string;
  state: string;
  since?: string;
  replacements: string[];
  /** The capabilities it would have counted for, had it lived. */
  voided: string[];
}

export type StackNote =
  /** A provider entry (a general cloud) that holds no ML capability itself, only through other entries. */
  { code: 'no-own-ml-capability'; tool: string; via: Array<{ capability: string; via: string }> };

export interface StackAnalysis {
  name: string;
  tools: StackTool[];
  stages: StageCoverage[];
  gaps: Gap[];
  maturity: Maturity | null;
  overlaps: Overlap[];
  interlocks: InterlockHealth[];
  /** Pairs of tools across an interlock with no known integration (from works-with). */
  unintegrated: IntegrationPair[];
  footprints: Footprint[];
  /** Distance between the two loops' personas' centroids, on the map's [-1, 1] square. */
  personaDistance: number | null;
  personas: [string, string];
  oppositeEnds: boolean;
  retired: RetiredInUse[];
  notes: StackNote[];
}

export interface AnalyzeOptions {
  targetLevel?: number;
  maturityModel?: string;
}

/** Beyond this distance (a third of the map's diagonal) the two personas work at opposite ends. */
export const OPPOSITE_ENDS = 0.95;

export function adviceFor(cat: Catalogue, capability: string): Advice {
  const cap = cat.tax.capability.get(capability);
  if (cap?.integrator) return { code: 'build-integrator' };
  if (cap && cap.artifact > 0) return { code: 'buy-specialised' };
  return { code: 'buy' };
}

/** Resolves a stack's tools, in-house ones placed by the same model as the catalogue's. */
export function stackTools(cat: Catalogue, stack: Stack): StackTool[] {
  const teamsOf = new Map<string, string[]>();
  for (const team of stack.teams)
    for (const id of team.tools) {
      const list = teamsOf.get(id);
      if (!list) teamsOf.set(id, [team.name]);
      else if (list[list.length - 1] !== team.name) list.push(team.name);
    }
  const inHouse = new Map(stack.inHouse.map((t) => [t.id, t]));
  const out: StackTool[] = [];
  for (const [id, teams] of teamsOf) {
    const own = inHouse.get(id);
    if (own) {
      const claims = Object.fromEntries(own.capabilities.map((c) => [c, { strength: 'core' as const }]));
      const p = place({ capabilities: claims }, cat.tax, cat.context);
      out.push({ id, name: own.name, inHouse: true, retired: false, claims, x: p.x, y: p.y, quadrant: p.quadrant, teams });
      continue;
    }
    const t = cat.byId.get(id);
    if (!t) continue; // validation reports unknown ids; analysis never sees them
    const p = cat.placement.get(id)!;
    const claims = Object.fromEntries(
      Object.entries(t.capabilities).map(([c, v]) => [c, v.via ? { strength: v.strength, via: v.via } : { strength: v.strength }]),
    );
    out.push({ id, name: t.name, inHouse: false, retired: isRetired(t), claims, x: p.x, y: p.y, quadrant: p.quadrant, teams });
  }
  return out;
}

/** Replacements for a retired tool: its own `replacedBy`, else active tools sharing its core capabilities. */
export function replacementsFor(cat: Catalogue, tool: Tool, max = 3): string[] {
  const named = (tool.status.replacedBy ?? []).filter((id) => cat.byId.has(id) && !isRetired(cat.byId.get(id)!));
  if (named.length) return named.slice(0, max);
  const want = Object.keys(tool.capabilities).filter((c) => tool.capabilities[c]!.strength === 'core');
  return cat.tools
    .filter((t) => t.id !== tool.id && !isRetired(t))
    .map((t) => ({ id: t.id, shared: want.filter((c) => t.capabilities[c]?.strength === 'core').length }))
    .filter((t) => t.shared > 0)
    .sort((a, b) => b.shared - a.shared || (a.id < b.id ? -1 : 1))
    .slice(0, max)
    .map((t) => t.id);
}

/** What an organisation's stack covers, what it lacks and why, and where its people stand. */
export function analyzeStack(cat: Catalogue, stack: Stack, opts: AnalyzeOptions = {}): StackAnalysis {
  const tax = cat.tax.taxonomy;
  const tools = stackTools(cat, stack);
  const live = tools.filter((t) => !t.retired);
  const inStack = new Set(tools.map((t) => t.id));

  // Who holds each capability, and how: core and partial from live tools only.
  const coreBy = new Map<string, string[]>();
  const partialBy = new Map<string, string[]>();
  for (const t of live)
    for (const [c, claim] of Object.entries(t.claims)) {
      const into = claim.strength === 'core' ? coreBy : claim.strength === 'partial' ? partialBy : undefined;
      if (into) into.set(c, [...(into.get(c) ?? []), t.id]);
    }
  // A capability that counts only beside others (LLM observability in an LLM stack) is held only then.
  const counts = (c: string) => {
    const only = cat.tax.capability.get(c)?.countsOnlyWith;
    return !only || only.some((d) => coreBy.has(d));
  };
  for (const c of [...coreBy.keys()]) if (!counts(c)) coreBy.delete(c);
  for (const c of [...partialBy.keys()]) if (!counts(c)) partialBy.delete(c);
  const hasCore = (c: string) => coreBy.has(c);

  const stages: StageCoverage[] = tax.stages.map((s) => {
    const served = new Set<string>();
    const support: StageCoverage['support'] = [];
    for (const t of live)
      for (const [c, claim] of Object.entries(t.claims)) {
        if (claim.strength === 'via' || !counts(c)) continue;
        const essential = s.capabilities.essential.includes(c);
        if (essential && claim.strength === 'core') served.add(t.id);
        else if (essential || s.capabilities.helpful.includes(c))
          support.push({ tool: t.id, capability: c, strength: claim.strength, role: essential ? 'essential' : 'helpful' });
      }
    // Partial: an essential capability held with limits. Helpful capabilities alone do not serve a stage.
    const status: StageStatus = served.size ? 'served' : support.some((s) => s.role === 'essential') ? 'partial' : 'unserved';
    return { stage: s.id, status, tools: [...served], support };
  });
  const stageStatus = new Map(stages.map((s) => [s.stage, s]));

  // Gaps, merged by capability: the reasons add up.
  const gaps = new Map<string, Gap>();
  const addGap = (choices: readonly string[], reason: GapReason, stage?: string) => {
    const partial = choices.find((c) => partialBy.has(c));
    const capability = partial ?? choices[0]!;
    const cap = cat.tax.capability.get(capability);
    const capStages = cap?.essentialFor.length ? cap.essentialFor : (cap?.stages ?? []);
    const g = gaps.get(capability);
    if (g) {
      g.because.push(reason);
      if (stage && !g.stages.includes(stage)) g.stages.push(stage);
      return;
    }
    const availableVia = live.flatMap((t) => {
      const claim = t.claims[capability];
      return claim?.strength === 'via' && claim.via && !inStack.has(claim.via) ? [{ tool: t.id, via: claim.via }] : [];
    });
    const first = stage ?? capStages[0] ?? tax.stages[0]!.id;
    gaps.set(capability, {
      capability,
      severity: partial ? 'partial' : 'missing',
      stage: first,
      stages: [first, ...capStages.filter((s) => s !== first)],
      because: [reason],
      partialIn: partialBy.get(capability) ?? [],
      availableVia,
      advice: adviceFor(cat, capability),
    });
  };

  // 1. The lifecycle: every stage needs one of its essential capabilities as core.
  for (const s of tax.stages) if (stageStatus.get(s.id)!.status !== 'served') addGap(s.capabilities.essential, { code: 'stage', stage: s.id }, s.id);

  // 2. The handoffs between the loops.
  const interlocks: InterlockHealth[] = tax.interlocks.map((l) => {
    const sides = [l.from, l.to];
    // A side only partly served (nothing holds an essential capability of it as core) cannot take a handoff either.
    const unserved = sides.filter((s) => stageStatus.get(s)?.status !== 'served');
    if (unserved.length) return { id: l.id, health: 'broken', code: 'side-unserved', stages: unserved, bridges: l.bridges, tools: [] };
    const held = l.bridges.filter(hasCore);
    if (held.length)
      return { id: l.id, health: 'healthy', code: 'bridged', stages: sides, bridges: held, tools: [...new Set(held.flatMap((c) => coreBy.get(c)!))] };
    return { id: l.id, health: 'weak', code: 'no-bridge', stages: sides, bridges: l.bridges, tools: [] };
  });
  const interlockHealth = new Map(interlocks.map((i) => [i.id, i.health]));

  // 3. Maturity: the level reached, and what the target level asks.
  const modelId = opts.maturityModel ?? stack.maturityModel;
  const model: MaturityModel | undefined = modelId ? tax.maturityModels.find((m) => m.id === modelId) : tax.maturityModels[0];
  let maturity: Maturity | null = null;
  if (model) {
    const met = (r: Requirement) => ('interlock' in r ? interlockHealth.get(r.interlock) === 'healthy' : r.capabilities.some(hasCore));
    let level = 0;
    for (const lv of model.levels) {
      if (!lv.requires.every(met)) break;
      level = lv.level;
    }
    const next = level + 1 < model.levels.length ? level + 1 : null;
    const wanted = opts.targetLevel ?? stack.targetLevel ?? next ?? level;
    const target = Math.min(Math.max(wanted, 0), model.levels.length - 1);
    const unmet = (lv: (typeof model.levels)[number]): UnmetRequirement[] =>
      lv.requires
        .filter((r) => !met(r))
        .map((r) =>
          'interlock' in r
            ? { level: lv.level, because: r.because, interlock: r.interlock }
            : { level: lv.level, because: r.because, capabilities: r.capabilities },
        );
    for (const lv of model.levels.slice(0, target + 1))
      for (const r of lv.requires)
        if (!met(r) && !('interlock' in r)) addGap(r.capabilities, { code: 'level', model: model.id, level: lv.level, because: r.because });
    maturity = { model: model.id, level, next, target, missing: next === null ? [] : unmet(model.levels[next]!) };
  }

  // 4. What the organisation says it needs.
  for (const need of stack.needs) {
    const stage = cat.tax.stage.get(need);
    if (stage) {
      if (stageStatus.get(need)!.status !== 'served') addGap(stage.capabilities.essential, { code: 'need' }, need);
    } else if (cat.tax.capability.has(need) && !hasCore(need)) addGap([need], { code: 'need' });
  }

  const overlaps = [...coreBy].filter(([, ids]) => ids.length >= 2).map(([capability, ids]) => ({ capability, tools: ids }));

  // Integration across the interlocks: tools on each side with no works-with link either way.
  const linked = (a: string, b: string) => {
    if (a === b) return true;
    const ta = cat.byId.get(a),
      tb = cat.byId.get(b);
    if (!ta || !tb) return true; // in-house tools are the organisation's own glue
    return ta.worksWith.includes(b) || tb.worksWith.includes(a);
  };
  const unintegrated: IntegrationPair[] = [];
  for (const l of tax.interlocks) {
    const from = stageStatus.get(l.from)!.tools,
      to = stageStatus.get(l.to)!.tools;
    for (const a of from) for (const b of to) if (!linked(a, b)) unintegrated.push({ interlock: l.id, from: a, to: b });
  }

  const pos = new Map(tools.map((t) => [t.id, { x: t.x, y: t.y }]));
  const footprints = stack.teams.map((team) => {
    const pts = team.tools.map((id) => pos.get(id)).filter((p): p is Point => !!p);
    return { team: team.name, persona: team.persona, tools: team.tools, centroid: centroid(pts), hull: convexHull(pts) };
  });
  const personas: [string, string] = [tax.loops[0]!.persona, tax.loops[1]!.persona];
  const personaCentre = (persona: string) =>
    centroid(stack.teams.filter((t) => t.persona === persona).flatMap((t) => t.tools.map((id) => pos.get(id)).filter((p): p is Point => !!p)));
  const r = personaCentre(personas[0]),
    e = personaCentre(personas[1]);
  const personaDistance = r && e ? Math.round(distance(r, e) * 1000) / 1000 : null;

  const retired = tools
    .filter((t) => t.retired)
    .map((t) => {
      const tool = cat.byId.get(t.id)!;
      return {
        tool: t.id,
        state: tool.status.state,
        ...(tool.status.since ? { since: tool.status.since } : {}),
        replacements: replacementsFor(cat, tool),
        voided: Object.keys(t.claims).filter((c) => t.claims[c]!.strength !== 'via'),
      };
    });

  const notes: StackNote[] = [];
  for (const t of live) {
    const via = Object.entries(t.claims)
      .filter(([c, v]) => v.strength === 'via' && v.via && cat.tax.mlCapabilities.has(c))
      .map(([capability, v]) => ({ capability, via: v.via! }));
    const ownMl = Object.entries(t.claims).some(([c, v]) => v.strength !== 'via' && cat.tax.mlCapabilities.has(c));
    if (via.length && !ownMl) notes.push({ code: 'no-own-ml-capability', tool: t.id, via });
  }

  return {
    name: stack.name,
    tools,
    stages,
    gaps: [...gaps.values()],
    maturity,
    overlaps,
    interlocks,
    unintegrated,
    footprints,
    personaDistance,
    personas,
    oppositeEnds: personaDistance !== null && personaDistance > OPPOSITE_ENDS,
    retired,
    notes,
  };
}
