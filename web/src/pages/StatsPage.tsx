import { useEffect, useMemo, useState } from 'preact/hooks';
import { catalogueStats, foldTail, type CountRow, type StatsDimension } from '../../../src/core/catalogue/stats';
import { renderBarsSvg } from '../../../src/core/render/bars';
import { quadrantColors } from '../../../src/core/render/landscape';
import type { WebCatalogue } from '../lib/data';

/** Each dimension's heading, and what one bar counts. */
const DIMENSIONS: Record<StatsDimension, { title: string; counts: string }> = {
  quadrant: { title: 'Quadrant', counts: 'tools placed in each quadrant of the landscape (computed from their capabilities)' },
  category: { title: 'Category', counts: 'tools in each category; a tool in two categories counts in both' },
  capability: { title: 'Core capability', counts: 'tools with each capability as a core feature; most tools have several' },
  license: { title: 'Licence', counts: 'tools under each licence (SPDX id, or proprietary)' },
  status: { title: 'Status', counts: 'tools by maintenance status' },
  firstRelease: { title: 'First release', counts: 'tools by the year of their first public release' },
};
/** Licences beyond this many are summed into one bar. */
const LICENCES_SHOWN = 14;

/** Narrow screens get pictures drawn narrow (labels above the bars), so the text stays readable instead of shrinking. */
function useNarrow(query = '(max-width: 640px)'): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const m = window.matchMedia(query);
    const on = () => setNarrow(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, [query]);
  return narrow;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The catalogue in numbers: one bar chart per dimension, each readable as a table too. */
export function StatsPage({ cat }: { cat: WebCatalogue }) {
  const narrow = useNarrow();
  const stats = useMemo(() => catalogueStats(cat.tools, cat.taxonomy), [cat]);
  const colours = useMemo(() => quadrantColors(cat.taxonomy.quadrants), [cat]);
  const charts = useMemo(
    () =>
      stats.dimensions.map((d) => {
        const rows: CountRow[] =
          d.dimension === 'license'
            ? foldTail(d.rows, LICENCES_SHOWN, (n) => `${n} other licences`)
            : d.dimension === 'status'
              ? d.rows.map((r) => ({ ...r, label: capitalise(r.label) }))
              : d.rows;
        const meta = DIMENSIONS[d.dimension];
        const total = rows.reduce((n, r) => n + r.count, 0);
        const subtitle = d.exclusive ? `${total} tools` : `${stats.tools} tools, ${total} in all (a tool can count more than once)`;
        const svg = renderBarsSvg(
          {
            title: `Tools by ${meta.title.toLowerCase()}`,
            subtitle,
            bars: rows.map((r) => ({ label: r.label, value: r.count, key: r.key, color: r.quadrant ? colours.get(r.quadrant)?.mark : undefined })),
          },
          { width: narrow ? 340 : 680, id: `chart-${d.dimension}` },
        );
        return { dimension: d.dimension, meta, rows, svg };
      }),
    [stats, colours, narrow],
  );
  return (
    <section class="stats-page" aria-labelledby="stats-title">
      <h1 id="stats-title">The catalogue in numbers</h1>
      <p class="muted">
        {stats.tools} tools. Quadrants, licences, statuses and years count each tool once; categories and capabilities count it once for each it has.
      </p>
      <nav class="stats-toc small" aria-label="Charts">
        {charts.map((c) => (
          <a key={c.dimension} href={`#chart-${c.dimension}-section`} onClick={(e) => jump(e, `chart-${c.dimension}-section`)}>
            {c.meta.title}
          </a>
        ))}
      </nav>
      <div class="charts">
        {charts.map((c) => (
          <figure key={c.dimension} class="chart" id={`chart-${c.dimension}-section`} data-dimension={c.dimension}>
            <div class="chart-svg" dangerouslySetInnerHTML={{ __html: c.svg }} />
            <figcaption class="muted small">Each bar: {c.meta.counts}.</figcaption>
            <details>
              <summary class="small">As a table</summary>
              <table class="stats-table">
                <thead>
                  <tr>
                    <th scope="col">{c.meta.title}</th>
                    <th scope="col">Tools</th>
                  </tr>
                </thead>
                <tbody>
                  {c.rows.map((r) => (
                    <tr key={r.key || r.label}>
                      <th scope="row">{r.label}</th>
                      <td>{r.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </figure>
        ))}
      </div>
    </section>
  );
}

/** In-page links would change the hash route: scroll to the chart instead. */
function jump(e: Event, id: string) {
  e.preventDefault();
  document.getElementById(id)?.scrollIntoView({ block: 'start' });
}
