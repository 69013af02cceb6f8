import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledDataDir } from '../src/app/paths.js';
import { bundledCatalogue } from './helpers/bundled.js';
import { runCli } from './helpers/cli.js';

/** The framework is data: no stage, capability, persona, quadrant or interlock id is written in src/. */
describe('taxonomy-driven code', () => {
  const tax = bundledCatalogue().tax.taxonomy;
  const ids = [
    ...tax.stages.map((s) => s.id),
    ...tax.capabilities.map((c) => c.id),
    ...tax.personas.map((p) => p.id),
    ...tax.quadrants.map((q) => q.id),
    ...tax.interlocks.map((i) => i.id),
  ];

  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
    });
  }

  it('no taxonomy id appears as a string in the code of src/ or web/src/', () => {
    const found: string[] = [];
    for (const file of [...files('src'), ...files('web/src')]) {
      // Comments may name ids to explain; code may not.
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:])\/\/.*$/gm, '$1');
      for (const id of ids) if (new RegExp(`['"\`]${id}['"\`]`).test(code)) found.push(`${file}: ${id}`);
    }
    expect(found).toEqual([]);
  });

  it('a taxonomy with a stage, a persona, a quadrant and an interlock renamed works everywhere', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mlnav-renamed-'));
    const dir = join(root, 'cat');
    cpSync(bundledDataDir, dir, { recursive: true });
    const rename = (text: string, from: string, to: string) => text.replace(new RegExp(`\\b${from}\\b(?!-)`, 'g'), to);
    let taxonomy = readFileSync(join(dir, 'taxonomy.yaml'), 'utf8');
    taxonomy = rename(taxonomy, 'model-training', 'fitting');
    taxonomy = rename(taxonomy, 'researcher', 'scientist');
    taxonomy = rename(taxonomy, 'specialized-ml-tools', 'point-tools');
    taxonomy = rename(taxonomy, 'training-to-deployment', 'hand-over');
    writeFileSync(join(dir, 'taxonomy.yaml'), taxonomy);
    const db = join(root, 'x.db');
    const stack = join(root, 'stack.yaml');
    writeFileSync(
      stack,
      [
        'name: Renamed',
        'teams:',
        '  - name: R',
        '    persona: scientist',
        '    tools: [jupyterlab, mlflow, pytorch]',
        '  - name: P',
        '    persona: engineer',
        '    tools: [kubernetes, kserve]',
        '',
      ].join('\n'),
    );

    expect((await runCli(['validate', dir])).code).toBe(0);
    const imported = await runCli(['--db', db, 'import', dir]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const analysis = await runCli(['--db', db, 'stack', 'analyze', stack, '--json']);
    expect(analysis.stderr).toBe('');
    expect(analysis.code).toBe(0);
    const a = JSON.parse(analysis.stdout);
    expect(a.stages.map((s: { stage: string }) => s.stage)).toContain('fitting');
    expect(a.interlocks.map((i: { id: string }) => i.id)).toContain('hand-over');
    expect(a.personas).toContain('scientist');
    const text = await runCli(['--db', db, 'stack', 'analyze', stack]);
    expect(text.code).toBe(0);
    const rec = await runCli(['--db', db, 'recommend', '--need', 'fitting,model-serving', '--json']);
    expect(rec.code).toBe(0);
    expect(JSON.parse(rec.stdout).feasible).toBe(true);
    const tools = await runCli(['--db', db, 'tools', '--quadrant', 'point-tools', '--json']);
    expect(tools.code).toBe(0);
    expect(JSON.parse(tools.stdout).length).toBeGreaterThan(10);
    expect((await runCli(['--db', db, 'map', '--out', join(root, 'map.svg')])).code).toBe(0);
    expect((await runCli(['--db', db, 'explain', 'mlflow'])).code).toBe(0);
  });
});
