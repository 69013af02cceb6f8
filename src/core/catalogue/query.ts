import type { Catalogue } from './catalogue.js';
import type { Override, StatusState, Tool, Offering } from './tool.js';
import type { QuadrantId } from '../taxonomy/schema.js';

export interface ToolFilter {
  quadrant?: QuadrantId;
  category?: string;
  capability?: string;
  /** Lifecycle stage served by any of the tool's capabilities. */
  stage?: string;
  oss?: boolean;
  status?: StatusState;
  offering?: Offering;
}

/** The flat shape of a tool in listings (CLI `tools --json`, API lists). */
export interface ToolSummary {
  id: string;
  name: string;
  aliases: string[];
  categories: string[];
  capabilities: string[];
  primaryCapabilities: string[];
  quadrant: QuadrantId;
  x: number;
  y: number;
  override: Override | null;
  license: string;
  openSource: boolean;
  offering: Offering[];
  status: StatusState;
  vendor: string | null;
  firstRelease: number;
}

export function summarise(cat: Catalogue, t: Tool): ToolSummary {
  const p = cat.placement.get(t.id)!;
  return {
    id: t.id,
    name: t.name,
    aliases: t.aliases,
    categories: t.categories,
    capabilities: [...t.capabilities.primary, ...t.capabilities.secondary],
    primaryCapabilities: t.capabilities.primary,
    quadrant: p.quadrant,
    x: p.x,
    y: p.y,
    override: p.override,
    license: t.license,
    openSource: t.openSource,
    offering: t.offering,
    status: t.status.state,
    vendor: t.vendor ?? null,
    firstRelease: t.firstRelease,
  };
}

export function filterTools(cat: Catalogue, f: ToolFilter): Tool[] {
  return cat.tools.filter((t) => {
    const caps = [...t.capabilities.primary, ...t.capabilities.secondary];
    if (f.quadrant && cat.placement.get(t.id)!.quadrant !== f.quadrant) return false;
    if (f.category && !t.categories.includes(f.category)) return false;
    if (f.capability && !caps.includes(f.capability)) return false;
    if (f.stage && !caps.some((c) => cat.tax.capability.get(c)?.stages.includes(f.stage!))) return false;
    if (f.oss !== undefined && t.openSource !== f.oss) return false;
    if (f.status && t.status.state !== f.status) return false;
    if (f.offering && !t.offering.includes(f.offering)) return false;
    return true;
  });
}
