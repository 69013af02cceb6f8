import { useMemo, useState } from 'preact/hooks';
import { layoutLifecycle, renderLifecycleSvg } from '../../../src/core/render/lifecycle';
import type { WebCatalogue } from '../lib/data';
import { href } from '../lib/route';

type WebTool = WebCatalogue['tools'][number];

/**
 * The two interlocked loops. Each stage lists the (filtered) tools that hold one of its capabilities as
 * a core feature, grouped by capability, essential ones first; retired tools only when asked.
 */
export function LifecyclePage({ cat, shown }: { cat: WebCatalogue; shown: WebTool[] }) {
  const [stage, setStage] = useState<string | null>(null);
  const [withRetired, setWithRetired] = useState(false);
  const capName = useMemo(() => new Map(cat.taxonomy.capabilities.map((c) => [c.id, c.name])), [cat]);
  const byStage = useMemo(() => {
    const out: Record<string, { count: number; groups: Array<{ capability: string; essential: boolean; tools: WebTool[] }> }> = {};
    const tools = shown.filter((t) => withRetired || !t.retired);
    for (const s of cat.taxonomy.stages) {
      const caps = [...s.capabilities.essential.map((c) => ({ c, essential: true })), ...s.capabilities.helpful.map((c) => ({ c, essential: false }))];
      const groups = caps
        .map(({ c, essential }) => ({ capability: c, essential, tools: tools.filter((t) => t.coreCapabilities.includes(c)) }))
        .filter((g) => g.tools.length);
      out[s.id] = { count: new Set(groups.flatMap((g) => g.tools.map((t) => t.id))).size, groups };
    }
    return out;
  }, [cat, shown, withRetired]);
  const svg = useMemo(
    () => renderLifecycleSvg(layoutLifecycle(cat.taxonomy, Object.fromEntries(Object.entries(byStage).map(([k, v]) => [k, v.count]))), { interactive: true }),
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
      <p class="muted">
        Researchers work the model loop, engineers the application loop; they interlock at model training and data acquisition. Numbers are the tools with a
        core capability for each stage, under the current filters.
      </p>
      <label class="small">
        <input type="checkbox" checked={withRetired} onChange={(e) => setWithRetired((e.currentTarget as HTMLInputElement).checked)} /> include retired tools
      </label>
      <div class="loops" dangerouslySetInnerHTML={{ __html: svg }} onClick={pick} onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && pick(e)} />
      {stage && (
        <button type="button" class="link" onClick={() => setStage(null)}>
          Show all stages
        </button>
      )}
      <div class="stage-lists">
        {stages.map((s) => (
          <section key={s.id} data-stage-id={s.id}>
            <h2>
              {s.name} <span class="muted">({byStage[s.id]?.count ?? 0})</span>
            </h2>
            <p class="muted small">{s.description}</p>
            {(byStage[s.id]?.groups ?? []).map((g) => (
              <div key={g.capability} class="cap-group" data-capability={g.capability}>
                <h3 class="small">
                  {capName.get(g.capability) ?? g.capability}
                  {g.essential ? '' : ' (helpful)'}
                </h3>
                <ul class="chips">
                  {g.tools.map((t) => (
                    <li key={t.id}>
                      <a href={href(`/tools/${t.id}`)}>{t.name}</a>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
        ))}
      </div>
    </section>
  );
}
