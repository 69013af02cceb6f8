import type { Catalogue } from './catalogue.js';
import { isRetired, type Tool } from './tool.js';
import type { QuadrantId } from '../taxonomy/schema.js';

export interface PlacementDisagreement {
  tool: string;
  computed: QuadrantId;
  categories: string[];
  categoryQuadrants: QuadrantId[];
}

export interface FactIssue {
  tool: string;
  field: string;
  message: string;
}

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

/** Facts that are missing or were checked too long ago to trust. */
export function factIssues(cat: Catalogue, today: Date, staleAfterDays = 365): FactIssue[] {
  const out: FactIssue[] = [];
  for (const t of cat.tools) {
    const age = (today.getTime() - Date.parse(t.status.checked)) / 86_400_000;
    if (age > staleAfterDays) out.push({ tool: t.id, field: 'status.checked', message: `facts last checked ${t.status.checked}, over ${staleAfterDays} days ago` });
    if (t.openSource && !t.repository) out.push({ tool: t.id, field: 'repository', message: 'open source but no repository' });
    if (!t.vendor) out.push({ tool: t.id, field: 'vendor', message: 'no vendor or foundation named' });
    if (isRetired(t) && !(t.status.replacedBy ?? []).length)
      out.push({ tool: t.id, field: 'status.replacedBy', message: `${t.status.state} with no suggested replacement` });
  }
  return out;
}
