import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { analyzeStack, type StackAnalysis } from '../src/core/stack/analyze.js';
import { parseStackText } from '../src/formats/stack-file.js';
import { bundledCatalogue } from './helpers/bundled.js';

/**
 * Stacks written from public reference architectures (test/fixtures/reference-stacks, each file names
 * its source), with the gaps and level an experienced practitioner expects (expected.yaml). The analysis
 * must find at least 90% of the expected gaps over all stacks, never report a gap for a capability a
 * stack clearly has, name the same retired tools, and give the expected level.
 */
interface Expected {
  file: string;
  source: string[];
  level: number;
  gaps: string[];
  has: string[];
  retired: string[];
}

const dir = join(import.meta.dirname, 'fixtures', 'reference-stacks');
const expected = parse(readFileSync(join(dir, 'expected.yaml'), 'utf8')) as Expected[];
const cat = bundledCatalogue();

function analyse(file: string): StackAnalysis {
  const { stack, problems } = parseStackText(readFileSync(join(dir, file), 'utf8'), file, cat);
  if (!stack) throw new Error(problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`).join('\n'));
  return analyzeStack(cat, stack);
}

describe('reference stacks from public architectures', () => {
  it('has at least 12 stacks, each with a public source', () => {
    expect(expected.length).toBeGreaterThanOrEqual(12);
    for (const e of expected) expect(e.source.length, e.file).toBeGreaterThan(0);
  });

  const results = expected.map((e) => ({ e, a: analyse(e.file) }));

  it('finds at least 90% of the gaps a practitioner expects, over all stacks', () => {
    let want = 0;
    let found = 0;
    const missed: string[] = [];
    for (const { e, a } of results) {
      const got = new Set(a.gaps.map((g) => g.capability));
      for (const g of e.gaps) {
        want++;
        if (got.has(g)) found++;
        else missed.push(`${e.file}: ${g}`);
      }
    }
    console.log(`reference stacks: ${found}/${want} expected gaps found (${((100 * found) / want).toFixed(1)}%); missed: ${missed.join('; ') || 'none'}`);
    expect(found / want).toBeGreaterThanOrEqual(0.9);
  });

  it.each(expected.map((e) => [e.file, e] as const))('%s: no gap for what the stack clearly has; level and retired tools as expected', (_file, e) => {
    const a = results.find((r) => r.e === e)!.a;
    const got = a.gaps.map((g) => g.capability);
    for (const c of e.has) expect(got, `${e.file} reports ${c} as a gap`).not.toContain(c);
    expect(a.retired.map((r) => r.tool).sort()).toEqual([...e.retired].sort());
    expect(a.maturity?.level, `${e.file} level`).toBe(e.level);
  });

  it('JupyterLab + Git: level 0, with experiment tracking, serving, monitoring and CI/CD missing', () => {
    const a = analyse('jupyterlab-git.yaml');
    expect(a.maturity).toMatchObject({ level: 0, next: 1 });
    const missing = a.gaps.filter((g) => g.severity === 'missing').map((g) => g.capability);
    expect(missing).toEqual(expect.arrayContaining(['experiment-tracking', 'model-serving', 'model-monitoring', 'ci-cd']));
    // Git hosts code; it does not deploy models: the handoff to deployment is broken.
    expect(a.interlocks.find((i) => i.id === 'training-to-deployment')).toMatchObject({ health: 'broken' });
    expect(a.stages.find((s) => s.stage === 'deployment')!.status).toBe('unserved');
  });

  it('FloydHub alone: reported retired, and its coverage counts for nothing', () => {
    const a = analyse('floydhub-only.yaml');
    expect(a.retired).toEqual([expect.objectContaining({ tool: 'floydhub', state: 'discontinued' })]);
    expect(a.retired[0]!.voided.length).toBeGreaterThan(0);
    expect(a.stages.every((s) => s.status === 'unserved')).toBe(true);
    expect(a.interlocks.every((i) => i.health === 'broken')).toBe(true);
  });

  it('AWS alone: the provider entry itself covers no ML capability, and says through which services it would', () => {
    const a = analyse('aws-only.yaml');
    expect(a.notes).toEqual([expect.objectContaining({ code: 'no-own-ml-capability', tool: 'aws' })]);
    expect(a.notes[0]!.via.map((v) => v.via)).toContain('aws-sagemaker');
    expect(a.interlocks.map((i) => i.health)).not.toContain('healthy');
    const serving = a.gaps.find((g) => g.capability === 'model-serving')!;
    expect(serving.availableVia).toEqual(expect.arrayContaining([{ tool: 'aws', via: 'aws-sagemaker' }]));
  });

  it('MLflow + Airflow + Kubernetes + GitHub Actions + Grafana: model monitoring is a gap (Grafana watches infrastructure)', () => {
    const a = analyse('mlflow-airflow-k8s.yaml');
    expect(a.gaps.map((g) => g.capability)).toContain('model-monitoring');
    expect(a.stages.find((s) => s.stage === 'monitoring')!.status).not.toBe('served');
  });
});
