/**
 * Grid search over the placement model's few numeric parameters, scored against the seed essay's
 * figure: most tools in the figure's quadrant first, then the weaker of the two rank correlations.
 * Prints the best settings; copying them into src/core/placement/model.ts is a deliberate, reviewed step.
 *   npm run calibrate
 */
import { loadCatalogueFolder } from '../src/formats/catalogue-folder.js';
import { indexTaxonomy } from '../src/core/taxonomy/index.js';
import { place, quadrantOf } from '../src/core/placement/place.js';
import { PLACEMENT_MODEL, type PlacementModel } from '../src/core/placement/model.js';
import { spearman } from '../src/core/stats/spearman.js';
import { readSeedFigure } from '../src/formats/seed-figure.js';
import { bundledDataDir, seedFigureFile } from '../src/app/paths.js';

const loaded = loadCatalogueFolder(bundledDataDir);
if (!loaded.taxonomy) throw new Error('bundled taxonomy does not load');
const tax = indexTaxonomy(loaded.taxonomy);
const byId = new Map(loaded.tools.map((t) => [t.id, t]));
const seed = readSeedFigure(seedFigureFile).filter((s) => byId.has(s.tool));

function score(model: PlacementModel) {
  const placed = seed.map((s) => ({ s, p: place({ ...byId.get(s.tool)!, override: undefined }, tax, model) }));
  const matches = placed.filter(({ s, p }) => p.quadrant === quadrantOf(s.x, s.y)).length;
  const rx = spearman(placed.map(({ s }) => s.x), placed.map(({ p }) => p.x));
  const ry = spearman(placed.map(({ s }) => s.y), placed.map(({ p }) => p.y));
  return { matches, rx, ry, misses: placed.filter(({ s, p }) => p.quadrant !== quadrantOf(s.x, s.y)).map(({ s }) => s.tool) };
}

let best: { model: PlacementModel; r: ReturnType<typeof score> } | undefined;
for (const cloudServiceShift of [-0.3, -0.35, -0.4, -0.45, -0.5, -0.55, -0.6])
  for (const secondaryReach of [0.2, 0.25, 0.35, 0.5])
    for (const perCapability of [0, 0.1, 0.2, 0.3])
      for (const allInOneAt of [3, 3.2, 3.4, 3.6, 3.8, 4, 4.2, 4.4])
        for (const softness of [1.5, 2, 2.5, 3]) {
          const model: PlacementModel = { ...PLACEMENT_MODEL, cloudServiceShift, scope: { secondaryReach, perCapability, allInOneAt, softness } };
          const r = score(model);
          const better = !best || r.matches > best.r.matches || (r.matches === best.r.matches && Math.min(r.rx - 0.85, r.ry - 0.8) > Math.min(best.r.rx - 0.85, best.r.ry - 0.8));
          if (better) best = { model, r };
        }

const current = score(PLACEMENT_MODEL);
const fmt = (r: ReturnType<typeof score>) => `${r.matches}/${seed.length} in quadrant, Spearman x ${r.rx.toFixed(3)}, y ${r.ry.toFixed(3)}; misses: ${r.misses.join(', ') || 'none'}`;
console.log(`current: ${fmt(current)}`);
console.log(`best:    ${fmt(best!.r)}`);
console.log(JSON.stringify({ cloudServiceShift: best!.model.cloudServiceShift, scope: best!.model.scope }));
