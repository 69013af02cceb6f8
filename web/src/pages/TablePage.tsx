import { useMemo, useState } from 'preact/hooks';
import type { WebCatalogue } from '../lib/data';
import { href } from '../lib/route';

type WebTool = WebCatalogue['tools'][number];
type Key = 'name' | 'quadrant' | 'x' | 'y' | 'license' | 'status' | 'firstRelease' | 'stars' | 'lastRelease';

const COLUMNS: Array<[Key, string]> = [
  ['name', 'Tool'],
  ['quadrant', 'Quadrant'],
  ['x', 'Artifact (x)'],
  ['y', 'Scope (y)'],
  ['license', 'Licence'],
  ['status', 'Status'],
  ['firstRelease', 'Since'],
  ['stars', 'Stars'],
  ['lastRelease', 'Last release'],
];

/** The sortable value of a column: enrichment columns come from the tool's activity (empty until `mlnav enrich` ran). */
function value(t: WebTool, key: Key): string | number {
  if (key === 'stars') return t.activity?.stars ?? -1;
  if (key === 'lastRelease') return t.activity?.latestRelease?.date ?? '';
  return t[key];
}

/** The catalogue as a sortable table, with the same filters as the map. */
export function TablePage({ cat, shown }: { cat: WebCatalogue; shown: WebTool[] }) {
  const [sort, setSort] = useState<{ key: Key; dir: 1 | -1 }>({ key: 'name', dir: 1 });
  const quadrantName = useMemo(() => new Map(cat.taxonomy.quadrants.map((q) => [q.id, q.name])), [cat]);
  const rows = useMemo(() => {
    const { key, dir } = sort;
    return [...shown].sort((a, b) => {
      const va = value(a, key),
        vb = value(b, key);
      return (typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb))) * dir;
    });
  }, [shown, sort]);
  return (
    <section aria-label="Catalogue table" class="table-page">
      <table class="catalogue">
        <caption class="sr-only">Tools in the catalogue, sorted by {sort.key}</caption>
        <thead>
          <tr>
            {COLUMNS.map(([key, label]) => (
              <th scope="col" key={key} aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
                <button type="button" onClick={() => setSort((s) => ({ key, dir: s.key === key ? (-s.dir as 1 | -1) : 1 }))}>
                  {label} {sort.key === key ? (sort.dir === 1 ? '▲' : '▼') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t.id} data-tool-id={t.id} class={t.retired ? 'retired' : ''}>
              <th scope="row">
                <a href={href(`/tools/${t.id}`)}>{t.name}</a>
                <span class="muted small">{t.description}</span>
              </th>
              <td data-label="Quadrant">{quadrantName.get(t.quadrant)}</td>
              <td class="num" data-label="Artifact (x)">
                {t.x.toFixed(2)}
              </td>
              <td class="num" data-label="Scope (y)">
                {t.y.toFixed(2)}
              </td>
              <td data-label="Licence">
                {t.license}
                {t.openSource ? ' ✓' : ''}
              </td>
              <td data-label="Status">{t.status}</td>
              <td class="num" data-label="Since">
                {t.firstRelease}
              </td>
              <td class="num" data-label="Stars">
                {t.activity ? t.activity.stars.toLocaleString('en') : '—'}
              </td>
              <td data-label="Last release">{t.activity?.latestRelease ? `${t.activity.latestRelease.tag} (${t.activity.latestRelease.date})` : '—'}</td>
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length} class="muted">
                No tool matches these filters.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
