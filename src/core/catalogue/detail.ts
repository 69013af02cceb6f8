import type { Catalogue } from './catalogue.js';
import { isRetired, type Tool } from './tool.js';
import { summarise, type ToolSummary } from './query.js';
import { explainPlacement, type Placement, type PlacementStep } from '../placement/place.js';

/** Everything a tool page shows: the facts, the placement with its explanation, and the neighbours. */
export interface ToolDetail {
  tool: Tool;
  summary: ToolSummary;
  placement: Placement & { quadrantName: string; steps: PlacementStep[] };
  retired: boolean;
  categories: Array<{ id: string; name: string; quadrant: string; ring: string }>;
  /** Capability ids per lifecycle stage, primary first: the lifecycle view of one tool. */
  capabilitiesByStage: Record<string, Array<{ id: string; name: string; kind: 'primary' | 'secondary' }>>;
  worksWith: ToolSummary[];
  competesWith: ToolSummary[];
  /** Tools that name this one in their competesWith, beyond its own list. */
  competedBy: ToolSummary[];
  replacedBy: ToolSummary[];
}

export function toolDetail(cat: Catalogue, tool: Tool): ToolDetail {
  const p = cat.placement.get(tool.id)!;
  const refs = (ids: readonly string[]) => ids.map((id) => cat.byId.get(id)).filter((t): t is Tool => !!t).map((t) => summarise(cat, t));
  const byStage: ToolDetail['capabilitiesByStage'] = {};
  for (const kind of ['primary', 'secondary'] as const)
    for (const id of tool.capabilities[kind]) {
      const cap = cat.tax.capability.get(id);
      if (!cap) continue;
      for (const s of cap.stages) (byStage[s] ??= []).push({ id, name: cap.name, kind });
    }
  const own = new Set(tool.competesWith);
  return {
    tool,
    summary: summarise(cat, tool),
    placement: { ...p, quadrantName: cat.tax.quadrantName.get(p.quadrant) ?? p.quadrant, steps: explainPlacement(tool, cat.tax) },
    retired: isRetired(tool),
    categories: tool.categories.map((id) => {
      const c = cat.tax.category.get(id);
      return { id, name: c?.name ?? id, quadrant: c?.quadrant ?? '', ring: c?.ring ?? '' };
    }),
    capabilitiesByStage: byStage,
    worksWith: refs(tool.worksWith),
    competesWith: refs(tool.competesWith),
    competedBy: cat.tools.filter((t) => t.competesWith.includes(tool.id) && !own.has(t.id)).map((t) => summarise(cat, t)),
    replacedBy: refs(tool.status.replacedBy ?? []),
  };
}
