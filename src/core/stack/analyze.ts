import type { Catalogue } from '../catalogue/catalogue.js';
import { isRetired, type Tool } from '../catalogue/tool.js';
import { place } from '../placement/place.js';
import type { QuadrantId } from '../taxonomy/schema.js';
import { centroid, convexHull, distance, type Point } from './geometry.js';
import type { PersonaKind, Stack } from './schema.js';

/** A tool as the stack uses it: from the catalogue, or built in-house. */
export interface StackTool {
  id: string;
  name: string;
  inHouse: boolean;
  primary: string[];
  secondary: string[];
  x: number;
  y: number;
  quadrant: QuadrantId;
  teams: string[];
}

export interface StageCoverage {
  stage: string;
  name: string;
  loops: string[];
  tools: string[];
}

export interface Gap {
  kind: 'stage' | 'capability';
  id: string;
  name: string;
  /** Part 3's advice: buy by default, build only integrators. */
  hint: BuildVsBuy;
}

export interface BuildVsBuy {
  advice: 'buy' | 'buy-specialised' | 'build-integrator';
  reason: string;
}

export interface Overlap {
  capability: string;
  name: string;
  tools: string[];
}

export interface Interlock {
  id: 'training-to-deployment' | 'feedback-to-data';
  name: string;
  health: 'healthy' | 'weak' | 'broken';
  reason: string;
}

export interface Footprint {
  team: string;
  persona: PersonaKind;
  tools: string[];
  centroid: Point | null;
  hull: Point[];
}

export interface RetiredInUse {
  tool: string;
  state: string;
  replacements: string[];
}

export interface StackAnalysis {
  name: string;
  tools: StackTool[];
  stages: StageCoverage[];
  gaps: Gap[];
  overlaps: Overlap[];
  interlocks: Interlock[];
  footprints: Footprint[];
  /** Distance between the researchers' and the engineers' centroids, on the map's [-1, 1] square. */
  personaDistance: number | null;
  oppositeEnds: boolean;
  retired: RetiredInUse[];
}

/** Beyond this distance (a third of the map's diagonal) the two personas work at opposite ends. */
export const OPPOSITE_ENDS = 0.95;

/** Capabilities part 3 says to build in-house: the glue between bought tools. */
const INTEGRATOR_CAPABILITIES = new Set(['workflow-orchestration', 'ci-cd', 'governance', 'infrastructure-as-code']);

export function buildVsBuy(cat: Catalogue, capability: string | undefined): BuildVsBuy {
  if (capability && INTEGRATOR_CAPABILITIES.has(capability))
    return { advice: 'build-integrator', reason: 'Glue between the tools you have: build integrators and connectors, not another platform (part 3).' };
  const cap = capability ? cat.tax.capability.get(capability) : undefined;
  if (cap && cap.artifact > 0)
    return { advice: 'buy-specialised', reason: 'Model-side and well served by specialised tools: buy one and mix it into the existing workflow (part 3: buy specialised ML tools first).' };
  return { advice: 'buy', reason: 'Buy by default unless MLOps is your core business (part 3).' };
}

/** Resolves a stack's tools, in-house ones placed by the same model as the catalogue's. */
export function stackTools(cat: Catalogue, stack: Stack): StackTool[] {
  const teamsOf = new Map<string, string[]>();
  for (const team of stack.teams) for (const id of team.tools) teamsOf.set(id, [...(teamsOf.get(id) ?? []), team.name]);
  const inHouse = new Map(stack.inHouse.map((t) => [t.id, t]));
  const out: StackTool[] = [];
  for (const [id, teams] of teamsOf) {
    const own = inHouse.get(id);
    if (own) {
      const p = place({ capabilities: { primary: own.capabilities, secondary: [] }, offering: ['self-hosted'] }, cat.tax);
      out.push({ id, name: own.name, inHouse: true, primary: own.capabilities, secondary: [], x: p.x, y: p.y, quadrant: p.quadrant, teams });
      continue;
    }
    const t = cat.byId.get(id);
    if (!t) continue; // validation reports unknown ids; analysis never sees them
    const p = cat.placement.get(id)!;
    out.push({ id, name: t.name, inHouse: false, primary: t.capabilities.primary, secondary: t.capabilities.secondary, x: p.x, y: p.y, quadrant: p.quadrant, teams });
  }
  return out;
}

/** Replacements for a retired tool: its own `replacedBy`, else active tools sharing its primary capabilities. */
export function replacementsFor(cat: Catalogue, tool: Tool, max = 3): string[] {
  const named = (tool.status.replacedBy ?? []).filter((id) => cat.byId.has(id));
  if (named.length) return named.slice(0, max);
  const want = new Set(tool.capabilities.primary);
  return cat.tools
    .filter((t) => t.id !== tool.id && !isRetired(t) && t.capabilities.primary.some((c) => want.has(c)))
    .map((t) => ({ id: t.id, shared: t.capabilities.primary.filter((c) => want.has(c)).length }))
    .sort((a, b) => b.shared - a.shared || (a.id < b.id ? -1 : 1))
    .slice(0, max)
    .map((t) => t.id);
}

