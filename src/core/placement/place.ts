import type { Tool, Override, Strength } from '../catalogue/tool.js';
import type { TaxonomyIndex } from '../taxonomy/index.js';
import type { QuadrantId } from '../taxonomy/schema.js';
import { PLACEMENT_MODEL, type PlacementModel } from './model.js';

/**
 * Why a tool sits where it sits, as codes and parameters; each face words them. `summary` is the
 * practitioner's reason; `steps` is the arithmetic behind it.
 */
export type PlacementReason =
  /** The tool serves these stages as core features (scope), and the kind of tool that makes it. */
  | {
      code: 'scope';
      side: 'all-in-one' | 'piecemeal';
      core: string[];
      coreStages: string[];
      otherStages: string[];
      viaStages: string[];
      via: Array<{ capability: string; via: string }>;
      spans: string[];
      /** Core claims the taxonomy groups into one use-case (experiment management), when the tool has several of one. */
      jobs: Array<{ useCase: string; capabilities: string[] }>;
      substrate: boolean;
    }
  /** What the tool mostly produces (artifact): the capabilities that pull it to its side. */
  | { code: 'artifact'; side: 'software' | 'model'; capabilities: string[] }
  | { code: 'cloud-service'; of: string[] }
  | { code: 'tie' }
  | { code: 'override'; reason: string };

export type PlacementStep =
  | { code: 'x.claim'; capability: string; strength: Strength; weight: number; artifact: number }
  | { code: 'x.mean'; value: number }
  | { code: 'x.cloud-service'; shift: number; of: string[] }
  | { code: 'y.stage'; stage: string; capability: string; strength: Strength | 'substrate'; role: 'essential' | 'helpful' | 'via'; amount: number }
  | { code: 'y.substrate'; capability: string; amount: number }
  | {
      code: 'y.capabilities';
      core: string[];
      partial: string[];
      jobs: Array<{ useCase: string; capabilities: string[]; related: number }>;
      amount: number;
    }
  | { code: 'y.stages'; reach: number; weight: number; amount: number }
  | { code: 'y.total'; useCases: number; allInOneAt: number; y: number };

export interface Placement {
  x: number;
  y: number;
  quadrant: QuadrantId;
  /** The position before any override: what the model says. */
  computed: { x: number; y: number; quadrant: QuadrantId };
  override: Override | null;
  /** Weighted count of use-cases, the input of the scope axis. */
  useCases: number;
  /** Stages the tool serves with a core claim on an essential capability. */
  stages: string[];
}

export interface PlacementContext {
  /** Entries that a compute provider offers as its own services (named in its `via` claims), with that provider. */
  cloudServices?: ReadonlyMap<string, string[]>;
}

const clamp = (v: number) => Math.max(-1, Math.min(1, v));
const round = (v: number) => Math.round(v * 1000) / 1000;

/** The quadrant for a position, from the signs the taxonomy gives each quadrant. */
export function quadrantOf(tax: TaxonomyIndex, x: number, y: number, model: PlacementModel = PLACEMENT_MODEL): QuadrantId {
  const xs = x > model.tie ? '+' : '-';
  const ys = y >= 0 ? '+' : '-';
  return tax.quadrantBySigns.get(`${xs}${ys}`)!;
}

type PlaceableTool = Pick<Tool, 'capabilities' | 'override'> & { id?: string };

/**
 * Where a tool sits on the landscape, computed from its capability claims, with the reasons. Unknown
 * capability ids are skipped (validation reports them).
 */
export function place(tool: PlaceableTool, tax: TaxonomyIndex, ctx: PlacementContext = {}, model: PlacementModel = PLACEMENT_MODEL): Placement {
  return compute(tool, tax, ctx, model, undefined);
}

export interface PlacementExplanation {
  summary: PlacementReason[];
  steps: PlacementStep[];
}

export function explainPlacement(
  tool: PlaceableTool,
  tax: TaxonomyIndex,
  ctx: PlacementContext = {},
  model: PlacementModel = PLACEMENT_MODEL,
): PlacementExplanation {
  const out: PlacementExplanation = { summary: [], steps: [] };
  compute(tool, tax, ctx, model, out);
  return out;
}

