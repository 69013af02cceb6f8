import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledDataDir } from '../src/app/paths.js';
import { buildCatalogue } from '../src/core/catalogue/catalogue.js';
import { factIssues } from '../src/core/catalogue/health.js';
import { bundledCatalogue } from './helpers/bundled.js';
import { runCli } from './helpers/cli.js';

/** Every fact has a source: validate refuses a tool without one, and check --stale finds the old and the contradicted. */
describe('sources and fresh facts', () => {
  const copy = () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'mlnav-sources-')), 'cat');
    cpSync(bundledDataDir, dir, { recursive: true });
    return dir;
  };

  it('every bundled tool has licence and status sources, and every core claim a source and a date', () => {
    for (const t of bundledCatalogue().tools) {
      expect(t.sources.license.url, t.id).toMatch(/^https?:\/\//);
      expect(t.sources.status.url, t.id).toMatch(/^https?:\/\//);
      for (const [c, claim] of Object.entries(t.capabilities))
        if (claim.strength === 'core') expect(claim.source && claim.checked, `${t.id} ${c}`).toBeTruthy();
    }
  });

  it('validate fails, naming file, line and field, when a tool has no sources or a core claim has no source', async () => {
    const dir = copy();
    const file = join(dir, 'tools', 'optuna.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/\nsources:\n(?:[ ].*\n)+/, '\n'));
    const r = await runCli(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/optuna\.yaml(:\d+)?: sources: required field is missing/);
    writeFileSync(file, text.replace(/hyperparameter-optimisation:[^\n]*\n(?: {4}.*\n)*/, 'hyperparameter-optimisation: { strength: core }\n'));
    const r2 = await runCli(['validate', dir]);
    expect(r2.code).toBe(1);
    expect(r2.stdout).toMatch(/optuna\.yaml:\d+: capabilities\.hyperparameter-optimisation\.source: a core capability needs source:/);
  });

  it('check --stale lists facts checked longer ago than --days, and what a repository contradicts', async () => {
    const cat = bundledCatalogue();
    // Two years on, everything is stale; with the real date nothing is.
    const later = new Date(Date.parse('2028-12-01'));
    expect(factIssues(cat, later, 365).filter((f) => f.code === 'stale').length).toBeGreaterThan(cat.tools.length);
    expect(factIssues(cat, new Date(Date.parse('2026-12-02')), 365).filter((f) => f.code === 'stale')).toEqual([]);
    // A retired tool whose repository released after it stopped, and an archived repository of a live tool.
    const floyd = cat.byId.get('floydhub')!;
    const mlflow = cat.byId.get('mlflow')!;
    const activity = { stars: 1, archived: false, license: null, pushedAt: '2026-01-01', source: 'https://api.github.com/repos/a/b', checked: '2026-12-01' };
    const odd = buildCatalogue(cat.tax.taxonomy, [
      { ...floyd, activity: { ...activity, latestRelease: { tag: 'v9', date: '2025-01-01' } } },
      { ...mlflow, activity: { ...activity, archived: true, latestRelease: { tag: 'v1', date: '2023-01-01' } } },
    ]);
    const codes = factIssues(odd, new Date(Date.parse('2026-12-01'))).map((f) => `${f.tool}:${f.code}`);
    expect(codes).toEqual(expect.arrayContaining(['floydhub:retired-yet-releasing', 'mlflow:archived-yet-active', 'mlflow:no-release-in-18-months']));
    const r = await runCli(['--db', join(mkdtempSync(join(tmpdir(), 'mlnav-stale-')), 'x.db'), 'check', '--stale', '--days', '0']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Facts to check again \(\d+; stale after 0 days\)/);
  });
});

describe('docs/CATALOGUE.md', () => {
  it("its tables are the catalogue's (run `npm run catalogue-doc` after changing the data)", async () => {
    const { catalogueTables, DOC_START, DOC_END } = await import('../src/app/catalogue-doc.js');
    const { packageRoot } = await import('../src/app/paths.js');
    const doc = readFileSync(join(packageRoot, 'docs', 'CATALOGUE.md'), 'utf8');
    const part = doc.slice(doc.indexOf(DOC_START), doc.indexOf(DOC_END) + DOC_END.length);
    expect(part).toBe(catalogueTables(bundledCatalogue()));
  });
});
