import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalogueFolder, loadCatalogueFolderParallel, toolToYaml } from '../src/formats/catalogue-folder.js';
import { bundledTaxonomy } from '../src/app/paths.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { bundledCatalogue } from './helpers/bundled.js';
import { runCli } from './helpers/cli.js';

/** A catalogue folder with four kinds of mistake, one per file, next to a good file. */
function brokenFolder(root: string): string {
  const dir = join(root, 'broken');
  mkdirSync(join(dir, 'tools'), { recursive: true });
  // Drop references to tools that are not in this small folder, so each file has exactly its own mistake.
  const good = { ...bundledCatalogue().byId.get('optuna')!, worksWith: [], competesWith: [] };
  writeFileSync(join(dir, 'tools', 'optuna.yaml'), toolToYaml(good));
  // 1. YAML that does not parse (an unclosed flow sequence on line 4).
  writeFileSync(join(dir, 'tools', 'broken-yaml.yaml'), 'id: broken-yaml\nname: Broken\naliases: []\ncategories: [single-component-ml-tools\n');
  // 2. An unknown capability on a known line.
  writeFileSync(
    join(dir, 'tools', 'mystery.yaml'),
    toolToYaml({ ...good, id: 'mystery', name: 'Mystery', capabilities: { telepathy: { strength: 'partial' } } }),
  );
  // 3. A duplicate id: optuna.yml next to optuna.yaml.
  writeFileSync(join(dir, 'tools', 'optuna.yml'), toolToYaml(good));
  // 4. A missing required field (no licence).
  const { license: _dropped, ...noLicense } = { ...good, id: 'no-license', name: 'No licence' };
  writeFileSync(join(dir, 'tools', 'no-license.yaml'), toolToYaml(noLicense as typeof good));
  return dir;
}

describe('bad input is reported in full, with file and line, and loses nothing', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'mlnav-bad-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('the folder loader reports every problem at once', () => {
    const { problems } = loadCatalogueFolder(brokenFolder(root), { fallbackTaxonomy: bundledTaxonomy, relativeTo: root });
    const errors = problems.filter((p) => p.severity === 'error');
    const find = (file: string) => errors.filter((p) => p.file === join('broken', 'tools', file));
    expect(errors).toHaveLength(4);
    expect(find('broken-yaml.yaml')[0]).toMatchObject({ line: expect.any(Number), message: expect.stringMatching(/YAML syntax error/) });
    expect(find('mystery.yaml')).toEqual([
      expect.objectContaining({ field: 'capabilities.telepathy', line: expect.any(Number), message: 'unknown capability "telepathy"' }),
    ]);
    expect(find('optuna.yml')).toEqual([
      expect.objectContaining({ field: 'id', message: `duplicate id "optuna" (also in ${join('broken', 'tools', 'optuna.yaml')})`, line: 2 }),
    ]);
    expect(find('no-license.yaml')).toEqual([expect.objectContaining({ field: 'license', message: expect.stringMatching(/required/) })]);
    expect(find('optuna.yaml')).toEqual([]);
  });

  it('the worker-thread loader used for large folders finds exactly the same problems', async () => {
    const dir = brokenFolder(root);
    const sync = loadCatalogueFolder(dir, { fallbackTaxonomy: bundledTaxonomy, relativeTo: root });
    const parallel = await loadCatalogueFolderParallel(dir, { fallbackTaxonomy: bundledTaxonomy, relativeTo: root, minFilesForWorker: 0 });
    expect(parallel).toEqual(sync);
  });

  it('the unknown capability points at its own line', () => {
    const { problems } = loadCatalogueFolder(brokenFolder(root), { fallbackTaxonomy: bundledTaxonomy, relativeTo: root });
    const p = problems.find((p) => p.message.includes('telepathy'))!;
    const text = toolToYaml({
      ...bundledCatalogue().byId.get('optuna')!,
      worksWith: [],
      competesWith: [],
      id: 'mystery',
      name: 'Mystery',
      capabilities: { telepathy: { strength: 'partial' } },
    });
    expect(text.split('\n')[p.line! - 1]).toContain('telepathy');
  });

  it('`mlnav validate` prints every problem with file:line and exits 1', async () => {
    const r = await runCli(['validate', brokenFolder(root)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/broken-yaml\.yaml:\d+: YAML syntax error/);
    expect(r.stdout).toMatch(/mystery\.yaml:\d+: capabilities\.telepathy: unknown capability "telepathy"/);
    expect(r.stdout).toMatch(/optuna\.yml:2: id: duplicate id "optuna"/);
    expect(r.stdout).toMatch(/no-license\.yaml:\d+: license: required field is missing/);
  });

  it('`mlnav import` refuses the folder, exits 1 and leaves the store as it was', async () => {
    const db = join(root, 'store.db');
    const before = await runCli(['--db', db, 'tools', '--json']);
    expect(before.code).toBe(0);
    const count = (JSON.parse(before.stdout) as unknown[]).length;

    const r = await runCli(['--db', db, 'import', brokenFolder(root)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/mystery\.yaml:\d+: capabilities\.telepathy: unknown capability/);
    expect(r.stderr).toMatch(/nothing was imported/);

    const store = await SqliteStore.open(db);
    const info = await store.info();
    await store.close();
    expect(info).toMatchObject({ tools: count, source: 'bundled' });
  });

  it('a missing folder and usage mistakes get exit codes 1 and 2', async () => {
    expect((await runCli(['--db', join(root, 'x.db'), 'import', join(root, 'nope')])).code).toBe(1);
    expect((await runCli(['--db', join(root, 'x.db'), 'tools', '--quadrant', 'nowhere'])).code).toBe(1); // quadrants are the taxonomy's: an unknown one is bad input, named with the known ones
    expect((await runCli(['no-such-command'])).code).toBe(2);
    expect((await runCli(['--db', join(root, 'x.db'), 'show', 'not-a-tool'])).code).toBe(1);
  });
});

describe('tool files mlnav writes', () => {
  it('never use YAML anchors and aliases, even when claims share one object (readable, and read by the fast parser)', () => {
    const claim = { strength: 'core' as const, source: 'https://example.org/docs', checked: '2026-12-01' };
    const t = bundledCatalogue().byId.get('optuna')!;
    const text = toolToYaml({ ...t, capabilities: { 'hyperparameter-optimisation': claim, 'experiment-tracking': claim } });
    expect(text).not.toMatch(/(^|\s)[&*]a\d/m);
    expect(text.match(/source: https:\/\/example\.org\/docs/g)).toHaveLength(2);
  });
});
