import { describe, expect, it } from 'vitest';
import { loadCatalogueFolder, loadCatalogueFolderParallel } from '../src/formats/catalogue-folder.js';
import { bundledDataDir, seedFigureFile } from '../src/app/paths.js';
import { readSeedFigure } from '../src/formats/seed-figure.js';
import { isRetired } from '../src/core/catalogue/tool.js';
import { explainPlacement } from '../src/core/placement/place.js';
import { bundledCatalogue } from './helpers/bundled.js';

describe('the bundled catalogue', () => {
  const loaded = loadCatalogueFolder(bundledDataDir);
  const cat = bundledCatalogue();

  it('validates without a single problem', () => {
    expect(loaded.problems).toEqual([]);
    expect(loaded.files).toBe(loaded.tools.length);
  });

  it('loads the same through the worker-thread path', async () => {
    const parallel = await loadCatalogueFolderParallel(bundledDataDir, { minFilesForWorker: 0 });
    expect(parallel.tools).toEqual(loaded.tools);
    expect(parallel.problems).toEqual([]);
  });

  it('holds the framework: 4 quadrants, 13 categories, 8 stages in two loops, 3 personas, 20+ capabilities, a maturity model', () => {
    const t = cat.tax.taxonomy;
    expect(t.quadrants.map((q) => q.id).sort()).toEqual(['cloud-platforms', 'ml-platforms', 'specialized-ml-tools', 'standard-swe-tools']);
    expect(t.categories).toHaveLength(13);
    expect(t.stages).toHaveLength(8);
    expect(t.loops.map((l) => l.cycle.length)).toEqual([4, 6]);
    expect(t.interlocks.map((i) => i.stage).sort()).toEqual(['data-acquisition', 'model-training']);
    expect(t.personas.map((p) => p.id)).toEqual(['researcher', 'engineer', 'ml-engineer']);
    expect(t.maturityModels.map((m) => m.levels.length)).toEqual([3]);
    // Every stage is served by some capability, and raw compute serves none (a substrate).
    for (const s of t.stages) expect(s.capabilities.essential.length, s.id).toBeGreaterThan(0);
    expect(t.capabilities.find((c) => c.id === 'compute-infrastructure')!.stages).toEqual([]);
    expect(t.capabilities.length).toBeGreaterThanOrEqual(20);
    const rings = Object.fromEntries(t.categories.map((c) => [c.id, c.ring]));
    expect(rings['common-swe-stack']).toBe('adopt');
    expect(rings['high-coverage-saas']).toBe('assess');
    expect(rings['data-version-control']).toBe('trial');
  });

  it('has 200+ tools, every seed tool, and every category and capability in use', () => {
    expect(cat.tools.length).toBeGreaterThanOrEqual(200);
    for (const s of readSeedFigure(seedFigureFile)) expect(cat.byId.has(s.tool), s.tool).toBe(true);
    const usedCategories = new Set(cat.tools.flatMap((t) => t.categories));
    const usedCapabilities = new Set(cat.tools.flatMap((t) => Object.keys(t.capabilities)));
    for (const c of cat.tax.taxonomy.categories) expect(usedCategories.has(c.id), c.id).toBe(true);
    for (const c of cat.tax.taxonomy.capabilities) expect(usedCapabilities.has(c.id), c.id).toBe(true);
  });

  it('keeps retired seed tools with their status', () => {
    expect(cat.byId.get('floydhub')!.status.state).toBe('discontinued');
    expect(cat.byId.get('algorithmia')!.status.acquired?.by).toBe('DataRobot');
    expect(isRetired(cat.byId.get('floydhub')!)).toBe(true);
    expect(isRetired(cat.byId.get('mlflow')!)).toBe(false);
  });

  it('places every tool inside the square and explains it', () => {
    for (const [id, p] of cat.placement) {
      expect(Math.abs(p.x), id).toBeLessThanOrEqual(1);
      expect(Math.abs(p.y), id).toBeLessThanOrEqual(1);
      const { summary, steps } = explainPlacement(cat.byId.get(id)!, cat.tax, cat.context);
      expect(steps.some((s) => s.code.startsWith('x.')) && steps.some((s) => s.code.startsWith('y.')), id).toBe(true);
      expect(
        summary.map((r) => r.code),
        id,
      ).toEqual(expect.arrayContaining(['scope', 'artifact']));
    }
  });
});
