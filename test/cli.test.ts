import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers/cli.js';
import { bundledCatalogue } from './helpers/bundled.js';

const dir = mkdtempSync(join(tmpdir(), 'mlnav-cli-'));
const db = join(dir, 'cli.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mlnav CLI', () => {
  it('tools --json lists every tool with the documented fields', async () => {
    const r = await runCli(['--db', db, 'tools', '--json']);
    expect(r.code).toBe(0);
    const tools = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(tools).toHaveLength(bundledCatalogue().tools.length);
    for (const key of ['id', 'name', 'aliases', 'categories', 'capabilities', 'quadrant', 'x', 'y', 'override', 'license', 'openSource', 'offering', 'status'])
      expect(tools[0]).toHaveProperty(key);
    expect(tools.find((t) => t.id === 'optuna')).toMatchObject({
      quadrant: 'specialized-ml-tools',
      override: null,
      capabilities: ['hyperparameter-optimisation'],
    });
  });

  it('filters combine', async () => {
    const r = await runCli(['--db', db, 'tools', '--quadrant', 'specialized-ml-tools', '--capability', 'hyperparameter-optimisation', '--oss', '--json']);
    const tools = JSON.parse(r.stdout) as Array<{ id: string; quadrant: string; openSource: boolean; capabilities: string[] }>;
    expect(tools.map((t) => t.id)).toContain('optuna');
    for (const t of tools) expect(t).toMatchObject({ quadrant: 'specialized-ml-tools', openSource: true });
    const retired = JSON.parse((await runCli(['--db', db, 'tools', '--status', 'discontinued', '--json'])).stdout) as Array<{ id: string }>;
    expect(retired.map((t) => t.id)).toContain('floydhub');
    expect((await runCli(['--db', db, 'tools', '--capability', 'telepathy'])).code).toBe(1);
  });

  it('show and explain find a tool by alias', async () => {
    const show = await runCli(['--db', db, 'show', 'wandb']);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/^Weights & Biases \(weights-and-biases\)/);
    const explain = await runCli(['--db', db, 'explain', 'Optuna']);
    expect(explain.stdout).toMatch(/Specialized ML Tools/);
    expect(explain.stdout).toMatch(/Its core feature is hyperparameter optimisation, supporting model training/);
    expect(explain.stdout).toMatch(/piecemeal tool/);
    const steps = await runCli(['--db', db, 'explain', 'Optuna', '--steps']);
    expect(steps.stdout).toMatch(/Hyperparameter optimisation \(core, weight 1\)/);
    const json = JSON.parse((await runCli(['--db', db, 'explain', 'kubeflow', '--json'])).stdout);
    expect(json).toMatchObject({ id: 'kubeflow', quadrant: 'ml-platforms' });
  });

  it('check prints the calibration figures and the reports', async () => {
    const r = await runCli(['--db', db, 'check']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/same quadrant\s+4[1-4]\/44/);
    const json = JSON.parse((await runCli(['--db', db, 'check', '--json'])).stdout);
    // The verdict follows the numbers (the seed target of 42 is not met yet: see the session note).
    const c = json.calibration;
    expect(c.meetsTargets).toBe(c.quadrantMatches >= c.targets.quadrantMatches && c.spearmanX >= c.targets.spearmanX && c.spearmanY >= c.targets.spearmanY);
    expect(r.stdout).toMatch(c.meetsTargets ? /meets the targets/ : /BELOW TARGET/);
    expect(json.retired.map((t: { id: string }) => t.id)).toContain('floydhub');
    expect(Array.isArray(json.disagreements)).toBe(true);
  });

  it('map writes SVG and PNG and rejects other extensions as usage errors', async () => {
    const svg = join(dir, 'map.svg');
    expect((await runCli(['--db', db, 'map', '--out', svg, '--highlight', 'mlflow,Kubeflow'])).code).toBe(0);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg/);
    const png = join(dir, 'map.png');
    expect((await runCli(['--db', db, 'map', '--out', png])).code).toBe(0);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    expect((await runCli(['--db', db, 'map', '--out', join(dir, 'map.gif')])).code).toBe(2);
    expect(existsSync(join(dir, 'map.gif'))).toBe(false);
  });

  it('every command has help', async () => {
    for (const cmd of ['validate', 'tools', 'show', 'explain', 'check', 'import', 'export', 'map']) {
      const r = await runCli([cmd, '--help']);
      expect(r.code, cmd).toBe(0);
      expect(r.stdout, cmd).toMatch(/Usage: mlnav/);
    }
  });
});
