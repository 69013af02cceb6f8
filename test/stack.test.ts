import { describe, expect, it } from 'vitest';
import { analyzeStack, OPPOSITE_ENDS } from '../src/core/stack/analyze.js';
import { parseStackText } from '../src/formats/stack-file.js';
import { StackSchema } from '../src/core/stack/schema.js';
import { bundledCatalogue } from './helpers/bundled.js';
import { runCli } from './helpers/cli.js';

const cat = bundledCatalogue();
const stack = (s: unknown) => StackSchema.parse(s);

describe('stack analysis on hand-made stacks', () => {
  it('finds overlaps: two experiment trackers are duplicated spend', () => {
    const a = analyzeStack(cat, stack({ name: 'o', teams: [{ name: 'R', persona: 'researcher', tools: ['mlflow', 'weights-and-biases', 'optuna'] }] }));
    expect(a.overlaps).toEqual(
      expect.arrayContaining([expect.objectContaining({ capability: 'experiment-tracking', tools: ['mlflow', 'weights-and-biases'] })]),
    );
  });

  it('finds gaps at capability level, for the lifecycle and the next level, with part 3 build-vs-buy advice', () => {
    const a = analyzeStack(
      cat,
      stack({ name: 'g', teams: [{ name: 'R', persona: 'researcher', tools: ['optuna'] }], needs: ['model-monitoring', 'workflow-orchestration'] }),
    );
    const gap = (c: string) => a.gaps.find((g) => g.capability === c);
    // Optuna tunes hyperparameters: that helps training but trains nothing, so even training is unserved.
    expect(a.stages.find((s) => s.stage === 'model-training')).toMatchObject({
      status: 'unserved',
      tools: [],
      support: [expect.objectContaining({ tool: 'optuna', role: 'helpful' })],
    });
    for (const c of ['model-serving', 'ci-cd', 'model-monitoring', 'experiment-tracking', 'data-validation', 'model-registry']) expect(gap(c), c).toBeDefined();
    expect(gap('model-monitoring')!.because.map((b) => b.code)).toEqual(expect.arrayContaining(['stage', 'level', 'need']));
    expect(gap('model-monitoring')!.advice.code).toBe('buy-specialised');
    expect(gap('workflow-orchestration')!.advice.code).toBe('build-integrator');
    expect(a.maturity).toMatchObject({ model: 'google-mlops', level: 0, next: 1, target: 1 });
    expect(a.interlocks.map((i) => i.health)).toEqual(['broken', 'broken']);
  });

  it('flags retired tools in use and suggests replacements', () => {
    const a = analyzeStack(cat, stack({ name: 'r', teams: [{ name: 'R', persona: 'researcher', tools: ['floydhub', 'neptune', 'mlflow'] }] }));
    const retired = a.retired.map((r) => r.tool).sort();
    expect(retired).toContain('floydhub');
    expect(retired).not.toContain('mlflow');
    expect(a.retired.find((r) => r.tool === 'floydhub')!.replacements.length).toBeGreaterThan(0);
    // A retired tool's capabilities count for nothing.
    expect(a.stages.flatMap((s) => s.tools)).not.toContain('floydhub');
  });

  it('measures how far apart researchers and engineers stand: opposite ends, or together', () => {
    const apart = analyzeStack(
      cat,
      stack({
        name: 'a',
        teams: [
          { name: 'Research', persona: 'researcher', tools: ['optuna', 'deepnote', 'katib'] },
          { name: 'Platform', persona: 'engineer', tools: ['git', 'docker', 'kubernetes'] },
        ],
      }),
    );
    expect(apart.personaDistance!).toBeGreaterThan(OPPOSITE_ENDS);
    expect(apart.oppositeEnds).toBe(true);
    expect(apart.footprints[0]!.hull.length).toBeGreaterThanOrEqual(2);
    const together = analyzeStack(
      cat,
      stack({
        name: 't',
        teams: [
          { name: 'Research', persona: 'researcher', tools: ['mlflow', 'kedro'] },
          { name: 'Platform', persona: 'engineer', tools: ['mlflow', 'metaflow'] },
        ],
      }),
    );
    expect(together.oppositeEnds).toBe(false);
  });

  it('places in-house tools by their declared capabilities and counts them in coverage', () => {
    const a = analyzeStack(
      cat,
      stack({
        name: 'i',
        teams: [{ name: 'P', persona: 'engineer', tools: ['our-registry'] }],
        inHouse: [{ id: 'our-registry', name: 'Our registry', capabilities: ['model-registry'] }],
      }),
    );
    expect(a.tools[0]).toMatchObject({ id: 'our-registry', inHouse: true, quadrant: 'specialized-ml-tools' });
    expect(a.stages.find((s) => s.stage === 'deployment')!.support).toEqual([
      expect.objectContaining({ tool: 'our-registry', capability: 'model-registry', strength: 'core' }),
    ]);
    expect(a.gaps.map((g) => g.capability)).not.toContain('model-registry');
  });
});