/** What an organisation's stack covers of the two loops, where it doubles up, and where its people stand. */
export function analyzeStack(cat: Catalogue, stack: Stack): StackAnalysis {
  const tools = stackTools(cat, stack);
  const capStages = (c: string) => cat.tax.capability.get(c)?.stages ?? [];
  const serves = (t: StackTool, stage: string) => [...t.primary, ...t.secondary].some((c) => capStages(c).includes(stage));

  const stages = cat.tax.taxonomy.stages.map((s) => ({ stage: s.id, name: s.name, loops: s.loops, tools: tools.filter((t) => serves(t, s.id)).map((t) => t.id) }));

  const held = new Set(tools.flatMap((t) => [...t.primary, ...t.secondary]));
  const gaps: Gap[] = [];
  for (const s of stages)
    if (!s.tools.length) {
      // The capability to buy for a stage gap: the most model-side one serving it, per part 3.
      const best = cat.tax.taxonomy.capabilities.filter((c) => c.stages.includes(s.stage)).sort((a, b) => b.artifact - a.artifact)[0];
      gaps.push({ kind: 'stage', id: s.stage, name: s.name, hint: buildVsBuy(cat, best?.id) });
    }
  for (const need of stack.needs) {
    if (!cat.tax.capability.has(need) || held.has(need)) continue;
    gaps.push({ kind: 'capability', id: need, name: cat.tax.capability.get(need)!.name, hint: buildVsBuy(cat, need) });
  }

  const byCapability = new Map<string, string[]>();
  for (const t of tools) for (const c of t.primary) byCapability.set(c, [...(byCapability.get(c) ?? []), t.id]);
  const overlaps = [...byCapability]
    .filter(([, ids]) => ids.length >= 2)
    .map(([capability, ids]) => ({ capability, name: cat.tax.capability.get(capability)?.name ?? capability, tools: ids }));

  const has = (c: string) => held.has(c);
  const stageTools = (id: string) => stages.find((s) => s.stage === id)!.tools;
  const interlocks: Interlock[] = [
    (() => {
      const train = stageTools('model-training'), deploy = stageTools('deployment');
      const bridge = ['model-registry', 'ml-pipelines'].filter(has);
      const both = train.filter((t) => deploy.includes(t));
      if (!train.length || !deploy.length)
        return { id: 'training-to-deployment' as const, name: 'Training -> deployment handoff', health: 'broken' as const, reason: `nothing serves ${!train.length ? 'model training' : 'deployment'}` };
      if (bridge.length || both.length)
        return { id: 'training-to-deployment' as const, name: 'Training -> deployment handoff', health: 'healthy' as const, reason: bridge.length ? `bridged by ${bridge.join(' and ')}` : `${both.join(', ')} serve both sides` };
      return { id: 'training-to-deployment' as const, name: 'Training -> deployment handoff', health: 'weak' as const, reason: 'both sides are served, but no model registry or ML pipeline carries models across' };
    })(),
    (() => {
      const feedback = stageTools('feedback-collection'), data = stageTools('data-acquisition');
      const bridge = ['data-versioning', 'data-pipelines', 'data-labelling'].filter(has);
      if (!feedback.length || !data.length)
        return { id: 'feedback-to-data' as const, name: 'Feedback -> data acquisition', health: 'broken' as const, reason: `nothing serves ${!feedback.length ? 'feedback collection' : 'data acquisition'}` };
      if (bridge.length)
        return { id: 'feedback-to-data' as const, name: 'Feedback -> data acquisition', health: 'healthy' as const, reason: `production signals can flow back through ${bridge.join(', ')}` };
      return { id: 'feedback-to-data' as const, name: 'Feedback -> data acquisition', health: 'weak' as const, reason: 'feedback is collected but no data pipeline, versioning or labelling turns it into training data' };
    })(),
  ];

  const pos = new Map(tools.map((t) => [t.id, { x: t.x, y: t.y }]));
  const footprints = stack.teams.map((team) => {
    const pts = team.tools.map((id) => pos.get(id)).filter((p): p is Point => !!p);
    return { team: team.name, persona: team.persona, tools: team.tools, centroid: centroid(pts), hull: convexHull(pts) };
  });
  const personaCentre = (persona: PersonaKind) =>
    centroid(stack.teams.filter((t) => t.persona === persona).flatMap((t) => t.tools.map((id) => pos.get(id)).filter((p): p is Point => !!p)));
  const r = personaCentre('researcher'), e = personaCentre('engineer');
  const personaDistance = r && e ? Math.round(distance(r, e) * 1000) / 1000 : null;

  const retired = tools
    .filter((t) => !t.inHouse && isRetired(cat.byId.get(t.id)!))
    .map((t) => {
      const tool = cat.byId.get(t.id)!;
      return { tool: t.id, state: tool.status.state, replacements: replacementsFor(cat, tool) };
    });

  return { name: stack.name, tools, stages, gaps, overlaps, interlocks, footprints, personaDistance, oppositeEnds: personaDistance !== null && personaDistance > OPPOSITE_ENDS, retired };
}
