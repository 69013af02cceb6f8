/**
 * The recommender on a synthetic 2,500-tool catalogue: 25 needs and constraints solved to proven
 * optimality by HiGHS, against the greedy set-cover baseline in the same run.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { TaxonomySchema } from '../src/core/taxonomy/schema.js';
import { buildCatalogue } from '../src/core/catalogue/catalogue.js';
import { greedyRecommend, recommend, type RecommendRequest } from '../src/core/recommend/recommend.js';
import { highsSolver } from '../src/solver/highs.js';
import { bundledTaxonomy, bundledDataDir } from '../src/app/paths.js';
import { rng, realisticTools, syntheticTools } from './synthetic.js';
import { loadCatalogueFolder } from '../src/formats/catalogue-folder.js';

export async function benchRecommend(shape: 'realistic' | 'uniform', tools = 2500, runs = 9) {
  const taxonomy = TaxonomySchema.parse(parse(readFileSync(bundledTaxonomy, 'utf8')));
  const real = loadCatalogueFolder(bundledDataDir).tools;
  const cat = buildCatalogue(taxonomy, shape === 'realistic' ? realisticTools(tools, real, taxonomy, 7) : syntheticTools(tools, taxonomy, 7));
  const solve = await highsSolver();
  const ids = [...taxonomy.capabilities.map((c) => c.id), ...taxonomy.stages.map((s) => s.id)];
  const rows = [];
  // One untimed run first: the solver's WebAssembly and our code are then warm, as in a running server.
  recommend(cat, { needs: ids.slice(0, 25) }, solve);
  for (let run = 0; run < runs; run++) {
    const r = rng(100 + run);
    const needs = [...ids].sort(() => r() - 0.5).slice(0, 25);
    const req: RecommendRequest = {
      needs,
      openSourceOnly: true,
      exclude: cat.tools.filter(() => r() < 0.05).map((t) => t.id),
      keep: [cat.tools[Math.floor(r() * cat.tools.length)]!.id].filter((id) => cat.byId.get(id)!.openSource),
      policy: 'specialised-first',
    };
    const t0 = performance.now();
    const best = recommend(cat, req, solve);
    const ms = performance.now() - t0;
    // The best stack alone (what the target is about), without the alternative kinds of answer.
    const t2 = performance.now();
    const only = recommend(cat, { ...req, alternatives: false }, solve);
    const bestMs = performance.now() - t2;
    if (only.tools.join() !== best.tools.join()) throw new Error('the best stack differs with and without alternatives');
    const t1 = performance.now();
    const greedy = greedyRecommend(cat, req);
    const greedyMs = performance.now() - t1;
    rows.push({
      ms,
      bestMs,
      tools: best.tools.length,
      alternatives: best.alternatives.length,
      optimal: best.optimal,
      greedyTools: greedy.tools.length,
      greedyCovered: greedy.covered,
      greedyMs,
    });
  }
  return { shape, tools, needs: 25, rows };
}
