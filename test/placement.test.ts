import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { explainPlacement, place, quadrantOf } from '../src/core/placement/place.js';
import { spearman, ranks } from '../src/core/stats/spearman.js';
import { placementDisagreements } from '../src/core/catalogue/health.js';
import { buildCatalogue } from '../src/core/catalogue/catalogue.js';
import { bundledCatalogue } from './helpers/bundled.js';

const cat = bundledCatalogue();
const capIds = cat.tax.taxonomy.capabilities.map((c) => c.id);

describe('placement model', () => {
  it('maps signs to the four quadrants, clockwise from top-left', () => {
    expect(quadrantOf(-0.5, 0.5)).toBe('cloud-platforms');
    expect(quadrantOf(0.5, 0.5)).toBe('ml-platforms');
    expect(quadrantOf(0.5, -0.5)).toBe('specialized-ml-tools');
    expect(quadrantOf(-0.5, -0.5)).toBe('standard-swe-tools');
  });

  it('puts a single model-side capability bottom-right and a broad software toolset top-left', () => {
    const hpo = place({ capabilities: { primary: ['hyperparameter-optimisation'], secondary: [] }, offering: ['library'] }, cat.tax);
    expect(hpo.quadrant).toBe('specialized-ml-tools');
    const cloud = place({ capabilities: { primary: ['compute-infrastructure', 'data-storage', 'containers'], secondary: ['ci-cd'] }, offering: ['cloud-service'] }, cat.tax);
    expect(cloud.quadrant).toBe('cloud-platforms');
  });

  it('adding capabilities never narrows scope (y is monotone in what a tool does)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...capIds), { minLength: 1, maxLength: 6 }), fc.constantFrom(...capIds), (primary, extra) => {
        fc.pre(!primary.includes(extra));
        const before = place({ capabilities: { primary, secondary: [] }, offering: ['library'] }, cat.tax);
        const after = place({ capabilities: { primary, secondary: [extra] }, offering: ['library'] }, cat.tax);
        expect(after.y).toBeGreaterThanOrEqual(before.y);
        expect(Math.abs(before.x)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('an override wins, keeps the computed position beside it, and is explained', () => {
    const p = place({ capabilities: { primary: ['notebooks'], secondary: [] }, offering: ['managed'], override: { x: -0.5, y: 0.5, reason: 'for the test of overrides' } }, cat.tax);
    expect(p).toMatchObject({ x: -0.5, y: 0.5, quadrant: 'cloud-platforms', override: { reason: 'for the test of overrides' } });
    expect(p.computed.quadrant).toBe('specialized-ml-tools');
  });

  it('explains x and y with the capabilities that moved the tool', () => {
    const steps = explainPlacement(cat.byId.get('mlflow')!, cat.tax);
    expect(steps.map((s) => s.reason).join('\n')).toMatch(/Experiment tracking and metadata \(primary/);
    expect(steps.filter((s) => s.axis === 'y').length).toBeGreaterThanOrEqual(2);
  });

  it('reports tools whose categories disagree with the computed quadrant', () => {
    const optuna = cat.byId.get('optuna')!;
    const moved = { ...optuna, id: 'optuna-2', categories: ['common-swe-stack'] };
    const report = placementDisagreements(buildCatalogue(cat.tax.taxonomy, [optuna, moved]));
    expect(report).toEqual([{ tool: 'optuna-2', computed: 'specialized-ml-tools', categories: ['common-swe-stack'], categoryQuadrants: ['standard-swe-tools'] }]);
  });
});

describe('Spearman rank correlation', () => {
  it('handles ties with average ranks', () => {
    expect(ranks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
  });
  it('is 1 for any monotone transform and -1 for a reversal', () => {
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64])).toBeCloseTo(1);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1);
    expect(spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8);
  });
});
