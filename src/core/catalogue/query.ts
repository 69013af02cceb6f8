import { z } from 'zod';
import type { Catalogue } from './catalogue.js';
import { Override, StatusState, Offering, capabilitiesAt, type Tool } from './tool.js';
import type { QuadrantId } from '../taxonomy/schema.js';

export interface ToolFilter {
  quadrant?: QuadrantId;
  category?: string;
  capability?: string;
  /** Lifecycle stage served by one of the tool's core capabilities. */
  stage?: string;
  oss?: boolean;
  status?: StatusState;
  offering?: Offering;
}

/** The flat shape of a tool in listings (CLI `tools --json`, API lists). */
export const ToolSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  categories: z.array(z.string()),
  capabilities: z.array(z.string()).describe('capability ids the tool provides itself, core first, then partial'),
  coreCapabilities: z.array(z.string()).describe('capability ids it provides as a core feature'),
  quadrant: z.string().describe('computed from the placement'),
  x: z.number().describe('artifact axis: -1 software .. +1 model'),
  y: z.number().describe('scope axis: -1 piecemeal .. +1 all-in-one'),
  override: Override.nullable(),
  license: z.string(),
  openSource: z.boolean(),
  offering: z.array(Offering),
  status: StatusState,
  vendor: z.string().nullable(),
  firstRelease: z.number().int(),
  activity: z
    .object({
      stars: z.number(),
      latestRelease: z.object({ tag: z.string(), date: z.string() }).nullable(),
      archived: z.boolean(),
      pushedAt: z.string(),
      checked: z.string(),
    })
    .nullable()
    .describe("what the tool's repository said when `mlnav enrich` last read it"),
});
export type ToolSummary = z.infer<typeof ToolSummarySchema>;

export function summarise(cat: Catalogue, t: Tool): ToolSummary {
  const p = cat.placement.get(t.id)!;
  return {
    id: t.id,
    name: t.name,
    aliases: t.aliases,
    categories: t.categories,
    capabilities: [...capabilitiesAt(t, 'core'), ...capabilitiesAt(t, 'partial')],
    coreCapabilities: capabilitiesAt(t, 'core'),
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
    activity: t.activity
      ? {
          stars: t.activity.stars,
          latestRelease: t.activity.latestRelease,
          archived: t.activity.archived,
          pushedAt: t.activity.pushedAt,
          checked: t.activity.checked,
        }
      : null,
  };
}

export function filterTools(cat: Catalogue, f: ToolFilter): Tool[] {
  return cat.tools.filter((t) => {
    const caps = capabilitiesAt(t, 'core', 'partial');
    if (f.quadrant && cat.placement.get(t.id)!.quadrant !== f.quadrant) return false;
    if (f.category && !t.categories.includes(f.category)) return false;
    if (f.capability && !caps.includes(f.capability)) return false;
    if (f.stage && !capabilitiesAt(t, 'core').some((c) => cat.tax.capability.get(c)?.stages.includes(f.stage!))) return false;
    if (f.oss !== undefined && t.openSource !== f.oss) return false;
    if (f.status && t.status.state !== f.status) return false;
    if (f.offering && !t.offering.includes(f.offering)) return false;
    return true;
  });
}
