import { useEffect, useMemo, useState } from 'preact/hooks';
import { renderLandscapeSvg } from '../../../src/core/render/landscape';
import type { Recommendation, StackOption } from '../../../src/core/recommend/recommend';
import { blockedText, namesFrom, need, optionName, sameAsBestText, tradeoffText, whyText } from '../../../src/wording/en';
import type { WebCatalogue } from '../lib/data';
import { postJson, serverAvailable } from '../lib/api';
import { href } from '../lib/route';
import { NeedPicker } from './StackPage';

/** The request lives in the URL: needs, kept tools and constraints. */
function requestFrom(params: URLSearchParams) {
  const ids = (k: string) => (params.get(k) ?? '').split('.').filter(Boolean);
  const max = params.get('max');
  return {
    needs: ids('needs'),
    keep: ids('keep'),
    exclude: ids('exclude'),
    openSourceOnly: params.get('oss') === '1',
    selfHosted: params.get('self') === '1',
    cloud: params.get('cloud') ?? '',
    maxTools: max && /^\d+$/.test(max) && Number(max) > 0 ? Number(max) : undefined,
  };
}
type Request = ReturnType<typeof requestFrom>;

function paramsOf(r: Request): Record<string, string> {
  const p: Record<string, string> = {};
  if (r.needs.length) p.needs = r.needs.join('.');
  if (r.keep.length) p.keep = r.keep.join('.');
  if (r.exclude.length) p.exclude = r.exclude.join('.');
  if (r.openSourceOnly) p.oss = '1';
  if (r.selfHosted) p.self = '1';
  if (r.cloud) p.cloud = r.cloud;
  if (r.maxTools) p.max = String(r.maxTools);
  return p;
}

