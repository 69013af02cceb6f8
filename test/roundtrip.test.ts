import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledDataDir } from '../src/app/paths.js';
import { loadCatalogueFolder } from '../src/formats/catalogue-folder.js';
import { bundledCatalogue } from './helpers/bundled.js';
import { runCli } from './helpers/cli.js';

describe('import and export', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mlnav-rt-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('export then import then export is lossless', async () => {
    const db1 = join(dir, 'one.db');
    const db2 = join(dir, 'two.db');
    expect((await runCli(['--db', db1, 'export', join(dir, 'out1')])).code).toBe(0);
    const imported = await runCli(['--db', db2, 'import', join(dir, 'out1')]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(new RegExp(`imported ${bundledCatalogue().tools.length} tool`));
    expect((await runCli(['--db', db2, 'export', join(dir, 'out2')])).code).toBe(0);

    const a = loadCatalogueFolder(join(dir, 'out1'));
    const b = loadCatalogueFolder(join(dir, 'out2'));
    expect(a.problems).toEqual([]);
    const byId = <T extends { id: string }>(list: T[]) => [...list].sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(b.tools).toEqual(a.tools);
    expect(b.taxonomy).toEqual(a.taxonomy);
    expect(byId(a.tools)).toEqual(bundledCatalogue().tools);
    // Byte for byte, too: export is deterministic.
    for (const f of readdirSync(join(dir, 'out1', 'tools')))
      expect(readFileSync(join(dir, 'out2', 'tools', f), 'utf8')).toBe(readFileSync(join(dir, 'out1', 'tools', f), 'utf8'));
  });

  it('the exported files carry the schema reference for editors', async () => {
    await runCli(['--db', join(dir, 'x.db'), 'export', join(dir, 'out')]);
    const text = readFileSync(join(dir, 'out', 'tools', 'mlflow.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/tool.schema.json');
    expect(readFileSync(join(bundledDataDir, 'tools', 'mlflow.yaml'), 'utf8').split('\n')[0]).toBe(text.split('\n')[0]);
  });
});
