import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readSeedFigure } from '../src/formats/seed-figure.js';
import { seedFigureFile } from '../src/app/paths.js';
import { placementDisagreements } from '../src/core/catalogue/health.js';
import { bundledCatalogue } from './helpers/bundled.js';

/**
 * An expert-judged set of tools outside the essay's figure (test/fixtures/expert-placement.yaml): the
 * quadrant a practitioner gives each under the essay's definitions, a reason and a public source,
 * judged without looking at the computed placement. The model must agree on at least 90% of them.
 */
interface Judgement {
  tool: string;
  quadrant: string;
  reason: string;
  source: string;
}

const cat = bundledCatalogue();
const set = parse(readFileSync(join(import.meta.dirname, 'fixtures', 'expert-placement.yaml'), 'utf8')) as Judgement[];

describe('placement agrees with experts outside the seed figure', () => {
  it('the set has at least 40 catalogue tools outside the figure, each with a reason and a source', () => {
    const seed = new Set(readSeedFigure(seedFigureFile).map((s) => s.tool));
    expect(set.length).toBeGreaterThanOrEqual(40);
    for (const j of set) {
      expect(cat.byId.has(j.tool), j.tool).toBe(true);
      expect(seed.has(j.tool), `${j.tool} is in the seed figure`).toBe(false);
      expect(cat.tax.quadrantName.has(j.quadrant), j.quadrant).toBe(true);
      expect(j.reason.length, j.tool).toBeGreaterThan(10);
      expect(j.source, j.tool).toMatch(/^https?:\/\//);
    }
  });

  it('at least 90% land in the quadrant the expert gives', () => {
    const misses = set.filter((j) => cat.placement.get(j.tool)!.computed.quadrant !== j.quadrant);
    const agree = set.length - misses.length;
    console.log(
      `expert placement: ${agree}/${set.length} agree (${((100 * agree) / set.length).toFixed(1)}%); misses: ${misses.map((m) => `${m.tool} (expert ${m.quadrant}, computed ${cat.placement.get(m.tool)!.computed.quadrant})`).join('; ') || 'none'}`,
    );
    expect(agree / set.length).toBeGreaterThanOrEqual(0.9);
  });

  // The issue's target: at most 5% of the catalogue. What remains are tools whose category and features
  // pull apart (managed Metaflow and Flyte rent compute, Spark and Dask carry ML features, GPU clouds that
  // fine-tune and serve): check lists them for a second look.
  it("mlnav check's category/placement disagreements stay at or under 5% of the catalogue", () => {
    const d = placementDisagreements(cat);
    console.log(
      `category/placement disagreements: ${d.length}/${cat.tools.length} (${((100 * d.length) / cat.tools.length).toFixed(1)}%): ${d.map((x) => `${x.tool} (${x.computed})`).join(', ')}`,
    );
    expect(d.length / cat.tools.length).toBeLessThanOrEqual(0.05);
  });
});
