import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { explainPlacement, place, quadrantOf } from '../src/core/placement/place.js';
import { spearman, ranks } from '../src/core/stats/spearman.js';
import { placementDisagreements } from '../src/core/catalogue/health.js';
import { buildCatalogue } from '../src/core/catalogue/catalogue.js';
import { bundledCatalogue } from './helpers/bundled.js';
import { namesFrom, placementSummary } from '../src/wording/en.js';
import { checkTaxonomy } from '../src/core/taxonomy/index.js';

const cat = bundledCatalogue();
const core = { strength: 'core' as const, source: 'https://example.org/docs', checked: '2026-12-01' };
const partial = { strength: 'partial' as const };
const capIds = cat.tax.taxonomy.capabilities.map((c) => c.id);

describe('placement model', () => {
  it('maps signs to the four quadrants, clockwise from top-left', () => {
    expect(quadrantOf(cat.tax, -0.5, 0.5)).toBe('cloud-platforms');
    expect(quadrantOf(cat.tax, 0.5, 0.5)).toBe('ml-platforms');
    expect(quadrantOf(cat.tax, 0.5, -0.5)).toBe('specialized-ml-tools');
    expect(quadrantOf(cat.tax, -0.5, -0.5)).toBe('standard-swe-tools');
  });

  it('a tool at the centre line is not clearly shaped by models: it goes to the software side (the stated tie rule)', () => {
    expect(quadrantOf(cat.tax, 0, -0.5)).toBe('standard-swe-tools');
    expect(quadrantOf(cat.tax, 0.01, 0.5)).toBe('cloud-platforms');
    expect(quadrantOf(cat.tax, 0.05, -0.5)).toBe('specialized-ml-tools');
    const balanced = explainPlacement({ capabilities: { 'online-experimentation': core } }, cat.tax);
    expect(balanced.summary.map((r) => r.code)).toContain('tie');
  });

  it('raw compute is a substrate: it lifts scope but serves no stage', () => {
    const gpu = place({ capabilities: { 'compute-infrastructure': core } }, cat.tax);
    expect(gpu.stages).toEqual([]);
    expect(gpu.useCases).toBeGreaterThan(0);
  });

  it("only a cloud's own services are shifted towards software, not every tool a cloud hosts", () => {
    const platform = { id: 'platform', capabilities: { 'experiment-tracking': core, 'model-serving': core, 'model-registry': core } };
    const alone = place(platform, cat.tax, {});
    const asService = place(platform, cat.tax, { cloudServices: new Map([['platform', ['aws']]]) });
    expect(asService.x).toBeLessThan(alone.x);
    expect(place(platform, cat.tax, { cloudServices: new Map([['other', ['aws']]]) }).x).toBe(alone.x);
  });

  it('puts a single model-side capability bottom-right and a broad software toolset top-left', () => {
    const hpo = place({ capabilities: { 'hyperparameter-optimisation': core } }, cat.tax);
    expect(hpo.quadrant).toBe('specialized-ml-tools');
    const cloud = place(
      {
        capabilities: {
          'compute-infrastructure': core,
          'data-storage': core,
          containers: core,
          'ci-cd': partial,
          'model-serving': { strength: 'via', via: 'x' },
          'ml-pipelines': { strength: 'via', via: 'x' },
        },
      },
      cat.tax,
    );
    expect(cloud.quadrant).toBe('cloud-platforms');
  });

  it('adding capabilities never narrows scope (y is monotone in what a tool does)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...capIds), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...capIds),
        fc.constantFrom('core', 'partial', 'via'),
        (ids, extra, strength) => {
          fc.pre(!ids.includes(extra));
          const claims = Object.fromEntries(ids.map((c) => [c, core]));
          const before = place({ capabilities: claims }, cat.tax);
          const after = place({ capabilities: { ...claims, [extra]: strength === 'via' ? { strength, via: 'x' } : { strength } } }, cat.tax);
          expect(after.y).toBeGreaterThanOrEqual(before.y);
          expect(Math.abs(before.x)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('capabilities of one use-case count as one job: tracking, registry and sweeps are experiment management, not three use-cases', () => {
    const related = { 'experiment-tracking': core, 'model-registry': core, 'hyperparameter-optimisation': core };
    const apart = { 'experiment-tracking': core, 'model-serving': core, 'feature-store': core };
    const one = place({ capabilities: related }, cat.tax);
    const three = place({ capabilities: apart }, cat.tax);
    expect(one.useCases).toBeLessThan(three.useCases);
    expect(one.computed.quadrant).toBe('specialized-ml-tools'); // an experiment tracker with a registry is still a specialised tool
    // the order the claims are written in does not matter
    const reversed = place({ capabilities: Object.fromEntries(Object.entries(related).reverse()) }, cat.tax);
    expect(reversed.useCases).toBe(one.useCases);
    // and the reason says so, in practitioner terms
    const { summary, steps } = explainPlacement({ capabilities: related }, cat.tax);
    const names = namesFrom(cat.tax.taxonomy, () => undefined);
    expect(placementSummary(summary, names).join(' ')).toMatch(/are one job, experiment management/);
    expect(steps.find((s) => s.code === 'y.capabilities')).toMatchObject({ jobs: [{ useCase: 'experiment-management' }] });
  });

  it('a capability belongs to one use-case: the taxonomy check names the second', () => {
    const t = cat.tax.taxonomy;
    const twice = { ...t, useCases: [...t.useCases, { id: 'again', name: 'Again', description: 'x', capabilities: t.useCases[0]!.capabilities }] };
    expect(checkTaxonomy(twice).map((p) => p.field)).toContain(`useCases[${t.useCases.length}].capabilities[0]`);
  });

  it('an override wins, keeps the computed position beside it, and is explained', () => {
    const p = place({ capabilities: { notebooks: core }, override: { x: -0.5, y: 0.5, reason: 'for the test of overrides' } }, cat.tax);
    expect(p).toMatchObject({ x: -0.5, y: 0.5, quadrant: 'cloud-platforms', override: { reason: 'for the test of overrides' } });
    expect(p.computed.quadrant).toBe('specialized-ml-tools');
  });

  it('explains a placement in practitioner terms (the stages served as core features), with the arithmetic behind it', () => {
    const { summary, steps } = explainPlacement(cat.byId.get('mlflow')!, cat.tax, cat.context);
    const scope = summary.find((r) => r.code === 'scope');
    expect(scope).toMatchObject({ code: 'scope' });
    expect(scope && 'coreStages' in scope && scope.coreStages).toEqual(expect.arrayContaining(['model-evaluation']));
    const names = namesFrom(cat.tax.taxonomy, (id) => cat.byId.get(id)?.name);
    expect(placementSummary(summary, names).join(' ')).toMatch(/core features are .*experiment tracking.*, serving .*model evaluation/);
    expect(steps.some((s) => s.code === 'x.claim' && s.capability === 'experiment-tracking')).toBe(true);
    expect(steps.filter((s) => s.code.startsWith('y.')).length).toBeGreaterThanOrEqual(2);
  });

  it('reports tools whose categories disagree with the computed quadrant', () => {
    const optuna = cat.byId.get('optuna')!;
    const moved = { ...optuna, id: 'optuna-2', categories: ['common-swe-stack'] };
    const report = placementDisagreements(buildCatalogue(cat.tax.taxonomy, [optuna, moved]));
    expect(report).toEqual([
      { tool: 'optuna-2', computed: 'specialized-ml-tools', categories: ['common-swe-stack'], categoryQuadrants: ['standard-swe-tools'] },
    ]);
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