/** Needs picked (or taken from a stack's gaps), constraints, the best stack and its alternatives side by side on the map. */
export function RecommendPage({ cat, params }: { cat: WebCatalogue; params: URLSearchParams }) {
  const req = useMemo(() => requestFrom(params), [params]);
  const byId = useMemo(() => new Map(cat.tools.map((t) => [t.id, t])), [cat]);
  const n = useMemo(() => namesFrom(cat.taxonomy, (id) => byId.get(id)?.name), [cat, byId]);
  const [rec, setRec] = useState<Recommendation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const live = serverAvailable();
  const set = (next: Partial<Request>) => (location.hash = href('/recommend', paramsOf({ ...req, ...next })));
  // Clouds you can name: the entries whose services other entries are (the taxonomy's providers are data, not code).
  const clouds = useMemo(() => cat.clouds.map((id) => byId.get(id)).filter((t) => !!t), [cat, byId]);
  const unknown = useMemo(
    () => [
      ...req.needs.filter((x) => n.capability(x) === x && n.stage(x) === x),
      ...[...req.keep, ...req.exclude, ...(req.cloud ? [req.cloud] : [])].filter((id) => !byId.has(id)),
    ],
    [req, n, byId],
  );

  useEffect(() => {
    setRec(null);
    if (!live || !req.needs.length || unknown.length) return;
    setBusy(true);
    const body = {
      needs: req.needs,
      keep: req.keep,
      exclude: req.exclude,
      openSourceOnly: req.openSourceOnly,
      selfHosted: req.selfHosted,
      ...(req.cloud ? { cloud: req.cloud } : {}),
      ...(req.maxTools ? { maxTools: req.maxTools } : {}),
    };
    postJson<Recommendation>('api/recommend', body).then(
      (r) => (setRec(r), setError(null), setBusy(false)),
      (e: Error) => (setError(e.message), setBusy(false)),
    );
  }, [live, req, unknown.length]);

  const options: StackOption[] = useMemo(
    () =>
      rec?.feasible
        ? [
            {
              kind: 'best',
              tools: rec.tools,
              chosen: rec.chosen,
              covers: rec.covers,
              cost: { total: rec.objective.cost, tools: rec.objective.tools, risk: rec.objective.risk, overlap: rec.objective.overlap },
              optimal: rec.optimal,
            },
            ...rec.alternatives,
          ]
        : [],
    [rec],
  );
  const pictures = useMemo(
    () =>
      options.map((o) => {
        const ids = new Set(o.tools);
        return renderLandscapeSvg({ ...cat.map, marks: cat.map.marks.map((m) => ({ ...m, highlighted: ids.has(m.id) })) });
      }),
    [options, cat],
  );

  return (
    <section class="recommend-page" aria-labelledby="rec-title">
      <h1 id="rec-title">Recommend a stack</h1>
      {!live && <p class="notice">The recommender needs the server (mlnav serve); this is a static copy of the catalogue.</p>}
      <fieldset class="goals">
        <legend>What to cover</legend>
        <NeedPicker cat={cat} needs={req.needs} onChange={(needs) => set({ needs })} label="Needs" />
        {req.keep.length > 0 && (
          <p class="small">
            Keeping:{' '}
            {req.keep.map((id) => (
              <span class="chip" key={id}>
                {n.tool(id)}{' '}
                <button type="button" class="link" aria-label={`Stop keeping ${n.tool(id)}`} onClick={() => set({ keep: req.keep.filter((x) => x !== id) })}>
                  ×
                </button>
              </span>
            ))}
          </p>
        )}
        <label>
          <input type="checkbox" checked={req.openSourceOnly} onChange={(e) => set({ openSourceOnly: (e.currentTarget as HTMLInputElement).checked })} /> open
          source only
        </label>{' '}
        <label>
          <input type="checkbox" checked={req.selfHosted} onChange={(e) => set({ selfHosted: (e.currentTarget as HTMLInputElement).checked })} /> self-hosted
          only
        </label>{' '}
        <label>
          your cloud{' '}
          <select aria-label="Your cloud" value={req.cloud} onChange={(e) => set({ cloud: (e.currentTarget as HTMLSelectElement).value })}>
            <option value="">none named</option>
            {clouds.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          at most{' '}
          <input
            type="number"
            min={1}
            max={50}
            aria-label="At most this many tools"
            value={req.maxTools ?? ''}
            onChange={(e) => {
              const v = (e.currentTarget as HTMLInputElement).value;
              set({ maxTools: v ? Number(v) : undefined });
            }}
          />{' '}
          tools
        </label>
      </fieldset>
      {unknown.length > 0 && <p role="alert">Not in the catalogue or taxonomy: {unknown.map((u) => `“${u}”`).join(', ')}.</p>}
      {!req.needs.length && <p class="muted">Pick the capabilities you need, or come here from your stack's gaps.</p>}
      {error && <p role="alert">{error}</p>}
      {busy && <p aria-busy="true">Solving…</p>}
      {rec && !rec.feasible && (
        <ul role="alert" data-testid="blocked">
          {rec.blocked.map((b, i) => (
            <li key={i}>
              Cannot cover {b.need ? need(b.need, n).toLowerCase() : 'every need'}: {blockedText(b, n, 'web', req.cloud || undefined)}
            </li>
          ))}
        </ul>
      )}
      {rec?.feasible && (
        <>
          {rec.replaced.map((r) => (
            <p key={r.tool} class="notice" role="note">
              {n.tool(r.tool)} is {r.state}: it counts for nothing and was replaced{r.by.length ? ` by ${r.by.map(n.tool).join(', ')}` : ''}.
            </p>
          ))}
          {rec.fallback.map((f) => (
            <p key={f.need} class="notice" role="note">
              No allowed tool has {need(f.need, n).toLowerCase()} as a core feature: covered only partially.
            </p>
          ))}
          {rec.sameAsBest.length > 0 && (
            <p class="note" data-testid="same-as-best">
              {sameAsBestText(rec.sameAsBest)}
            </p>
          )}
          <div class="options" data-testid="options">
            {options.map((o, i) => (
              <section key={o.kind} class="option" data-kind={o.kind} aria-labelledby={`opt-${o.kind}`}>
                <h2 id={`opt-${o.kind}`}>{optionName(o.kind)}</h2>
                {o.kind !== 'best' && <p class="small">{tradeoffText(rec.alternatives[i - 1]!)}</p>}
                <ul class="chosen">
                  {o.chosen.map((c) => (
                    <li key={c.id} data-tool-id={c.id}>
                      <a href={href(`/tools/${c.id}`)}>{n.tool(c.id)}</a>
                      <span class="small muted"> {c.why.map((w) => whyText(w, n)).join('; ')}</span>
                    </li>
                  ))}
                </ul>
                <div class="map small-map" dangerouslySetInnerHTML={{ __html: pictures[i] ?? '' }} />
              </section>
            ))}
          </div>
          <h2>Per need</h2>
          <table class="per-need" data-testid="per-need">
            <thead>
              <tr>
                <th>Need</th>
                <th>Chosen</th>
                <th>Next best, and why</th>
              </tr>
            </thead>
            <tbody>
              {req.needs.map((id) => (
                <tr key={id}>
                  <th scope="row">{need(id, n)}</th>
                  <td>{(rec.covers[id] ?? []).map(n.tool).join(', ')}</td>
                  <td>
                    {(rec.perNeed[id] ?? []).map((a, j) => (
                      <div key={j}>
                        <a href={href(`/tools/${a.tool}`)}>{n.tool(a.tool)}</a> <span class="small muted">{a.why.map((w) => whyText(w, n)).join(', ')}</span>
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
