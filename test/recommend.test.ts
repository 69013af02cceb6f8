import { beforeAll, describe, expect, it } from 'vitest';
import { recommend, type MipSolver } from '../src/core/recommend/recommend.js';
import { isRetired } from '../src/core/catalogue/tool.js';
import { analyzeStack } from '../src/core/stack/analyze.js';
import { StackSchema } from '../src/core/stack/schema.js';
import { highsSolver } from '../src/solver/highs.js';
import { bundledCatalogue } from './helpers/bundled.js';
import { sameAsBestText } from '../src/wording/en.js';

/** One table test per rule of the recommender (issue: "a recommender a practitioner accepts"). */
const cat = bundledCatalogue();
let solve: MipSolver;
beforeAll(async () => {
  solve = await highsSolver();
});
/** General clouds: the entries that sell capabilities through other entries. */
const providers = new Set([...(cat.context.cloudServices?.values() ?? [])].flat());
const services = new Set(cat.context.cloudServices?.keys() ?? []);
const coreIn = (id: string, capability: string) => cat.byId.get(id)!.capabilities[capability]?.strength === 'core';

describe('recommender rules', () => {
  it('covers a capability only with a tool for which it is core', () => {
    const needs = ['experiment-tracking', 'model-serving', 'model-monitoring', 'workflow-orchestration', 'feature-store'];
    const r = recommend(cat, { needs, openSourceOnly: true, selfHosted: true }, solve);
    expect(r.feasible).toBe(true);
    expect(r.fallback).toEqual([]);
    for (const n of needs) for (const id of r.covers[n]!) expect(coreIn(id, n), `${id} for ${n}`).toBe(true);
    for (const id of r.tools) expect(cat.byId.get(id)!.openSource, id).toBe(true);
  });

  it('never answers a general cloud for a specific capability, unless --cloud names it; then its own AI platform', () => {
    const serving = recommend(cat, { needs: ['model-serving'] }, solve);
    for (const id of serving.tools) expect(providers.has(id) || services.has(id), id).toBe(false);
    const onAws = recommend(cat, { needs: ['model-serving'], cloud: 'aws' }, solve);
    expect(onAws.tools).not.toContain('aws');
    for (const id of onAws.tools) expect(coreIn(id, 'model-serving'), id).toBe(true);
    // Other clouds' own services are never chosen on AWS.
    for (const id of onAws.tools) if (services.has(id)) expect(cat.context.cloudServices!.get(id)).toContain('aws');
  });

  it('a notebook team: the gaps are filled with specific tools, not a cloud', () => {
    const stack = StackSchema.parse({ name: 'n', teams: [{ name: 'R', persona: 'researcher', tools: ['jupyterlab', 'git'] }] });
    const a = analyzeStack(cat, stack);
    const r = recommend(cat, { needs: a.gaps.map((g) => g.capability), keep: ['jupyterlab', 'git'] }, solve);
    expect(r.feasible).toBe(true);
    for (const id of r.tools) expect(providers.has(id), id).toBe(false);
    expect(r.tools).not.toContain('alibaba-cloud');
  });

  it('LLM observability is answered by an LLM observability tool, not by general tracing', () => {
    const r = recommend(cat, { needs: ['llm-observability'] }, solve);
    expect(r.tools).not.toContain('opentelemetry');
    for (const id of r.tools) expect(coreIn(id, 'llm-observability'), id).toBe(true);
  });

  it('never a retired tool; retired tools kept from a stack (--from) are replaced, and the answer says which and why', () => {
    const r = recommend(cat, { needs: ['notebooks', 'experiment-tracking', 'model-serving'], keep: ['floydhub', 'mlflow'] }, solve);
    expect(r.feasible).toBe(true);
    expect(r.tools).not.toContain('floydhub');
    expect(r.tools).toContain('mlflow');
    expect(r.replaced).toEqual([expect.objectContaining({ tool: 'floydhub', state: 'discontinued' })]);
    expect(r.replaced[0]!.by.length).toBeGreaterThan(0);
    for (const id of r.tools) expect(isRetired(cat.byId.get(id)!), id).toBe(false);
    for (const alts of Object.values(r.perNeed)) for (const a of alts) expect(isRetired(cat.byId.get(a.tool)!), a.tool).toBe(false);
  });

  it('answers the best stack and up to two alternatives that differ in kind and in tools, each with its trade-off', () => {
    const r = recommend(
      cat,
      { needs: ['experiment-tracking', 'model-registry', 'model-serving', 'model-monitoring'], keep: ['airflow', 'kubernetes', 'github-actions'] },
      solve,
    );
    expect(r.feasible).toBe(true);
    expect(r.alternatives.length).toBeGreaterThan(0);
    expect(r.alternatives.length).toBeLessThanOrEqual(2);
    const sets = [r.tools, ...r.alternatives.map((a) => a.tools)].map((t) => [...t].sort().join(' '));
    expect(new Set(sets).size).toBe(sets.length);
    expect(new Set(r.alternatives.map((a) => a.kind)).size).toBe(r.alternatives.length);
    for (const a of r.alternatives) expect(a.tradeoff.cost).toBeGreaterThanOrEqual(0); // the best is the cheapest on the balanced scale
    // Trade-offs are shown to people: hundredths, never float noise such as 15.350000000000001.
    for (const a of r.alternatives) for (const v of [a.tradeoff.cost, a.tradeoff.risk, a.cost.total]) expect(Math.round(v * 100) / 100).toBe(v);
    // Per need, ranked alternatives with why.
    for (const alts of Object.values(r.perNeed)) for (const a of alts) expect(a.why.length).toBeGreaterThan(0);
  });

  it('a model-serving need is answered by a server for any trained model, not an engine that serves language models only', () => {
    for (const keep of [[], ['kubernetes']]) {
      const r = recommend(cat, { needs: ['model-serving'], keep }, solve);
      const server = r.covers['model-serving']![0]!;
      expect(cat.byId.get(server)!.capabilities['llm-inference']?.strength, server).not.toBe('core');
      for (const a of r.perNeed['model-serving']!) expect(cat.byId.get(a.tool)!.capabilities['llm-inference']?.strength, a.tool).not.toBe('core');
    }
  });

  it('every kind of answer is either an alternative or named as the best stack itself', () => {
    const r = recommend(
      cat,
      { needs: ['experiment-tracking', 'model-registry', 'model-serving', 'model-monitoring', 'data-validation', 'ml-pipelines'] },
      solve,
    );
    expect(r.feasible).toBe(true);
    const kinds = [...r.alternatives.map((a) => a.kind), ...r.sameAsBest].sort();
    expect(kinds).toEqual(['best-of-breed', 'fewest-tools', 'open-self-hosted']);
    for (const k of r.sameAsBest) expect(r.alternatives.map((a) => a.kind)).not.toContain(k);
    expect(sameAsBestText(r.sameAsBest)).toMatch(/^It is also the .* answer/);
  });

  it('a team that runs its own Kubernetes, Airflow and CI is not answered with a managed all-in-one platform (that is the fewest-tools alternative)', () => {
    const r = recommend(
      cat,
      { needs: ['experiment-tracking', 'model-registry', 'model-serving', 'model-monitoring'], keep: ['airflow', 'kubernetes', 'github-actions'] },
      solve,
    );
    for (const id of r.tools.filter((t) => !['airflow', 'kubernetes', 'github-actions'].includes(t)))
      expect(cat.placement.get(id)!.y, `${id} is on the all-in-one side`).toBeLessThan(0);
  });

  it('the per-need alternatives for model serving are serving tools (no demo UI), and for monitoring, monitoring tools', () => {
    const r = recommend(cat, { needs: ['model-serving', 'model-monitoring'] }, solve);
    expect(r.perNeed['model-serving']!.map((a) => a.tool)).not.toContain('gradio');
    for (const a of r.perNeed['model-monitoring']!)
      expect(coreIn(a.tool, 'model-monitoring') || cat.byId.get(a.tool)!.capabilities['model-monitoring']?.strength === 'partial', a.tool).toBe(true);
    for (const a of r.perNeed['model-monitoring']!) expect(['terraform', 'argo-cd', 'flux', 'grafana', 'prometheus']).not.toContain(a.tool);
  });

  it('a kept tool is explained by being kept and what it covers, not by its own merits', () => {
    const r = recommend(cat, { needs: ['experiment-tracking', 'model-serving'], keep: ['mlflow'] }, solve);
    const kept = r.chosen.find((c) => c.id === 'mlflow')!;
    expect(kept.kept).toBe(true);
    expect(kept.why.map((w) => w.code).every((c) => ['kept', 'covers', 'only'].includes(c))).toBe(true);
  });

  it('prefers a tool that works with what is kept, other things equal (integration fit)', () => {
    const r = recommend(cat, { needs: ['model-serving'], keep: ['kubernetes', 'mlflow'] }, solve);
    const chosen = r.chosen.find((c) => !c.kept)!;
    const integrates = chosen.why.find((w) => w.code === 'integrates');
    // Either the chosen tool integrates with a kept tool, or no serving tool does.
    const anyIntegrates = cat.tools.some((t) => coreIn(t.id, 'model-serving') && (t.worksWith.includes('kubernetes') || t.worksWith.includes('mlflow')));
    if (anyIntegrates) expect(integrates).toBeDefined();
  });
});
