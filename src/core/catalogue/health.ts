import type { Catalogue } from './catalogue.js';
import { isRetired, type Tool } from './tool.js';
import type { QuadrantId } from '../taxonomy/schema.js';

export interface PlacementDisagreement {
  tool: string;
  computed: QuadrantId;
  categories: string[];
  categoryQuadrants: QuadrantId[];
}

/** A fact to look at again, as a code with its parameters; each face words it. */
export type FactIssue =
  | { tool: string; field: string; code: 'stale'; checked: string; days: number }
  | { tool: string; field: 'repository'; code: 'no-repository' }
  | { tool: string; field: 'vendor'; code: 'no-vendor' }
  | { tool: string; field: 'status.replacedBy'; code: 'no-replacement'; state: string }
  /** Retired (archived or discontinued), yet its repository released after it stopped. */
  | { tool: string; field: 'status.state'; code: 'retired-yet-releasing'; state: string; since: string; release: string; date: string }
  /** Its repository is archived, yet the catalogue says it lives. */
  | { tool: string; field: 'status.state'; code: 'archived-yet-active'; state: string }
  /** Active, yet no release in 18 months: the status rule says maintenance. */
  | { tool: string; field: 'status.state'; code: 'no-release-in-18-months'; date: string }
  /** A contradiction `mlnav enrich` found and left for review. */
  | { tool: string; field: string; code: 'under-review'; found: string };

/** Tools whose categories name one quadrant while the computed placement lands in another. */
export function placementDisagreements(cat: Catalogue): PlacementDisagreement[] {
  const out: PlacementDisagreement[] = [];
  for (const t of cat.tools) {
    const quadrant = cat.placement.get(t.id)!.quadrant;
    const qs = [...new Set(t.categories.map((c) => cat.tax.category.get(c)?.quadrant).filter((q): q is QuadrantId => !!q))];
    if (qs.length && !qs.includes(quadrant)) out.push({ tool: t.id, computed: quadrant, categories: t.categories, categoryQuadrants: qs });
  }
  return out;
}

export function retiredTools(cat: Catalogue): Tool[] {
  return cat.tools.filter(isRetired);
}

const DAY = 86_400_000;

/** Every dated fact of a tool: where it is and when it was checked. */
function datedFacts(t: Tool): Array<{ field: string; checked: string }> {
  return [
    { field: 'status.checked', checked: t.status.checked },
    { field: 'sources.license', checked: t.sources.license.checked },
    { field: 'sources.status', checked: t.sources.status.checked },
    ...Object.entries(t.capabilities).flatMap(([c, claim]) => (claim.checked ? [{ field: `capabilities.${c}`, checked: claim.checked }] : [])),
    ...(t.activity ? [{ field: 'activity', checked: t.activity.checked }] : []),
  ];
}

/**
 * Facts to look at again: checked longer ago than `staleAfterDays`, missing, or contradicted by what a
 * tool's repository says. Pure: `today` is passed in.
 */
export function factIssues(cat: Catalogue, today: Date, staleAfterDays = 365): FactIssue[] {
  const out: FactIssue[] = [];
  const now = today.getTime();
  for (const t of cat.tools) {
    for (const f of datedFacts(t)) {
      const days = Math.floor((now - Date.parse(f.checked)) / DAY);
      if (days > staleAfterDays) out.push({ tool: t.id, field: f.field, code: 'stale', checked: f.checked, days });
    }
    if (t.openSource && !t.repository) out.push({ tool: t.id, field: 'repository', code: 'no-repository' });
    if (!t.vendor) out.push({ tool: t.id, field: 'vendor', code: 'no-vendor' });
    if (isRetired(t) && !(t.status.replacedBy ?? []).length)
      out.push({ tool: t.id, field: 'status.replacedBy', code: 'no-replacement', state: t.status.state });
    const a = t.activity;
    if (a) {
      const since = t.status.since;
      if (isRetired(t) && a.latestRelease && since && a.latestRelease.date > since)
        out.push({
          tool: t.id,
          field: 'status.state',
          code: 'retired-yet-releasing',
          state: t.status.state,
          since,
          release: a.latestRelease.tag,
          date: a.latestRelease.date,
        });
      if (a.archived && !isRetired(t)) out.push({ tool: t.id, field: 'status.state', code: 'archived-yet-active', state: t.status.state });
      if (t.status.state === 'active' && a.latestRelease && now - Date.parse(a.latestRelease.date) > 548 * DAY)
        out.push({ tool: t.id, field: 'status.state', code: 'no-release-in-18-months', date: a.latestRelease.date });
    }
    for (const r of t.review ?? []) out.push({ tool: t.id, field: r.field, code: 'under-review', found: r.found });
  }
  return out;
}
