import type { Taxonomy } from '../taxonomy/schema.js';
import { StatusState } from './tool.js';

/** What the counts read of a tool: a listing row (ToolSummary, the web app's WebTool) has all of it. */
export interface StatsTool {
  quadrant: string;
  categories: readonly string[];
  coreCapabilities: readonly string[];
  license: string;
  status: string;
  firstRelease: number;
}

/** One bar: a value of the dimension (`key`: its id, or the value itself), its name, and how many tools have it. */
export interface CountRow {
  key: string;
  label: string;
  count: number;
  /** For taxonomy values: the quadrant the value belongs to (a quadrant itself, or a category's), to colour it. */
  quadrant?: string;
}

export type StatsDimension = 'quadrant' | 'category' | 'capability' | 'license' | 'status' | 'firstRelease';

export interface DimensionCounts {
  dimension: StatsDimension;
  rows: CountRow[];
  /**
   * Whether a tool is counted once in this dimension (the rows add up to the number of tools) or once per
   * value it has (several categories, several capabilities).
   */
  exclusive: boolean;
}

export interface CatalogueStats {
  tools: number;
  dimensions: DimensionCounts[];
}

/**
 * How many tools fall in each quadrant, category, core capability, licence, status and first-release year.
 * Taxonomy values come in the taxonomy's order and are all listed, with 0 when no tool has one (an empty
 * category says something too); values the taxonomy does not know follow, under their own id. Capabilities
 * and licences are ordered by count, most first; statuses in their lifecycle order; years run from the
 * earliest to the latest with every year between. Pure.
 */
export function catalogueStats(tools: readonly StatsTool[], tax: Pick<Taxonomy, 'quadrants' | 'categories' | 'capabilities'>): CatalogueStats {
  const tally = (values: Iterable<string>) => {
    const m = new Map<string, number>();
    for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
    return m;
  };
  const byTaxonomy = (counts: Map<string, number>, known: ReadonlyArray<{ id: string; name: string; quadrant?: string }>): CountRow[] => {
    const ids = new Set(known.map((k) => k.id));
    const rows: CountRow[] = known.map((k) => ({ key: k.id, label: k.name, count: counts.get(k.id) ?? 0, ...(k.quadrant ? { quadrant: k.quadrant } : {}) }));
    const unknown = [...counts.keys()].filter((k) => !ids.has(k)).sort();
    return [...rows, ...unknown.map((k) => ({ key: k, label: k, count: counts.get(k)! }))];
  };
  const mostFirst = (rows: CountRow[]) =>
    rows
      .map((r, i) => ({ r, i }))
      .sort((a, b) => b.r.count - a.r.count || a.i - b.i)
      .map((x) => x.r);

  const quadrants = tally(tools.map((t) => t.quadrant));
  // A tool listing a category twice is still one tool in it.
  const categories = tally(tools.flatMap((t) => [...new Set(t.categories)]));
  const capabilities = tally(tools.flatMap((t) => [...new Set(t.coreCapabilities)]));
  const licences = tally(tools.map((t) => t.license));
  const statuses = tally(tools.map((t) => t.status));
  const years = tally(tools.map((t) => String(t.firstRelease)));

  const knownStates: readonly string[] = StatusState.options;
  const statusRows: CountRow[] = [
    ...knownStates.filter((s) => statuses.has(s)).map((s) => ({ key: s, label: s, count: statuses.get(s)! })),
    ...[...statuses.keys()]
      .filter((s) => !knownStates.includes(s))
      .sort()
      .map((s) => ({ key: s, label: s, count: statuses.get(s)! })),
  ];
  const yearRows: CountRow[] = [];
  if (tools.length) {
    const ys = tools.map((t) => t.firstRelease);
    const lo = Math.min(...ys);
    const hi = Math.max(...ys);
    for (let y = lo; y <= hi; y++) yearRows.push({ key: String(y), label: String(y), count: years.get(String(y)) ?? 0 });
  }
  const licenceRows = [...licences.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => ({ key: k, label: k, count: n }));

  return {
    tools: tools.length,
    dimensions: [
      {
        dimension: 'quadrant',
        exclusive: true,
        rows: byTaxonomy(
          quadrants,
          tax.quadrants.map((q) => ({ id: q.id, name: q.name, quadrant: q.id })),
        ),
      },
      { dimension: 'category', exclusive: false, rows: byTaxonomy(categories, tax.categories) },
      { dimension: 'capability', exclusive: false, rows: mostFirst(byTaxonomy(capabilities, tax.capabilities)) },
      { dimension: 'license', exclusive: true, rows: licenceRows },
      { dimension: 'status', exclusive: true, rows: statusRows },
      { dimension: 'firstRelease', exclusive: true, rows: yearRows },
    ],
  };
}

/**
 * The first `keep` rows, and the rest summed into one row labelled `other` (when there is a rest of more
 * than one row: folding a single row would hide it for nothing).
 */
export function foldTail(rows: readonly CountRow[], keep: number, other: (n: number) => string): CountRow[] {
  if (rows.length <= keep + 1) return [...rows];
  const rest = rows.slice(keep);
  return [...rows.slice(0, keep), { key: '', label: other(rest.length), count: rest.reduce((s, r) => s + r.count, 0) }];
}
