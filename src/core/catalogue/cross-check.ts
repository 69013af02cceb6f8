import type { TaxonomyIndex } from '../taxonomy/index.js';
import type { Tool } from './tool.js';

export interface CrossProblem {
  toolId: string;
  /** Index of the tool in the input list, to find its file. */
  index: number;
  path: Array<string | number>;
  message: string;
  severity: 'error' | 'warning';
  /** For a duplicate id: the index of the tool that had it first. */
  duplicateOf?: number;
}

/**
 * Checks what a single file cannot know: references to the taxonomy and to other tools,
 * and duplicate ids. Pure; the caller maps each problem back to a file and line.
 */
export function crossCheck(tools: readonly Tool[], tax: TaxonomyIndex): CrossProblem[] {
  const out: CrossProblem[] = [];
  const firstIndex = new Map<string, number>();
  tools.forEach((t, i) => {
    const prev = firstIndex.get(t.id);
    if (prev !== undefined) out.push({ toolId: t.id, index: i, path: ['id'], message: `duplicate id "${t.id}"`, severity: 'error', duplicateOf: prev });
    else firstIndex.set(t.id, i);
  });
  const ids = new Set(firstIndex.keys());
  tools.forEach((t, index) => {
    const err = (path: Array<string | number>, message: string, severity: 'error' | 'warning' = 'error') =>
      out.push({ toolId: t.id, index, path, message, severity });
    for (const [c, claim] of Object.entries(t.capabilities)) {
      if (!tax.capability.has(c)) err(['capabilities', c], `unknown capability "${c}"`);
      if (claim.via !== undefined) {
        if (claim.via === t.id) err(['capabilities', c, 'via'], 'a tool cannot provide a capability via itself');
        else if (!ids.has(claim.via)) err(['capabilities', c, 'via'], `unknown tool "${claim.via}"`);
      }
    }
    t.categories.forEach((c, j) => {
      if (!tax.category.has(c)) err(['categories', j], `unknown category "${c}"`);
    });
    for (const field of ['worksWith', 'competesWith'] as const)
      t[field].forEach((ref, j) => {
        if (ref === t.id) err([field, j], 'a tool cannot refer to itself');
        else if (!ids.has(ref)) err([field, j], `unknown tool "${ref}"`);
      });
    (t.status.replacedBy ?? []).forEach((ref, j) => {
      if (!ids.has(ref)) err(['status', 'replacedBy', j], `unknown tool "${ref}"`);
    });
    if (t.openSource && t.license === 'proprietary') err(['openSource'], 'a proprietary licence cannot be open source');
    if (t.openSource && !t.repository) err(['repository'], 'an open-source tool needs its repository', 'warning');
  });
  return out;
}
