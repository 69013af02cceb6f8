import { useMemo, useState } from 'preact/hooks';
import type { WebCatalogue } from '../lib/data';
import { href } from '../lib/route';
import { findTool } from '../lib/find-tool';

type WebTool = WebCatalogue['tools'][number];
const MAX = 4;

/** Two to four tools side by side: placement, facts, and capability by capability. */
export function ComparePage({ cat, params }: { cat: WebCatalogue; params: URLSearchParams }) {
  const byId = useMemo(() => new Map(cat.tools.map((t) => [t.id, t])), [cat]);
  // Every id the URL asks for is either shown or named as left out: a shared link with a typo says so.
  const asked = [
    ...new Set(
      (params.get('ids') ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
  const unknown = asked.filter((id) => !byId.has(id));
  const known = asked.filter((id) => byId.has(id));
  const ids = known.slice(0, MAX);
  const leftOut = known.slice(MAX).map((id) => byId.get(id)!.name);
  const tools = ids.map((id) => byId.get(id)!);
  const [pick, setPick] = useState('');
  const [notFound, setNotFound] = useState('');
  const go = (next: string[]) => (location.hash = href('/compare', next.length ? { ids: next.join(',') } : {}));
  const add = () => {
    const wanted = pick.trim();
    if (!wanted) return;
    const t = findTool(cat, wanted);
    if (!t) return setNotFound(wanted); // keep what was typed, so it can be corrected
    setNotFound('');
    if (!ids.includes(t.id) && ids.length < MAX) go([...ids, t.id]);
    setPick('');
  };
  const capName = new Map(cat.taxonomy.capabilities.map((c) => [c.id, c.name]));
  const quadrantName = new Map(cat.taxonomy.quadrants.map((q) => [q.id, q.name]));
  const caps = cat.taxonomy.capabilities.filter((c) => tools.some((t) => t.capabilities.includes(c.id)));
  const row = (label: string, cell: (t: WebTool) => string) => (
    <tr>
      <th scope="row">{label}</th>
      {tools.map((t) => (
        <td key={t.id}>{cell(t)}</td>
      ))}
    </tr>
  );
  return (
    <section class="compare" aria-labelledby="compare-title">
      <h1 id="compare-title">Compare tools</h1>
      <form
        class="add"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label>
          <span>
            Add a tool ({ids.length} of {MAX})
          </span>
          <input
            list="tool-names"
            name="tool"
            value={pick}
            onInput={(e) => setPick((e.currentTarget as HTMLInputElement).value)}
            disabled={ids.length >= MAX}
          />
        </label>
        <datalist id="tool-names">
          {cat.tools.map((t) => (
            <option value={t.name} key={t.id} />
          ))}
        </datalist>
        <button type="submit" disabled={ids.length >= MAX}>
          Add
        </button>
      </form>
      {notFound && <p role="alert">No tool called “{notFound}” in the catalogue: pick one from the list.</p>}
      {unknown.length > 0 && <p role="alert">Not in the catalogue, so not shown: {unknown.map((id) => `“${id}”`).join(', ')}.</p>}
      {leftOut.length > 0 && (
        <p role="alert">
          At most {MAX} tools fit side by side; left out: {leftOut.join(', ')}.
        </p>
      )}
      {tools.length < 2 && <p class="muted">Pick at least two tools to compare.</p>}
      {tools.length > 0 && (
        <div class="compare-scroll" tabIndex={0} aria-label="Comparison table (scrolls sideways on narrow screens)">
          <table class="compare-table">
            <thead>
              <tr>
                <td />
                {tools.map((t) => (
                  <th scope="col" key={t.id} data-tool-id={t.id}>
                    <a href={href(`/tools/${t.id}`)}>{t.name}</a>{' '}
                    <button type="button" class="link" aria-label={`Remove ${t.name}`} onClick={() => go(ids.filter((i) => i !== t.id))}>
                      ×
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {row('Quadrant', (t) => quadrantName.get(t.quadrant) ?? t.quadrant)}
              {row('Artifact (x)', (t) => t.x.toFixed(2))}
              {row('Scope (y)', (t) => t.y.toFixed(2))}
              {row('Licence', (t) => `${t.license}${t.openSource ? ' (open source)' : ''}`)}
              {row('Offering', (t) => t.offering.join(', '))}
              {row('Vendor', (t) => t.vendor ?? '—')}
              {row('Status', (t) => t.status)}
              {row('First release', (t) => String(t.firstRelease))}
              {caps.map((c) =>
                row(capName.get(c.id) ?? c.id, (t) => (t.coreCapabilities.includes(c.id) ? '● core' : t.capabilities.includes(c.id) ? '○ partial' : '—')),
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