describe('bad stack files', () => {
  const text = [
    'name: Broken',
    'teams:',
    '  - name: Research',
    '    persona: wizard',
    '    tools: [mlflow]',
    '  - name: Platform',
    '    persona: engineer',
    '    tools: [kubernetes, no-such-tool]',
    '',
  ].join('\n');

  it('an unknown persona is reported on its line, with the other problems of the file', () => {
    const { stack: s, problems } = parseStackText(text, 'broken.yaml', cat);
    expect(s).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({ file: 'broken.yaml', line: 4, field: 'teams[0].persona', message: expect.stringContaining('unknown persona "wizard"') }),
      expect.objectContaining({ line: 8, field: 'teams[1].tools[1]' }),
    ]);
  });

  it('an unknown tool is reported on its line', () => {
    const { problems } = parseStackText(text.replace('wizard', 'researcher'), 'broken.yaml', cat);
    expect(problems).toEqual([
      expect.objectContaining({ line: 8, field: 'teams[1].tools[1]', message: expect.stringContaining('unknown tool "no-such-tool"') }),
    ]);
  });

  it('the CLI exits 1 naming the file and line', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'mlnav-stack-'));
    writeFileSync(join(dir, 'broken.yaml'), text);
    const r = await runCli(['--db', join(dir, 'x.db'), 'stack', 'analyze', join(dir, 'broken.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.yaml:4: teams\[0\]\.persona:/);
  });
});

describe('mlnav stack and recommend', () => {
  it('stack analyze --json has stages, gaps, overlaps, retired', async () => {
    const r = await runCli(['--db', '/tmp/mlnav-stack-cli.db', 'stack', 'analyze', 'examples/acme-stack.yaml', '--json']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    for (const k of ['stages', 'gaps', 'maturity', 'overlaps', 'retired', 'interlocks', 'footprints', 'unintegrated']) expect(a).toHaveProperty(k);
    expect(a.oppositeEnds).toBe(true);
  });

  it('recommend --json gives tools, covers and optimal; an infeasible request exits 1 naming the need', async () => {
    const ok = await runCli(['--db', '/tmp/mlnav-stack-cli.db', 'recommend', '--need', 'experiment-tracking,model-serving,data-versioning', '--oss', '--json']);
    expect(ok.code).toBe(0);
    const r = JSON.parse(ok.stdout);
    expect(r.optimal).toBe(true);
    expect(Object.keys(r.covers).sort()).toEqual(['data-versioning', 'experiment-tracking', 'model-serving']);
    for (const id of r.tools) expect(cat.byId.get(id)!.openSource).toBe(true);
    const bad = await runCli([
      '--db',
      '/tmp/mlnav-stack-cli.db',
      'recommend',
      '--need',
      'model-serving',
      '--exclude',
      cat.tools
        .filter((t) => t.capabilities['model-serving'])
        .map((t) => t.id)
        .join(','),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/cannot cover Model serving: .*ruled out by --exclude/);
  });

  it('stack map draws the footprint', async () => {
    const r = await runCli(['--db', '/tmp/mlnav-stack-cli.db', 'stack', 'map', 'examples/acme-stack.yaml', '--out', '/tmp/mlnav-stack-map.svg']);
    expect(r.code).toBe(0);
    const { readFileSync } = await import('node:fs');
    const svg = readFileSync('/tmp/mlnav-stack-map.svg', 'utf8');
    expect(svg).toContain('Research (researcher)'.replace('researcher', cat.tax.persona.get('researcher')!.name));
    expect(svg).toContain('<polygon');
  });
});
