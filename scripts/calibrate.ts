/**
 * Grid search over the placement model's numeric parameters, scored against the seed essay's figure
 * (most tools in the figure's quadrant first, then the weaker of the two rank correlations) and
 * against the expert-judged set of tools outside the figure (test/fixtures/expert-placement.yaml).
 * Prints the best settings; copying them into src/core/placement/model.ts is a deliberate, reviewed step.
 *   npm run calibrate
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadCatalogueFolder } from '../src/formats/catalogue-folder.js';
import { buildCatalogue } from '../src/core/catalogue/catalogue.js';
import { place, quadrantOf } from '../src/core/placement/place.js';
import { PLACEMENT_MODEL, type PlacementModel } from '../src/core/placement/model.js';
import { spearman } from '../src/core/stats/spearman.js';
import { readSeedFigure } from '../src/formats/seed-figure.js';
import { bundledDataDir, seedFigureFile } from '../src/app/paths.js';

const loaded = loadCatalogueFolder(bundledDataDir);
if (!loaded.taxonomy) throw new Error('bundled taxonomy does not load');
const taxonomy = loaded.taxonomy;
let cat = buildCatalogue(taxonomy, loaded.tools);
let tax = cat.tax;
/** The same catalogue with substrate capabilities (raw compute) pulling x with another weight. */
const withSubstratePull = (pull: number) =>
  buildCatalogue({ ...taxonomy, capabilities: taxonomy.capabilities.map((c) => (c.substrate ? { ...c, pull } : c)) }, loaded.tools);
const substratePull = taxonomy.capabilities.find((c) => c.substrate)?.pull ?? 1;
const seed = readSeedFigure(seedFigureFile).filter((s) => cat.byId.has(s.tool));
const expert = (parse(readFileSync('test/fixtures/expert-placement.yaml', 'utf8')) as Array<{ tool: string; quadrant: string }>).filter((e) =>
  cat.byId.has(e.tool),
);

function score(model: PlacementModel) {
  const at = (id: string) => place({ ...cat.byId.get(id)!, override: undefined }, tax, cat.context, model);
  const placed = seed.map((s) => ({ s, p: at(s.tool) }));
  const matches = placed.filter(({ s, p }) => p.quadrant === quadrantOf(tax, s.x, s.y, model)).length;
  const rx = spearman(
    placed.map(({ s }) => s.x),
    placed.map(({ p }) => p.x),
  );
  const ry = spearman(
    placed.map(({ s }) => s.y),
    placed.map(({ p }) => p.y),
  );
  const expertMisses = expert.filter((e) => at(e.tool).quadrant !== e.quadrant).map((e) => e.tool);
  const disagreements = cat.tools.filter((t) => {
    const qs = t.categories.map((c) => tax.category.get(c)?.quadrant).filter((q) => !!q);
    return qs.length > 0 && !qs.includes(at(t.id).quadrant);
  }).length;
  return {
    disagreements,
    matches,
    rx,
    ry,
    expert: expert.length - expertMisses.length,
    expertMisses,
    misses: placed.filter(({ s, p }) => p.quadrant !== quadrantOf(tax, s.x, s.y, model)).map(({ s }) => s.tool),
  };
}
type Score = ReturnType<typeof score>;
/** Seed quadrant matches and expert agreement count alike, four category disagreements as one; the correlations break ties. */
const value = (r: Score) => r.matches + r.expert - r.disagreements / 4 + Math.min(r.rx - 0.9, r.ry - 0.85);

let best: { model: PlacementModel; pull: number; r: Score } | undefined;
// The scope parameters and the weight of partial claims on x move; the rest of x stays.
for (const pull of [substratePull]) {
  cat = withSubstratePull(pull);
  tax = cat.tax;
  for (const xpartial of [0, 0.15, 0.3, 0.5])
    for (const spartial of [0.2, 0.35])
      for (const related of [0.2, 0.35, 0.5, 1])
        for (const stages of [0, 0.15, 0.3])
          for (const substrate of [3, 3.5])
            for (const allInOneAt of [2.8, 2.9, 3, 3.2, 3.4])
              for (const softness of [1, 2]) {
                const model: PlacementModel = {
                  ...PLACEMENT_MODEL,
                  weight: { core: 1, partial: xpartial },
                  scope: { ...PLACEMENT_MODEL.scope, partial: spartial, related, stages, substrate, allInOneAt, softness },
                };
                const r = score(model);
                if (!best || value(r) > value(best.r)) best = { model, pull, r };
              }
}
cat = withSubstratePull(substratePull);
tax = cat.tax;

const current = score(PLACEMENT_MODEL);
const fmt = (r: Score) =>
  `seed ${r.matches}/${seed.length} in quadrant, Spearman x ${r.rx.toFixed(3)}, y ${r.ry.toFixed(3)}; misses: ${r.misses.join(', ') || 'none'}\n         expert ${r.expert}/${expert.length}; misses: ${r.expertMisses.join(', ') || 'none'}\n         category/placement disagreements ${r.disagreements}/${cat.tools.length}`;
console.log(`current: ${fmt(current)}`);
console.log(`best:    ${fmt(best!.r)}`);
console.log(
  JSON.stringify({
    substratePull: best!.pull,
    tie: best!.model.tie,
    weight: best!.model.weight,
    cloudServiceShift: best!.model.cloudServiceShift,
    scope: best!.model.scope,
  }),
);
