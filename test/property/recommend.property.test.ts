import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildCatalogue, type Catalogue } from '../../src/core/catalogue/catalogue.js';
import { coverage, evaluateStack, recommend, type MipSolver, type RecommendRequest } from '../../src/core/recommend/recommend.js';
import { isRetired, type Tool } from '../../src/core/catalogue/tool.js';
import { highsSolver } from '../../src/solver/highs.js';
import { bundledCatalogue } from '../helpers/bundled.js';

const taxonomy = bundledCatalogue().tax.taxonomy;
const CAPS = ['experiment-tracking', 'model-serving', 'data-versioning', 'model-monitoring', 'hyperparameter-optimisation', 'feature-store'];
let solve: MipSolver;
beforeAll(async () => {
  solve = await highsSolver();
});

/** Small random catalogues: 1-9 tools over six capabilities, some closed, some retired. */
const catalogueArb = fc
  .array(
    fc.record({
      primary: fc.uniqueArray(fc.constantFrom(...CAPS), { minLength: 1, maxLength: 3 }),
      partial: fc.uniqueArray(fc.constantFrom(...CAPS), { maxLength: 2 }),
      openSource: fc.boolean(),
      retired: fc.boolean(),
      maintenance: fc.boolean(),
      firstRelease: fc.integer({ min: 2018, max: 2026 }),
      worksWith: fc.uniqueArray(fc.nat({ max: 8 }), { maxLength: 2 }),
      category: fc.constantFrom(...taxonomy.categories.map((c) => c.id)),
    }),
    { minLength: 1, maxLength: 9 },
  )
  .map((specs) =>
    buildCatalogue(
      taxonomy,
      specs.map((s, i): Tool => ({
        id: `t${i}`,
        name: `T${i}`,
        aliases: [],
        homepage: 'https://example.org',
        license: s.openSource ? 'MIT' : 'proprietary',
        openSource: s.openSource,
        offering: ['library'],
        description: 'A synthetic tool for property tests.',
        capabilities: Object.fromEntries([
          ...s.partial.filter((c) => !s.primary.includes(c)).map((c) => [c, { strength: 'partial' as const }]),
          ...s.primary.map((c) => [c, { strength: 'core' as const, source: 'https://example.org', checked: '2026-12-01' }]),
        ]),
        categories: [s.category],
        worksWith: s.worksWith.filter((j) => j !== i && j < specs.length).map((j) => `t${j}`),
        competesWith: [],
        status: s.retired
          ? { state: 'discontinued', checked: '2026-11-27', since: '2025' }
          : s.maintenance
            ? { state: 'maintenance', checked: '2026-11-27' }
            : { state: 'active', checked: '2026-11-27' },
        firstRelease: s.firstRelease,
        sources: {
          license: { url: 'https://example.org/license', checked: '2026-12-01' },
          status: { url: 'https://example.org/releases', checked: '2026-12-01' },
        },
      })),
    ),
  );

/** Every subset: the least cost of a stack satisfying the request (the balanced objective), and the fewest tools, or undefined. */
function bruteForce(cat: Catalogue, req: RecommendRequest): { cost: number; fewest: number } | undefined {
  const tools = cat.tools;
  let best: { cost: number; fewest: number } | undefined;
  for (let mask = 0; mask < 1 << tools.length; mask++) {
    const ids = tools.filter((_, i) => mask & (1 << i)).map((t) => t.id);
    if (!respects(cat, req, ids)) continue;
    const e = evaluateStack(cat, req, ids);
    if (!e.ok) continue;
    best = { cost: Math.min(best?.cost ?? Infinity, e.cost), fewest: Math.min(best?.fewest ?? Infinity, ids.length) };
  }
  return best;
}

function respects(cat: Catalogue, req: RecommendRequest, ids: string[]): boolean {
  // A retired tool is never kept: the recommender replaces it.
  const keep = (req.keep ?? []).filter((k) => !isRetired(cat.byId.get(k)!));
  if (!keep.every((k) => ids.includes(k))) return false;
  if (req.maxTools !== undefined && ids.length > req.maxTools) return false;
  return ids.every((id) => {
    const t = cat.byId.get(id)!;
    if ((req.exclude ?? []).includes(id)) return false;
    if (isRetired(t)) return false;
    if (keep.includes(id)) return true;
    if (req.openSourceOnly && !t.openSource) return false;
    return true;
  });
}

describe('recommender: property tests against brute force', () => {
  it('finds the least-cost stack of the documented trade-off, covers every need with core tools, respects every constraint; the fewest-tools alternative is the minimum count; infeasible requests are explained', () => {
    fc.assert(
      fc.property(
        catalogueArb,
        fc.uniqueArray(fc.constantFrom(...CAPS), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
        fc.nat(),
        fc.nat(),
        (cat, needs, openSourceOnly, maxTools, keepSeed, excludeSeed) => {
          const ids = cat.tools.map((t) => t.id);
          const keep = keepSeed % 3 === 0 ? [ids[keepSeed % ids.length]!] : [];
          const exclude = excludeSeed % 3 === 0 ? [ids[excludeSeed % ids.length]!].filter((id) => !keep.includes(id)) : [];
          const req: RecommendRequest = { needs, openSourceOnly, maxTools, keep, exclude };
          const r = recommend(cat, req, solve);
          const min = bruteForce(cat, req);
          if (min === undefined) {
            expect(r.feasible).toBe(false);
            expect(r.blocked.length).toBeGreaterThan(0);
            for (const b of r.blocked) expect(b.code.length).toBeGreaterThan(0);
            return;
          }
          expect(r.feasible).toBe(true);
          expect(r.optimal).toBe(true);
          expect(r.objective.cost).toBe(min.cost);
          expect(evaluateStack(cat, req, r.tools)).toEqual({ ok: true, cost: min.cost });
          expect(respects(cat, req, r.tools)).toBe(true);
          const fewest = r.alternatives.find((a) => a.kind === 'fewest-tools');
          expect(Math.min(r.tools.length, fewest?.tools.length ?? Infinity)).toBe(min.fewest);
          const fallback = new Set(r.fallback.map((f) => f.need));
          for (const n of needs) {
            expect(r.covers[n]!.length).toBeGreaterThan(0);
            // Core coverage, unless no allowed tool has the need as core (then the answer says so).
            if (!fallback.has(n))
              for (const id of r.covers[n]!.filter((id) => coverage(cat, cat.byId.get(id)!, [n]).length === 0)) expect.fail(`${id} covers ${n} only partially`);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a need that only a ruled-out tool covers names the need and the blocking constraint', () => {
    const cat = bundledCatalogue();
    const serving = cat.tools.filter((t) => t.capabilities['model-serving']).map((t) => t.id);
    const r = recommend(cat, { needs: ['model-serving', 'notebooks'], exclude: serving }, solve);
    expect(r.feasible).toBe(false);
    expect(r.blocked).toEqual([expect.objectContaining({ need: 'model-serving', code: 'ruled-out', blockedBy: ['exclude'] })]);
    const tight = recommend(cat, { needs: ['model-serving', 'notebooks', 'data-labelling', 'ci-cd'], maxTools: 1 }, solve);
    expect(tight.feasible).toBe(false);
    expect(tight.blocked[0]).toMatchObject({ code: 'max-tools', blockedBy: ['max-tools'] });
  });
});
