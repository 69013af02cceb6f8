import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildCatalogue, type Catalogue } from '../../src/core/catalogue/catalogue.js';
import { coverage, recommend, type MipSolver, type RecommendRequest } from '../../src/core/recommend/recommend.js';
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
      openSource: fc.boolean(),
      retired: fc.boolean(),
      category: fc.constantFrom('single-component-ml-tools', 'high-coverage-saas', 'common-swe-stack'),
    }),
    { minLength: 1, maxLength: 9 },
  )
  .map((specs) =>
    buildCatalogue(
      taxonomy,
      specs.map((s, i): Tool => ({
        id: `t${i}`, name: `T${i}`, aliases: [], homepage: 'https://example.org', license: s.openSource ? 'MIT' : 'proprietary', openSource: s.openSource,
        offering: ['library'], description: 'A synthetic tool for property tests.', capabilities: { primary: s.primary, secondary: [] },
        categories: [s.category], worksWith: [], competesWith: [],
        status: s.retired ? { state: 'discontinued', checked: '2026-11-27', since: '2025' } : { state: 'active', checked: '2026-11-27' }, firstRelease: 2020,
      })),
    ),
  );

/** Every subset, smallest first: the minimum size of a stack satisfying the request, or undefined. */
function bruteForceMinimum(cat: Catalogue, req: RecommendRequest): number | undefined {
  const tools = cat.tools;
  let best: number | undefined;
  for (let mask = 0; mask < 1 << tools.length; mask++) {
    const chosen = tools.filter((_, i) => mask & (1 << i));
    if (!respects(cat, req, chosen.map((t) => t.id))) continue;
    const covered = new Set(chosen.flatMap((t) => coverage(cat, t, req.needs)));
    if (req.needs.every((n) => covered.has(n)) && (best === undefined || chosen.length < best)) best = chosen.length;
  }
  return best;
}

function respects(cat: Catalogue, req: RecommendRequest, ids: string[]): boolean {
  const keep = req.keep ?? [];
  if (!keep.every((k) => ids.includes(k))) return false;
  if (req.maxTools !== undefined && ids.length > req.maxTools) return false;
  return ids.every((id) => {
    const t = cat.byId.get(id)!;
    if ((req.exclude ?? []).includes(id)) return false;
    if (keep.includes(id)) return true;
    if (isRetired(t)) return false;
    if (req.openSourceOnly && !t.openSource) return false;
    return true;
  });
}

describe('recommender: property tests against brute force', () => {
  it('covers every need with the minimum number of tools and respects every constraint; infeasible requests are explained', () => {
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
          const min = bruteForceMinimum(cat, req);
          if (min === undefined) {
            expect(r.feasible).toBe(false);
            expect(r.blocked.length).toBeGreaterThan(0);
            for (const b of r.blocked) expect(b.reason.length).toBeGreaterThan(0);
            return;
          }
          expect(r.feasible).toBe(true);
          expect(r.optimal).toBe(true);
          expect(r.tools.length).toBe(min);
          expect(respects(cat, req, r.tools)).toBe(true);
          for (const n of needs) {
            expect(r.covers[n]!.length).toBeGreaterThan(0);
            for (const id of r.covers[n]!) expect(coverage(cat, cat.byId.get(id)!, [n])).toEqual([n]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a need that only a ruled-out tool covers names the need and the blocking constraint', () => {
    const cat = bundledCatalogue();
    const serving = cat.tools.filter((t) => coverage(cat, t, ['model-serving']).length).map((t) => t.id);
    const r = recommend(cat, { needs: ['model-serving', 'notebooks'], exclude: serving }, solve);
    expect(r.feasible).toBe(false);
    expect(r.blocked).toEqual([expect.objectContaining({ need: 'model-serving', blockedBy: ['--exclude'] })]);
    const tight = recommend(cat, { needs: ['model-serving', 'notebooks', 'data-labelling', 'ci-cd'], maxTools: 1 }, solve);
    expect(tight.feasible).toBe(false);
    expect(tight.blocked[0]!.blockedBy).toEqual(['--max-tools 1']);
  });
});
