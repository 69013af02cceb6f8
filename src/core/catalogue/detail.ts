import type { Catalogue } from './catalogue.js';
import { isRetired, type Tool } from './tool.js';
import { summarise, type ToolSummary } from './query.js';
import { explainPlacement, type Placement, type PlacementExplanation } from '../placement/place.js';
import type { Strength } from './tool.js';

/** Everything a tool page shows: the facts, the placement with its explanation, and the neighbours. */
export interface ToolDetail {
  tool: Tool;
  summary: ToolSummary;
  placement: Placement & { quadrantName: string; explanation: PlacementExplanation };
  retired: boolean;
  categories: Array<{ id: string; name: string; quadrant: string; ring: string }>;
  /** Capabilities per lifecycle stage, in the tool's order: the lifecycle view of one tool. */
  capabilitiesByStage: Record<string, Array<{ id: string; name: string; strength: Strength; role: 'essential' | 'helpful'; via?: string }>>;
  /** Tools that provide some capability via this one (a cloud naming its AI platform). */
  providedFor: Array<{ tool: string; capability: string }>;
  worksWith: ToolSummary[];
  competesWith: ToolSummary[];
  /** Tools that name this one in their competesWith, beyond its own list. */
  competedBy: ToolSummary[];
  replacedBy: ToolSummary[];
}

export function toolDetail(cat: Catalogue, tool: Tool): ToolDetail {
  const p = cat.placement.get(tool.id)!;
  const refs = (ids: readonly string[]) =>
    ids
      .map((id) => cat.byId.get(id))
      .filter((t): t is Tool => !!t)
      .map((t) => summarise(cat, t));
  const byStage: ToolDetail['capabilitiesByStage'] = {};
  for (const [id, claim] of Object.entries(tool.capabilities)) {
    const cap = cat.tax.capability.get(id);
    if (!cap) continue;
    for (const s of cap.stages)
      (byStage[s] ??= []).push({
        id,
        name: cap.name,
        strength: claim.strength,
        role: cap.essentialFor.includes(s) ? 'essential' : 'helpful',
        ...(claim.via ? { via: claim.via } : {}),
      });
  }
  const own = new Set(tool.competesWith);
  return {
    tool,
    summary: summarise(cat, tool),
    placement: { ...p, quadrantName: cat.tax.quadrantName.get(p.quadrant) ?? p.quadrant, explanation: explainPlacement(tool, cat.tax, cat.context) },
    retired: isRetired(tool),
    categories: tool.categories.map((id) => {
      const c = cat.tax.category.get(id);
      return { id, name: c?.name ?? id, quadrant: c?.quadrant ?? '', ring: c?.ring ?? '' };
    }),
    capabilitiesByStage: byStage,
    providedFor: cat.tools.flatMap((t) =>
      Object.entries(t.capabilities)
        .filter(([, c]) => c.via === tool.id)
        .map(([capability]) => ({ tool: t.id, capability })),
    ),
    worksWith: refs(tool.worksWith),
    competesWith: refs(tool.competesWith),
    competedBy: cat.tools.filter((t) => t.competesWith.includes(tool.id) && !own.has(t.id)).map((t) => summarise(cat, t)),
    replacedBy: refs(tool.status.replacedBy ?? []),
  };
}
