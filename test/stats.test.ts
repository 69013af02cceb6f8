import { describe, expect, it } from 'vitest';
import { catalogueStats, foldTail, type StatsTool } from '../src/core/catalogue/stats.js';
import { summarise } from '../src/core/catalogue/query.js';
import { bundledCatalogue } from './helpers/bundled.js';

const tax = {
  quadrants: [
    { id: 'q1', name: 'Quadrant one', x: 'negative', y: 'positive', description: '.' },
    { id: 'q2', name: 'Quadrant two', x: 'positive', y: 'positive', description: '.' },
  ],
  categories: [
    { id: 'c1', name: 'Cat one', quadrant: 'q1', ring: 'r', description: '.', ringReason: '.' },
    { id: 'c2', name: 'Cat two', quadrant: 'q2', ring: 'r', description: '.', ringReason: '.' },
    { id: 'c3', name: 'Cat three', quadrant: 'q2', ring: 'r', description: '.', ringReason: '.' },
  ],
  capabilities: [
    { id: 'k1', name: 'Cap one' },
    { id: 'k2', name: 'Cap two' },
    { id: 'k3', name: 'Cap three' },
  ],
} as unknown as Parameters<typeof catalogueStats>[1];

const tool = (t: Partial<StatsTool>): StatsTool => ({
  quadrant: 'q1',
  categories: ['c1'],
  coreCapabilities: ['k1'],
  license: 'MIT',
  status: 'active',
  firstRelease: 2020,
  ...t,
});

describe('catalogue stats', () => {
  const tools = [
    tool({}),
    tool({ quadrant: 'q2', categories: ['c2', 'c1', 'c2'], coreCapabilities: ['k2', 'k3'], license: 'Apache-2.0', firstRelease: 2017 }),
    tool({ quadrant: 'q2', categories: ['c2'], coreCapabilities: ['k2'], license: 'proprietary', status: 'archived' }),
    tool({ quadrant: 'zz', categories: ['unknown'], coreCapabilities: ['k2', 'odd'], license: 'MIT', status: 'maintenance', firstRelease: 2018 }),
  ];
  const stats = catalogueStats(tools, tax);
  const rows = (d: string) => stats.dimensions.find((x) => x.dimension === d)!.rows.map((r) => [r.key, r.label, r.count]);

  it('counts each dimension, taxonomy values in taxonomy order with zeros, unknown values after them under their id', () => {
    expect(stats.tools).toBe(4);
    expect(stats.dimensions.map((d) => d.dimension)).toEqual(['quadrant', 'category', 'capability', 'license', 'status', 'firstRelease']);
    expect(rows('quadrant')).toEqual([
      ['q1', 'Quadrant one', 1],
      ['q2', 'Quadrant two', 2],
      ['zz', 'zz', 1],
    ]);
    // A tool listing a category twice counts once in it; a category nobody has is still listed.
    expect(rows('category')).toEqual([
      ['c1', 'Cat one', 2],
      ['c2', 'Cat two', 2],
      ['c3', 'Cat three', 0],
      ['unknown', 'unknown', 1],
    ]);
    expect(stats.dimensions.find((d) => d.dimension === 'category')!.rows[0]!.quadrant).toBe('q1');
  });

  it('orders capabilities and licences by count, statuses by lifecycle, and fills every year between the first and the last', () => {
    expect(rows('capability')).toEqual([
      ['k2', 'Cap two', 3],
      ['k1', 'Cap one', 1],
      ['k3', 'Cap three', 1],
      ['odd', 'odd', 1],
    ]);
    expect(rows('license')).toEqual([
      ['MIT', 'MIT', 2],
      ['Apache-2.0', 'Apache-2.0', 1],
      ['proprietary', 'proprietary', 1],
    ]);
    expect(rows('status')).toEqual([
      ['active', 'active', 2],
      ['maintenance', 'maintenance', 1],
      ['archived', 'archived', 1],
    ]);
    expect(rows('firstRelease')).toEqual([
      ['2017', '2017', 1],
      ['2018', '2018', 1],
      ['2019', '2019', 0],
      ['2020', '2020', 2],
    ]);
  });

  it('an empty catalogue has no counts and no years', () => {
    const empty = catalogueStats([], tax);
    expect(empty.tools).toBe(0);
    expect(empty.dimensions.find((d) => d.dimension === 'firstRelease')!.rows).toEqual([]);
    expect(empty.dimensions.find((d) => d.dimension === 'quadrant')!.rows.map((r) => r.count)).toEqual([0, 0]);
  });

  it('on the bundled catalogue, every exclusive dimension adds up to the number of tools', () => {
    const cat = bundledCatalogue();
    const s = catalogueStats(
      cat.tools.map((t) => summarise(cat, t)),
      cat.tax.taxonomy,
    );
    expect(s.tools).toBe(cat.tools.length);
    for (const d of s.dimensions.filter((x) => x.exclusive))
      expect(
        d.rows.reduce((n, r) => n + r.count, 0),
        d.dimension,
      ).toBe(cat.tools.length);
    // Every quadrant of the taxonomy, and nothing else: placement only ever yields the taxonomy's quadrants.
    expect(s.dimensions[0]!.rows.map((r) => r.key)).toEqual(cat.tax.taxonomy.quadrants.map((q) => q.id));
  });
});

describe('foldTail', () => {
  const r = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, label: `L${i}`, count: i + 1 }));
  it('keeps the first rows and sums the rest into one', () => {
    expect(foldTail(r(5), 2, (n) => `${n} others`)).toEqual([
      { key: 'k0', label: 'L0', count: 1 },
      { key: 'k1', label: 'L1', count: 2 },
      { key: '', label: '3 others', count: 3 + 4 + 5 },
    ]);
  });
  it('does not fold a single row', () => {
    expect(foldTail(r(3), 2, () => 'x')).toEqual(r(3));
  });
});
