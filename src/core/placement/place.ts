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
  steps: PlacementStep[];
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
  const steps: PlacementStep[] = [];
  let weightSum = 0;
  let artifactSum = 0;
  const stageWeight = new Map<string, number>();

  for (const kind of ['primary', 'secondary'] as const) {
    const w = model.weight[kind];
    for (const id of tool.capabilities[kind]) {
      const cap = tax.capability.get(id);
      if (!cap) continue;
      weightSum += w;
      artifactSum += w * cap.artifact;
      steps.push({ axis: 'x', reason: `${cap.name} (${kind}, weight ${w}) sits at ${signed(cap.artifact)}`, amount: cap.artifact });
      for (const s of cap.stages) stageWeight.set(s, Math.max(stageWeight.get(s) ?? 0, w));
    }
  }

  let x = weightSum > 0 ? artifactSum / weightSum : 0;
  steps.push({ axis: 'x', reason: `weighted mean of the capabilities' artifact positions: ${signed(x)}` });
  if (tool.offering.includes('cloud-service')) {
    x += model.cloudServiceShift;
    steps.push({
      axis: 'x',
      reason: `sold as a service of a general cloud: infrastructure first, shifted towards software`,
      amount: model.cloudServiceShift,
    });
  }
  x = clamp(x);

  const stageBreadth = [...stageWeight.values()].reduce((a, b) => a + b, 0);
  const useCases = weightSum + model.scope.stageWeight * stageBreadth;
  const y = Math.tanh((useCases - model.scope.allInOneAt) / model.scope.softness);
  steps.push({
    axis: 'y',
    reason: `${weightSum} weighted capabilities reaching ${stageWeight.size} of ${tax.stage.size} lifecycle stages count as ${round(useCases)} use-cases`,
    amount: useCases,
  });
  steps.push({
    axis: 'y',
    reason:
      useCases >= model.scope.allInOneAt
        ? `more than ${model.scope.allInOneAt} use-cases: towards all-in-one`
        : `fewer than ${model.scope.allInOneAt} use-cases: piecemeal`,
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
    stages: [...stageWeight.keys()],
    steps,
  };
}

function signed(v: number): string {
  const r = Math.round(v * 100) / 100;
  return r > 0 ? `+${r}` : `${r}`;
}
