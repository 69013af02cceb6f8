import { useEffect, useState } from 'preact/hooks';
import { loadTool, type ToolDetail, type WebCatalogue } from '../lib/data';
import { href } from '../lib/route';
import { ToolOrg } from './ToolOrg';
import { namesFrom, placementStep, placementSummary } from '../../../src/wording/en';
import { renderMiniMapSvg } from '../../../src/core/render/minimap';

function ToolLinks({ label, tools }: { label: string; tools: ToolDetail['worksWith'] }) {
  if (!tools.length) return null;
  return (
    <div class="related">
      <h3>{label}</h3>
      <ul class="chips">
        {tools.map((t) => (
          <li key={t.id}>
            <a href={href(`/tools/${t.id}`)}>{t.name}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One tool: facts, capabilities by lifecycle stage, why it sits where it sits, and its neighbours. */
/** One cited fact: what it is, its source as a link, and when it was checked. */
function SourceItem({ label, url, checked }: { label: string; url: string; checked?: string }) {
  return (
    <li>
      {label}:{' '}
      <a href={url} rel="noopener noreferrer" target="_blank">
        {url}
      </a>
      {checked !== undefined && <>, checked {checked}</>}
    </li>
  );
}

export function ToolPage({ id, cat }: { id: string; cat: WebCatalogue }) {
  const [detail, setDetail] = useState<ToolDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDetail(null);
    setError(null);
    loadTool(id).then(setDetail, () => setError(`No tool "${id}" in the catalogue.`));
  }, [id]);
  // The tab names the tool.
  useEffect(() => {
    if (detail) document.title = `${detail.tool.name} · MLOps Navigator`;
  }, [detail]);
  if (error) return <p role="alert">{error}</p>;
  if (!detail) return <p aria-busy="true">Loading…</p>;
  const { tool, placement: p } = detail;
  const stageName = new Map(cat.taxonomy.stages.map((s) => [s.id, s.name]));
  const names = namesFrom(cat.taxonomy, (id) => cat.tools.find((t) => t.id === id)?.name);
  const s = tool.status;
  return (
    <article class="tool-page" data-tool-id={tool.id}>
      <header>
        <h1>{tool.name}</h1>
        {tool.aliases.length > 0 && <p class="muted">also known as {tool.aliases.join(', ')}</p>}
        <p class="lead">{tool.description}</p>
        {/* Retired tools, and tools only kept alive (maintenance), say so and name what to use instead. */}
        {(detail.retired || s.state === 'maintenance') && (
          <p class="notice" role="note">
            {s.state === 'maintenance'
              ? `In maintenance only${s.since ? ` since ${s.since}` : ''}: kept working, not developed further.`
              : `${s.state[0]!.toUpperCase()}${s.state.slice(1)} since ${s.since}.`}{' '}
            {s.note}
            {detail.replacedBy.length > 0 && (
              <>
                {' '}
                Consider instead:{' '}
                {detail.replacedBy.map((r, i) => (
                  <>
                    {i ? ', ' : ''}
                    <a href={href(`/tools/${r.id}`)}>{r.name}</a>
                  </>
                ))}
                .
              </>
            )}
          </p>
        )}
        <p class="actions">
          <a href={tool.homepage} rel="noopener noreferrer" target="_blank">
            Homepage
          </a>
          {tool.repository && (
            <a href={tool.repository} rel="noopener noreferrer" target="_blank">
              Repository
            </a>
          )}
          <a href={href('/compare', { ids: tool.id })}>Compare…</a>
          <a href={href('/', { focus: tool.id })}>Show on the map</a>
        </p>
      </header>
      <div class="grid">
        <section aria-labelledby="facts">
          <h2 id="facts">Facts</h2>
          <dl class="facts">
            <dt>Quadrant</dt>
            <dd>
              {p.quadrantName}
              {p.override ? ' (override)' : ''}
            </dd>
            <dt>Position</dt>
            <dd>
              artifact x {p.x.toFixed(2)}, scope y {p.y.toFixed(2)}
            </dd>
            <dt>Categories</dt>
            <dd>
              {detail.categories.map((c) => c.name).join(', ')}
              {/* The categories say one quadrant, the capabilities another: shown, not hidden (mlnav check lists these). */}
              {detail.categories.length > 0 && !detail.categories.some((c) => c.quadrant === p.quadrant) && (
                <p class="note small" data-testid="disagreement">
                  Its {detail.categories.length === 1 ? 'category belongs' : 'categories belong'} to{' '}
                  {[...new Set(detail.categories.map((c) => names.quadrant(c.quadrant)))].join(' and ')}, but what it does places it in {p.quadrantName}.
                </p>
              )}
            </dd>
            <dt>Licence</dt>
            <dd>
              {tool.license}
              {tool.openSource ? ' (open source)' : ''}
            </dd>
            <dt>Offering</dt>
            <dd>{tool.offering.join(', ')}</dd>
            <dt>Vendor</dt>
            <dd>{tool.vendor ?? '—'}</dd>
            <dt>Status</dt>
            <dd>
              {s.state}
              {s.acquired ? `, acquired by ${s.acquired.by} (${s.acquired.date})` : ''} · checked {s.checked}
            </dd>
            <dt>First release</dt>
            <dd>{tool.firstRelease}</dd>
            <dt>Activity</dt>
            <dd data-testid="activity">
              {tool.activity
                ? `${tool.activity.stars.toLocaleString('en')} stars · ${tool.activity.latestRelease ? `latest release ${tool.activity.latestRelease.tag} (${tool.activity.latestRelease.date})` : 'no releases'} · last push ${tool.activity.pushedAt}${tool.activity.archived ? ' · repository archived' : ''} · read ${tool.activity.checked}`
                : tool.repository
                  ? 'not read yet (mlnav enrich reads it from the repository)'
                  : 'no public repository'}
            </dd>
          </dl>
          <figure class="minimap-figure" data-testid="minimap">
            <div
              // the pure renderer escapes every name it draws
              dangerouslySetInnerHTML={{
                __html: renderMiniMapSvg({ quadrants: cat.taxonomy.quadrants, points: cat.tools, focus: { name: tool.name, x: p.x, y: p.y } }),
              }}
            />
            <figcaption class="muted small">
              {p.quadrantName}, artifact x {p.x.toFixed(2)}, scope y {p.y.toFixed(2)}
            </figcaption>
          </figure>
          {/* Retired and maintenance tools show the note in their notice above: once is enough. */}
          {s.note && !detail.retired && s.state !== 'maintenance' && <p class="muted small">{s.note}</p>}
        </section>
        <section aria-labelledby="why">
          <h2 id="why">Why it sits there</h2>
          <ul class="reasons" data-testid="placement-reasons">
            {placementSummary(p.explanation.summary, names).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
          <details>
            <summary>The arithmetic</summary>
            <ol class="steps">
              {p.explanation.steps.map((st, i) => (
                <li key={i} class={`axis-${st.code[0]}`}>
                  <span class="axis">{st.code[0]}</span> {placementStep(st, names)}
                </li>
              ))}
            </ol>
          </details>
          {p.override && (
            <p class="notice">
              Placed by hand at ({p.override.x}, {p.override.y}): {p.override.reason}. The model says ({p.computed.x}, {p.computed.y}).
            </p>
          )}
        </section>
        <section aria-labelledby="lifecycle">
          <h2 id="lifecycle">Capabilities by lifecycle stage</h2>
          <ul class="stages">
            {cat.taxonomy.stages.map((st) => {
              const caps = detail.capabilitiesByStage[st.id] ?? [];
              return (
                <li key={st.id} class={caps.length ? 'served' : 'unserved'}>
                  <strong>{stageName.get(st.id)}</strong>:{' '}
                  {caps.length
                    ? caps
                        .map(
                          (c) =>
                            `${c.name} (${c.strength === 'via' ? `via ${names.tool(c.via ?? '')}` : c.strength}${c.role === 'helpful' ? ', helpful' : ''})`,
                        )
                        .join(', ')
                    : 'not served'}
                </li>
              );
            })}
          </ul>
        </section>
        <section aria-labelledby="sources">
          <h2 id="sources">Sources</h2>
          <ul class="sources small" data-testid="sources">
            {Object.entries(tool.capabilities)
              .filter(([, c]) => c.source)
              .map(([id, c]) => (
                <li key={id}>
                  {names.capability(id)} (core):{' '}
                  <a href={c.source} rel="noopener noreferrer" target="_blank">
                    {c.source}
                  </a>
                  , checked {c.checked}
                </li>
              ))}
            {tool.sources && <SourceItem label="Licence" url={tool.sources.license.url} checked={tool.sources.license.checked} />}
            {tool.sources && <SourceItem label="Status" url={tool.sources.status.url} checked={tool.sources.status.checked} />}
            {s.acquired?.source && <SourceItem label="Acquisition" url={s.acquired.source} />}
          </ul>
          {(tool.review ?? []).length > 0 && (
            <p class="notice" role="note" data-testid="review">
              For review:{' '}
              {(tool.review ?? []).map((r, i) => (
                <span key={i}>
                  {i ? '; ' : ''}
                  {r.field}: {r.found} (
                  <a href={r.source} rel="noopener noreferrer" target="_blank">
                    source
                  </a>
                  , {r.checked})
                </span>
              ))}
            </p>
          )}
        </section>
        <section aria-labelledby="related">
          <h2 id="related">Related tools</h2>
          <ToolLinks label="Works with" tools={detail.worksWith} />
          <ToolLinks label="Competes with" tools={[...detail.competesWith, ...detail.competedBy]} />
        </section>
        <ToolOrg id={tool.id} tool={tool} />
      </div>
    </article>
  );
}
