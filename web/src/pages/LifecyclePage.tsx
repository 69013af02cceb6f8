import { useMemo, useState } from 'preact/hooks';
import { layoutLifecycle, renderLifecycleSvg } from '../../../src/core/render/lifecycle';
import type { WebCatalogue } from '../lib/data';
import { href } from '../lib/route';

type WebTool = WebCatalogue['tools'][number];

/** The two interlocked loops, each stage with the (filtered) tools that serve it. */
export function LifecyclePage({ cat, shown }: { cat: WebCatalogue; shown: WebTool[] }) {
  const [stage, setStage] = useState<string | null>(null);
  const byStage = useMemo(() => {
    const capStages = new Map(cat.taxonomy.capabilities.map((c) => [c.id, c.stages]));
    const out: Record<string, WebTool[]> = {};
    for (const t of shown) for (const s of new Set(t.capabilities.flatMap((c) => capStages.get(c) ?? []))) (out[s] ??= []).push(t);
    return out;
  }, [cat, shown]);
  const svg = useMemo(
    () => renderLifecycleSvg(layoutLifecycle(cat.taxonomy, Object.fromEntries(Object.entries(byStage).map(([k, v]) => [k, v.length]))), { interactive: true }),
    [cat, byStage],
  );
  const pick = (e: Event) => {
    const g = (e.target as Element).closest?.('g.stage') as SVGGElement | null;
    if (g) setStage(g.dataset.stageId ?? null);
  };
  const stages = stage ? cat.taxonomy.stages.filter((s) => s.id === stage) : cat.taxonomy.stages;
  return (
    <section class="lifecycle" aria-labelledby="lc-title">
      <h1 id="lc-title">The ML lifecycle</h1>
      <p class="muted">Researchers work the model loop, engineers the application loop; they interlock at model training and data acquisition. Numbers are the tools serving each stage under the current filters.</p>
      <div class="loops" dangerouslySetInnerHTML={{ __html: svg }} onClick={pick} onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && pick(e)} />
      {stage && <button type="button" class="link" onClick={() => setStage(null)}>Show all stages</button>}
      <div class="stage-lists">
        {stages.map((s) => (
          <section key={s.id} data-stage-id={s.id}>
            <h2>{s.name} <span class="muted">({byStage[s.id]?.length ?? 0})</span></h2>
            <p class="muted small">{s.description}</p>
            <ul class="chips">
              {(byStage[s.id] ?? []).map((t) => <li key={t.id}><a href={href(`/tools/${t.id}`)}>{t.name}</a></li>)}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
