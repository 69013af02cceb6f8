import type { Tool, Override } from '../catalogue/tool.js';
import type { TaxonomyIndex } from '../taxonomy/index.js';
import type { QuadrantId } from '../taxonomy/schema.js';
import { PLACEMENT_MODEL, type PlacementModel } from './model.js';

export interface PlacementStep {
  axis: 'x' | 'y';
  /** Human-readable reason for this contribution. */
  reason: string;
  /** The signed amount it contributed, where that makes sense. */
  amount?: number;
}

export interface Placement {
  x: number;
  y: number;
  quadrant: QuadrantId;
  /** The position before any override: what the model says. */
  computed: { x: number; y: number; quadrant: QuadrantId };
  override: Override | null;
  /** Weighted count of use-cases and stages reached, the inputs of the scope axis. */
  useCases: number;
  stages: string[];
}

const clamp = (v: number) => Math.max(-1, Math.min(1, v));
const round = (v: number) => Math.round(v * 1000) / 1000;

export function quadrantOf(x: number, y: number): QuadrantId {
  if (y >= 0) return x < 0 ? 'cloud-platforms' : 'ml-platforms';
  return x < 0 ? 'standard-swe-tools' : 'specialized-ml-tools';
}

type PlaceableTool = Pick<Tool, 'capabilities' | 'offering' | 'override'>;

/**
 * Where a tool sits on the landscape, computed from its capabilities and offering, with the steps
 * that got it there. Unknown capability ids are skipped (validation reports them).
 */
export function place(tool: PlaceableTool, tax: TaxonomyIndex, model: PlacementModel = PLACEMENT_MODEL): Placement {
  return compute(tool, tax, model, undefined);
}

/** The steps that moved a tool to where `place` puts it, in order, for people to read. */
export function explainPlacement(tool: PlaceableTool, tax: TaxonomyIndex, model: PlacementModel = PLACEMENT_MODEL): PlacementStep[] {
  const steps: PlacementStep[] = [];
  compute(tool, tax, model, steps);
  return steps;
}

/** The model itself. Explanation texts are built only when `explain` collects them. */
function compute(tool: PlaceableTool, tax: TaxonomyIndex, model: PlacementModel, explain: PlacementStep[] | undefined): Placement {
  let weightSum = 0;
  let artifactSum = 0;
  let capabilityCount = 0;
  // Per stage reached, the strongest reach: 1 when a primary capability serves it, secondaryReach
  // otherwise. Parallel arrays rather than a Map: at most eight stages, and this runs per tool.
  const stages: string[] = [];
  const reach: number[] = [];

  for (const kind of ['primary', 'secondary'] as const) {
    for (const id of tool.capabilities[kind]) {
      const cap = tax.capability.get(id);
      if (!cap) continue;
      const w = model.weight[kind] * cap.pull;
      weightSum += w;
      artifactSum += w * cap.artifact;
      capabilityCount += model.weight[kind];
      explain?.push({
        axis: 'x',
        reason: `${cap.name} (${kind}${cap.pull !== 1 ? `, pull ${cap.pull}` : ''}, weight ${w}) sits at ${signed(cap.artifact)}`,
        amount: cap.artifact,
      });
      const r = kind === 'primary' ? 1 : model.scope.secondaryReach;
      for (const st of cap.stages) {
        const i = stages.indexOf(st);
        if (i < 0) stages.push(st), reach.push(r);
        else if (reach[i]! < r) reach[i] = r;
      }
    }
  }

  const mean = weightSum > 0 ? artifactSum / weightSum : 0;
  let x = mean;
  explain?.push({ axis: 'x', reason: `weighted mean of the capabilities' artifact positions: ${signed(mean)}` });
  if (tool.offering.includes('cloud-service')) {
    x += model.cloudServiceShift;
    explain?.push({
      axis: 'x',
      reason: `sold as a service of a general cloud, so infrastructure first: ${signed(model.cloudServiceShift)}`,
      amount: model.cloudServiceShift,
    });
  }
  x = clamp(x);

  let primaryStages = 0;
  for (const r of reach) if (r === 1) primaryStages++;
  const secondaryStages = reach.length - primaryStages;
  const useCases = primaryStages + model.scope.secondaryReach * secondaryStages + model.scope.perCapability * capabilityCount;
  const y = Math.tanh((useCases - model.scope.allInOneAt) / model.scope.softness);
  explain?.push({
    axis: 'y',
    reason: `primary capabilities serve ${primaryStages} of ${tax.stage.size} lifecycle stages (1 each); secondary ones add ${secondaryStages} more (${model.scope.secondaryReach} each)`,
    amount: primaryStages + model.scope.secondaryReach * secondaryStages,
  });
  explain?.push({
    axis: 'y',
    reason: `${capabilityCount} weighted capabilities add ${round(model.scope.perCapability * capabilityCount)}: ${round(useCases)} use-cases in all`,
    amount: useCases,
  });
  explain?.push({
    axis: 'y',
    reason:
      useCases >= model.scope.allInOneAt
        ? `more than ${model.scope.allInOneAt} use-cases: all-in-one side`
        : `fewer than ${model.scope.allInOneAt} use-cases: piecemeal side`,
    amount: y,
  });

  const computed = { x: round(x), y: round(y), quadrant: quadrantOf(x, y) };
  const override = tool.override ?? null;
  const final = override ? { x: override.x, y: override.y, quadrant: quadrantOf(override.x, override.y) } : computed;
  return {
    ...final,
    computed,
    override,
    useCases: round(useCases),
    stages,
  };
}

function signed(v: number): string {
  const r = Math.round(v * 100) / 100;
  return r > 0 ? `+${r}` : `${r}`;
}
