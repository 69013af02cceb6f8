import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { QUARTER_SIGNS } from '../../../src/core/radar/layout';
import { radarPicture } from '../../../src/core/radar/picture';
import { legendLines, radarGeometry } from '../../../src/core/radar/render';
import { loadRadar, type Radar } from '../lib/data';
import { downloadPng, downloadSvg } from '../lib/download';
import { lazy, Suspense } from 'preact/compat';
import { href } from '../lib/route';
import type { ComponentChildren } from 'preact';

// The legend renders each rationale's Markdown (marked + DOMPurify): its own chunk, loaded once the radar is on screen.
const RadarLegend = lazy(() => import('./RadarLegend').then((m) => ({ default: m.RadarLegend })));

/**
 * The adoption radar: an edition picker with movement, quadrant zoom, search, a legend with rationale, print.
 * Without `radar` it shows the catalogue's (at #/radar); an organisation's radar page passes its own, its path and
 * what goes under the title.
 */
export function RadarPage({
  params,
  radar: given,
  path = '/radar',
  children,
}: {
  params: URLSearchParams;
  radar?: Radar;
  path?: string;
  children?: ComponentChildren;
}) {
  const [loaded, setRadar] = useState<Radar | null>(null);
  const radar = given ?? loaded;
  const [error, setError] = useState<string | null>(null);
  const host = useRef<HTMLDivElement>(null);
  // The legend (hundreds of rendered Markdown rationales) waits until the radar has been painted.
  const [showLegend, setShowLegend] = useState(false);
  // A layout effect: when the data is already there (the first view's request, web/public/first-view.js), the radar
  // renders in the same task as the page, with no "Loading" frame drawn before it.
  useLayoutEffect(() => {
    if (!given) loadRadar().then(setRadar, (e: Error) => setError(e.message));
  }, [given]);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    history.replaceState(null, '', href(path, next));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  };
  // The edition in the URL, else the latest.
  const found = radar ? radar.editions.findIndex((e) => e.date === params.get('edition')) : -1;
  const index = radar ? (found >= 0 ? found : radar.editions.length - 1) : 0;
  const q = (params.get('q') ?? '').trim().toLowerCase();
  const zoom = params.get('zoom') ?? '';

  const picture = useMemo(() => {
    if (!radar) return null;
    return radarPicture(radar, index);
  }, [radar, index]);

  useLayoutEffect(() => {
    if (!picture || !host.current) return;
    host.current.innerHTML = picture.svg;
    // Its Element Timing entry says when the radar was on screen (read by `npm run bench`).
    host.current.querySelector('svg text:last-of-type')?.setAttribute('elementtiming', 'radar-complete');
    performance.mark('mlnav:radar-rendered');
    requestAnimationFrame(() =>
      setTimeout(() => {
        performance.mark('mlnav:radar-painted');
        setShowLegend(true);
      }),
    );
  }, [picture]);

  // Search highlights; zoom narrows the view to one quarter.
  useLayoutEffect(() => {
    if (!picture || !radar || !host.current) return;
    const svg = host.current.querySelector('svg')!;
    const names = new Map(picture.states.map((s) => [s.id, s.name]));
    const open = params.get('blip');
    for (const g of svg.querySelectorAll<SVGGElement>('g.blip')) {
      const id = g.dataset.blipId!;
      const name = names.get(id);
      g.classList.toggle('dim', !!q && !name?.toLowerCase().includes(q));
      // Each blip is a control: focusable, and Enter or a click opens its rationale and history (set once per picture).
      if (!g.hasAttribute('role')) {
        g.setAttribute('tabindex', '0');
        g.setAttribute('role', 'button');
        g.setAttribute('aria-label', `${name ?? id}: details`);
      }
      g.classList.toggle('open', id === open);
    }
    const qi = radar.quadrants.findIndex((x) => x.id === zoom);
    const g = radarGeometry(picture.layout, legendLines(picture.layout, radar));
    // The element's width and height follow the view, so the browser keeps its aspect ratio.
    let view = [0, 0, g.width, g.height];
    if (qi >= 0) {
      const [sx, sy] = QUARTER_SIGNS[qi]!;
      view = [sx < 0 ? g.cx - g.R - 20 : g.cx - 20, sy < 0 ? g.cy - g.R - 40 : g.cy - 20, g.R + 40, g.R + 60];
    }
    svg.setAttribute('viewBox', view.join(' '));
    svg.setAttribute('width', String(view[2]));
    svg.setAttribute('height', String(view[3]));
  }, [picture, q, zoom, radar, params]);

  // One listener for every blip: a click or Enter on one opens it (its id in the URL, so it can be linked).
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const open = (target: EventTarget | null) => {
      const g = (target as Element | null)?.closest?.('g.blip') as SVGGElement | null;
      if (g?.dataset.blipId) set('blip', g.dataset.blipId);
    };
    const onClick = (e: MouseEvent) => open(e.target);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        open(e.target);
      }
    };
    el.addEventListener('click', onClick);
    el.addEventListener('keydown', onKey);
    return () => {
      el.removeEventListener('click', onClick);
      el.removeEventListener('keydown', onKey);
    };
  });

  if (error) return <p role="alert">Could not load the radar: {error}</p>;
  if (!radar || !picture) return <p aria-busy="true">Loading the radar…</p>;
  const ringName = new Map(radar.rings.map((r) => [r.id, r.name]));
  const quadrantName = new Map(radar.quadrants.map((x) => [x.id, x.name]));
  const number = new Map(picture.layout.blips.map((b) => [b.id, b.n]));
  // A link may name an edition or a quadrant this radar does not have: say what is shown instead.
  const askedEdition = params.get('edition');
  const zoomKnown = !zoom || quadrantName.has(zoom);
  // The legend follows the view: the zoomed quadrant only, and the search.
  const rows = [...picture.states]
    .sort((a, b) => number.get(a.id)! - number.get(b.id)!)
    .filter((s) => !q || s.name.toLowerCase().includes(q))
    .filter((s) => !zoom || !zoomKnown || s.quadrant === zoom);
  const opened = picture.states.find((s) => s.id === params.get('blip'));
  return (
    <section class="radar-page" aria-labelledby="radar-title">
      <h1 id="radar-title">{radar.title}</h1>
      {children}
      <div class="toolbar">
        <label class="filter inline">
          <span>Edition</span>
          <select value={radar.editions[index]!.date} onChange={(e) => set('edition', (e.currentTarget as HTMLSelectElement).value)}>
            {radar.editions.map((e) => (
              <option key={e.date} value={e.date}>
                {e.date}
              </option>
            ))}
          </select>
        </label>
        <label class="filter inline">
          <span>Find</span>
          <input
            type="search"
            value={params.get('q') ?? ''}
            onInput={(e) => set('q', (e.currentTarget as HTMLInputElement).value)}
            placeholder="Search the radar…"
          />
        </label>
        <div class="group" role="group" aria-label="Zoom on a quadrant">
          <button type="button" aria-pressed={!zoom || !zoomKnown} onClick={() => set('zoom', '')}>
            Whole radar
          </button>
          {radar.quadrants.map((x) => (
            <button type="button" key={x.id} aria-pressed={zoom === x.id} onClick={() => set('zoom', x.id)}>
              {x.name}
            </button>
          ))}
        </div>
        <div class="group" role="group" aria-label="Export picture">
          <button type="button" onClick={() => downloadSvg(picture.svg, 'mlops-radar')}>
            SVG
          </button>
          <button type="button" onClick={() => void downloadPng(picture.svg, 'mlops-radar', 1)}>
            PNG
          </button>
          <button type="button" onClick={() => window.print()}>
            Print
          </button>
        </div>
      </div>
      {askedEdition && found < 0 && (
        <p role="alert">
          No edition “{askedEdition}” in this radar: showing the latest, {radar.editions[index]!.date}.
        </p>
      )}
      {!zoomKnown && <p role="alert">No quadrant “{zoom}” in this radar: showing the whole radar.</p>}
      <div class="radar" ref={host} />
      {opened && (
        <aside class="blip-detail" aria-labelledby="blip-detail-h" data-blip-id={opened.id}>
          <h2 id="blip-detail-h">
            {number.get(opened.id)}. {opened.tool ? <a href={href(`/tools/${opened.tool}`)}>{opened.name}</a> : opened.name}
          </h2>
          <p>
            {ringName.get(opened.ring)} · {quadrantName.get(opened.quadrant)} · {opened.movement}
            {opened.history.length > 1 && <> · {opened.history.map((h) => `${h.date}: ${ringName.get(h.ring)}`).join(' → ')}</>}
          </p>
          {opened.rationale && <p class="rationale-text">{opened.rationale}</p>}
          <button type="button" class="link" onClick={() => set('blip', '')}>
            Close
          </button>
        </aside>
      )}
      {showLegend && (
        <Suspense fallback={<p aria-busy="true">Loading the legend…</p>}>
          <RadarLegend date={radar.editions[index]!.date} rows={rows} number={number} ringName={ringName} quadrantName={quadrantName} />
        </Suspense>
      )}
    </section>
  );
}