/** Which entries each compute provider sells as its own services: the targets of its `via` claims. */
export function cloudServicesOf(tools: readonly Tool[], tax: TaxonomyIndex): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const t of tools) {
    const provider = Object.entries(t.capabilities).some(([c, claim]) => claim.strength === 'core' && tax.capability.get(c)?.substrate);
    if (!provider) continue;
    for (const claim of Object.values(t.capabilities))
      if (claim.strength === 'via' && claim.via && claim.via !== t.id) {
        const list = out.get(claim.via) ?? [];
        if (!list.includes(t.id)) list.push(t.id);
        out.set(claim.via, list);
      }
  }
  return out;
}

function compute(tool: PlaceableTool, tax: TaxonomyIndex, ctx: PlacementContext, model: PlacementModel, explain: PlacementExplanation | undefined): Placement {
  let weightSum = 0;
  let artifactSum = 0;
  const pulls: Array<{ id: string; w: number; a: number }> = [];
  // Per stage, the strongest reach of any claim; at most a dozen stages, so arrays.
  const stageIds: string[] = [];
  const reach: number[] = [];
  const kind: Array<'core' | 'other' | 'via'> = [];
  let substrate = 0;
  let substrateCap: string | undefined;
  const r = model.scope.reach;
  const coreCaps: string[] = [];
  const partialCaps: string[] = [];
  let capabilityTerm = 0;
  /** Per use-case group, the largest core claim counted in full so far. */
  const jobs = new Map<string, number>();

  for (const [id, claim] of Object.entries(tool.capabilities)) {
    const cap = tax.capability.get(id);
    if (!cap) continue;
    if (claim.strength !== 'via') {
      const w = model.weight[claim.strength] * cap.pull;
      weightSum += w;
      artifactSum += w * cap.artifact;
      pulls.push({ id, w, a: cap.artifact });
      explain?.steps.push({ code: 'x.claim', capability: id, strength: claim.strength, weight: w, artifact: cap.artifact });
    }
    if (cap.substrate) {
      const amount = claim.strength === 'core' ? model.scope.substrate : claim.strength === 'partial' ? model.scope.substrate * model.scope.partial : 0;
      if (amount > substrate) {
        substrate = amount;
        substrateCap = id;
      }
      continue;
    }
    // A capability that counts only beside others (LLM observability beside LLM serving or apps) is
    // only helpful to its stages, and counts as partial, in a tool that has none of them.
    const conditional = !!cap.countsOnlyWith && !cap.countsOnlyWith.some((d) => tool.capabilities[d]?.strength === 'core');
    if (claim.strength === 'core' && !conditional) {
      const job = tax.useCaseOf.get(id);
      if (job) {
        // one job: the largest claim of the group counts in full, each further one a fraction
        const prev = jobs.get(job);
        if (prev === undefined) {
          jobs.set(job, cap.useCases);
          capabilityTerm += cap.useCases;
        } else {
          const top = Math.max(prev, cap.useCases);
          capabilityTerm += top - prev + model.scope.related * Math.min(prev, cap.useCases);
          jobs.set(job, top);
        }
      } else capabilityTerm += cap.useCases;
      coreCaps.push(id);
    } else if (claim.strength !== 'via') {
      // a partial claim is one limited use-case, whatever the capability spans
      capabilityTerm += model.scope.partial;
      partialCaps.push(id);
    }
    for (const st of cap.stages) {
      const essential = !conditional && cap.essentialFor.includes(st);
      const amount =
        claim.strength === 'via'
          ? model.scope.via
          : claim.strength === 'core'
            ? essential
              ? r.coreEssential
              : r.coreHelpful
            : essential
              ? r.partialEssential
              : r.partialHelpful;
      const k = claim.strength === 'via' ? 'via' : claim.strength === 'core' && essential ? 'core' : 'other';
      const i = stageIds.indexOf(st);
      if (i < 0) {
        stageIds.push(st);
        reach.push(amount);
        kind.push(k);
      } else if (reach[i]! < amount) {
        reach[i] = amount;
        kind[i] = k;
      }
      // the stage reach is a term of the count only when the model weighs it
      if (model.scope.stages)
        explain?.steps.push({
          code: 'y.stage',
          stage: st,
          capability: id,
          strength: claim.strength,
          role: claim.strength === 'via' ? 'via' : essential ? 'essential' : 'helpful',
          amount,
        });
    }
  }

  const mean = weightSum > 0 ? artifactSum / weightSum : 0;
  let x = mean;
  explain?.steps.push({ code: 'x.mean', value: round(mean) });
  const providers = tool.id ? ctx.cloudServices?.get(tool.id) : undefined;
  if (providers?.length) {
    x += model.cloudServiceShift;
    explain?.steps.push({ code: 'x.cloud-service', shift: model.cloudServiceShift, of: providers });
  }
  x = clamp(x);

  let stageReach = 0;
  for (const v of reach) stageReach += v;
  const capabilityAmount = model.scope.capabilities * capabilityTerm;
  const stageAmount = model.scope.stages * stageReach;
  const useCases = capabilityAmount + stageAmount + substrate;
  // the use-cases of which the tool holds several core claims, in the taxonomy's order
  const grouped = explain
    ? tax.taxonomy.useCases
        .map((u) => ({ useCase: u.id, capabilities: u.capabilities.filter((c) => coreCaps.includes(c)) }))
        .filter((j) => j.capabilities.length > 1)
    : [];
  explain?.steps.push({
    code: 'y.capabilities',
    core: coreCaps,
    partial: partialCaps,
    jobs: grouped.map((j) => ({ ...j, related: model.scope.related })),
    amount: round(capabilityAmount),
  });
  if (model.scope.stages) explain?.steps.push({ code: 'y.stages', reach: round(stageReach), weight: model.scope.stages, amount: round(stageAmount) });
  if (substrateCap) explain?.steps.push({ code: 'y.substrate', capability: substrateCap, amount: round(substrate) });
  const y = Math.tanh((useCases - model.scope.allInOneAt) / model.scope.softness);
  explain?.steps.push({ code: 'y.total', useCases: round(useCases), allInOneAt: model.scope.allInOneAt, y: round(y) });

  const coreStages = stageIds.filter((_, i) => kind[i] === 'core');
  if (explain) {
    const order = (ids: string[]) => tax.taxonomy.stages.map((s) => s.id).filter((s) => ids.includes(s));
    explain.summary.push({
      code: 'scope',
      side: y >= 0 ? 'all-in-one' : 'piecemeal',
      core: coreCaps,
      coreStages: order(coreStages),
      otherStages: order(stageIds.filter((_, i) => kind[i] === 'other')),
      viaStages: order(stageIds.filter((_, i) => kind[i] === 'via')),
      spans: coreCaps.filter((c) => (tax.capability.get(c)?.useCases ?? 1) > 1),
      jobs: grouped,
      via: Object.entries(tool.capabilities).flatMap(([capability, c]) => (c.strength === 'via' && c.via ? [{ capability, via: c.via }] : [])),
      substrate: !!substrateCap,
    });
    const side = x > model.tie ? 'model' : 'software';
    if (Math.abs(x) <= model.tie) explain.summary.push({ code: 'tie' });
    // The capabilities that pull the tool to its side, strongest first.
    const toward = pulls
      .filter((p) => (side === 'model' ? p.a > 0 : p.a <= 0))
      .sort((a, b) => b.w * Math.abs(b.a) - a.w * Math.abs(a.a))
      .slice(0, 3)
      .map((p) => p.id);
    explain.summary.push({ code: 'artifact', side, capabilities: toward });
    if (providers?.length) explain.summary.push({ code: 'cloud-service', of: providers });
    if (tool.override) explain.summary.push({ code: 'override', reason: tool.override.reason });
  }

  const computed = { x: round(x), y: round(y), quadrant: quadrantOf(tax, x, y, model) };
  const override = tool.override ?? null;
  const final = override ? { x: override.x, y: override.y, quadrant: quadrantOf(tax, override.x, override.y, model) } : computed;
  return { ...final, computed, override, useCases: round(useCases), stages: coreStages };
}
