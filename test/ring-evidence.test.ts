import { describe, expect, it } from 'vitest';
import { recommend } from '../src/core/recommend/recommend.js';
import { ringEvidence } from '../src/core/radar/evidence.js';
import { bundledCatalogue } from './helpers/bundled.js';
import { buildCatalogue } from '../src/core/catalogue/catalogue.js';
import type { Tool } from '../src/core/catalogue/tool.js';

const cat = bundledCatalogue();
const tool = (id: string) => cat.byId.get(id)!;
const rings = cat.tax.taxonomy.rings.map((r) => r.id);

describe('rings from evidence', () => {
  it("the catalogue's radar: rings from evidence, each blip's rationale its own (not one per category)", async () => {
    const { catalogueRadar } = await import('../src/app/catalogue-radar.js');
    const blips = catalogueRadar(cat, '2026-12').editions[0]!.blips;
    expect(blips).toHaveLength(cat.tools.length);
    // Before: 400 blips shared 42 category rationales; now each states its own age and integrations.
    expect(new Set(blips.map((b) => b.rationale)).size).toBeGreaterThan(cat.tools.length / 2);
    const ring = (id: string) => blips.find((b) => b.id === id)!.ring;
    // Ecosystem standards are Adopt although their category says Trial; LLM-only tools are at best Trial.
    for (const id of ['pytorch', 'scikit-learn', 'mlflow']) expect(ring(id), id).toBe(rings[0]);
    for (const id of ['langfuse', 'langchain', 'vllm']) expect(rings.indexOf(ring(id)), id).toBeGreaterThanOrEqual(1);
    expect(blips.find((b) => b.id === 'pytorch')!.rationale).toMatch(/integrations/);
  });

  it('a mature vendor is not "adopt" for a practice too young for any tool to be proven (Datadog for LLM observability)', async () => {
    const { highsSolver } = await import('../src/solver/highs.js');
    const r = recommend(cat, { needs: ['llm-observability'] }, await highsSolver());
    expect(r.feasible).toBe(true);
    const chosen = r.tools;
    expect(chosen).not.toContain('datadog');
    // An open-source tool made for LLM tracing and evaluation, not a general monitoring suite.
    expect(chosen.every((id) => tool(id).openSource && tool(id).categories.every((c) => cat.tax.category.get(c)!.ring !== rings[0]))).toBe(true);
    const dd = ringEvidence(cat, tool('datadog'), { uses: ['llm-observability'] });
    expect(rings.indexOf(dd.ring)).toBeGreaterThan(0);
    expect(dd.reasons.map((x) => x.code)).toEqual(['category', 'track-record', 'practice']);
    // For what it was built for, it keeps its category's ring.
    expect(ringEvidence(cat, tool('datadog'), { uses: ['infrastructure-observability'] }).ring).toBe(rings[0]);
  });

  it('retired tools go to the outermost ring, young and maintenance tools outward; the owners decision wins over all', () => {
    const retired = cat.tools.find((t) => t.status.state === 'discontinued')!;
    expect(ringEvidence(cat, retired).ring).toBe(rings.at(-1));
    expect(ringEvidence(cat, retired).reasons.at(-1)!.code).toBe('retired');
    const base = tool('kubernetes');
    const year = cat.tools.reduce((m, t) => Math.max(m, t.firstRelease), 0);
    const young: Tool = { ...base, id: 'brand-new', firstRelease: year };
    const withYoung = buildCatalogue(cat.tax.taxonomy, [...cat.tools, young]);
    expect(rings.indexOf(ringEvidence(withYoung, young).ring)).toBe(2);
    const maint: Tool = { ...base, id: 'kept-alive', status: { ...base.status, state: 'maintenance' } };
    const withMaint = buildCatalogue(cat.tax.taxonomy, [...cat.tools, maint]);
    expect(ringEvidence(withMaint, maint).ring).toBe(rings.at(-2));
    const decided = ringEvidence(cat, retired, { decided: { radar: 'ours', date: '2026-06', ring: rings[1]! } });
    expect(decided.ring).toBe(rings[1]);
    expect(decided.reasons.at(-1)).toMatchObject({ code: 'decided', radar: 'ours' });
  });

  it("two of the organisation's teams using a tool count as evidence it is proven there", () => {
    // A platform in part 3's Assess ring, old enough and active: two teams running it make it a Trial.
    const assessTool = cat.tools.find((t) => {
      const e = ringEvidence(cat, t);
      return e.ring === rings[2] && e.reasons.length === 2 && t.status.state === 'active';
    })!;
    expect(assessTool).toBeDefined();
    const e = ringEvidence(cat, assessTool, { teams: 2 });
    expect(e.ring).toBe(rings[1]);
    expect(e.reasons.map((r) => r.code)).toEqual(['category', 'track-record', 'used-by-teams']);
    expect(ringEvidence(cat, assessTool, { teams: 1 }).ring).toBe(rings[2]);
  });
});

describe('what a kept tool already does', () => {
  it('keeping MLflow and needing serving and monitoring: no platform that duplicates its tracking and registry', async () => {
    const { highsSolver } = await import('../src/solver/highs.js');
    const needs = ['model-serving', 'model-monitoring'];
    const r = recommend(cat, { needs, keep: ['mlflow'] }, await highsSolver());
    const mlflowCore = Object.entries(tool('mlflow').capabilities)
      .filter(([, c]) => c.strength === 'core')
      .map(([id]) => id);
    for (const id of r.tools.filter((x) => x !== 'mlflow')) {
      const dup = Object.entries(tool(id).capabilities).filter(([c, claim]) => claim.strength === 'core' && mlflowCore.includes(c) && !needs.includes(c));
      expect(dup, `${id} duplicates MLflow`).toEqual([]);
    }
    // A duplicating platform is still ranked per need, and says what it would duplicate.
    const dbx = Object.values(r.perNeed)
      .flat()
      .find((a) => a.tool === 'databricks');
    if (dbx) expect(dbx.why.some((w) => w.code === 'overlaps-kept')).toBe(true);
  });
});

describe('breadth is charged to platforms only', () => {
  it('a piecemeal tool is not charged for its other core features (vLLM also serves models); a platform is', async () => {
    const { highsSolver } = await import('../src/solver/highs.js');
    const r = recommend(cat, { needs: ['llm-inference'] }, await highsSolver());
    const all = [...r.chosen.map((c) => ({ tool: c.id, why: c.why })), ...Object.values(r.perNeed).flat()];
    const piecemeal = all.filter((a) => cat.placement.get(a.tool)!.y <= 0);
    expect(piecemeal.length).toBeGreaterThan(0);
    for (const a of piecemeal)
      expect(
        a.why.map((w) => w.code),
        a.tool,
      ).not.toContain('unused');
    const platforms = recommend(cat, { needs: ['model-serving', 'model-monitoring'], keep: ['mlflow'] }, await highsSolver());
    const dbx = Object.values(platforms.perNeed)
      .flat()
      .find((a) => cat.placement.get(a.tool)!.y > 0 && Object.values(cat.byId.get(a.tool)!.capabilities).filter((c) => c.strength === 'core').length > 3);
    if (dbx) expect(dbx.why.map((w) => w.code)).toContain('unused');
  });
});
