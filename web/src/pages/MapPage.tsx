import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { renderLandscapeSvg } from '../../../src/core/render/landscape';
import type { WebCatalogue } from '../lib/data';
import { downloadPng, downloadSvg } from '../lib/download';
import { href } from '../lib/route';
import { prerenderedMapShown, removePrerenderedMap } from '../lib/prerendered';
import { ARROW_STEPS, nearestInDirection } from '../lib/map-keys';

type WebTool = WebCatalogue['tools'][number];

interface Props {
  cat: WebCatalogue;
  shown: WebTool[];
  params: URLSearchParams;
}

interface Card {
  tool: WebTool;
  left: number;
  top: number;
}

/**
 * The landscape: the same pure SVG renderer as the CLI, made interactive. Filtering hides markers
 * instead of re-laying out, so a keystroke only flips classes.
 */
/** The map's subtitle: how many tools it shows, of how many when filtered. */
export const countLine = (shown: number, total: number) =>
  shown === total ? `${total} tools · placement computed from capabilities` : `${shown} of ${total} tools shown · placement computed from capabilities`;

export function MapPage({ cat, shown, params }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const [card, setCard] = useState<Card | null>(null);
  const [view, setView] = useState<[number, number, number, number]>([0, 0, cat.map.width, cat.map.height]);
  // A diagonal the taxonomy does not have (a stale link) is named in an alert and not applied: applying it
  // would dim every tool.
  const asked = params.get('diagonal') ?? '';
  const diagonal = cat.taxonomy.diagonals.some((d) => d.id === asked) ? asked : '';
  const svg = useMemo(() => renderLandscapeSvg(cat.map, { interactive: true }), [cat]);
  const byId = useMemo(() => new Map(cat.tools.map((t) => [t.id, t])), [cat]);
  const shownIds = useMemo(() => new Set(shown.map((t) => t.id)), [shown]);

  // Layout effects run before the browser paints: the map and its filtered state appear in one frame.
  useLayoutEffect(() => {
    const hadPicture = prerenderedMapShown();
    host.current!.innerHTML = svg;
    removePrerenderedMap();
    // The first frame with the interactive map (and the first with any map, when the page did not come
    // with its picture): benchmarks read these marks.
    requestAnimationFrame(() =>
      setTimeout(() => {
        performance.mark('mlnav:map-interactive');
        if (!hadPicture) performance.mark('mlnav:map-painted');
      }),
    );
  }, [svg]);

  // The picture's count follows the filters, on screen and in exports.
  useLayoutEffect(() => {
    const sub = host.current?.querySelector('svg text.subtitle');
    if (sub) sub.textContent = countLine(shown.length, cat.tools.length);
  }, [svg, shown.length, cat.tools.length]);

  // Filters and diagonal overlays: set classes on the marker groups, touching only those that change
  // (a keystroke usually changes few, and every class write costs a style recalculation).
  // A new map for each new picture: its markers are other elements.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- svg is the reason to start a new map, though the map does not read it
  const marks = useMemo(() => new Map<string, { g: SVGGElement; cls: string }>(), [svg]);
  /** The one marker in the tab order (roving tabindex); it moves with the arrow keys and off hidden markers. */
  const current = useRef<string | null>(null);
  const positions = useMemo(() => new Map(cat.map.marks.map((m) => [m.id, { id: m.id, cx: m.cx, cy: m.cy }])), [cat]);
  const makeCurrent = useCallback(
    (id: string | null) => {
      if (current.current === id) return;
      if (current.current) marks.get(current.current)?.g.setAttribute('tabindex', '-1');
      if (id) marks.get(id)?.g.setAttribute('tabindex', '0');
      current.current = id;
    },
    [marks],
  );
  useLayoutEffect(() => {
    const root = host.current!.querySelector('svg')!;
    if (!marks.size) {
      for (const g of root.querySelectorAll<SVGGElement>('g.mark')) marks.set(g.dataset.toolId!, { g, cls: '' });
      current.current = null; // a new picture: all its markers start out of the tab order
    }
    const on = diagonal ? new Set(cat.diagonals[diagonal] ?? []) : undefined;
    for (const [id, m] of marks) {
      const cls = !shownIds.has(id) ? 'off' : on ? (on.has(id) ? 'on-diagonal' : 'dim') : '';
      if (cls === m.cls) continue;
      if (m.cls) m.g.classList.remove(m.cls);
      if (cls) m.g.classList.add(cls);
      m.cls = cls;
    }
    if (!current.current || !shownIds.has(current.current)) makeCurrent([...marks.keys()].find((id) => shownIds.has(id)) ?? null);
    root.querySelector('#diagonal-line')?.remove();
    const d = cat.taxonomy.diagonals.find((x) => x.id === diagonal);
    if (d) {
      const { plot } = cat.map;
      const sx = (v: number) => plot.x + ((v + 1.08) / 2.16) * plot.w;
      const sy = (v: number) => plot.y + ((1.08 - v) / 2.16) * plot.h;
      const line = document.createElementNS('http://www.w3.org/2000/svg', 'line');
      line.id = 'diagonal-line';
      for (const [k, v] of [
        ['x1', sx(d.from[0])],
        ['y1', sy(d.from[1])],
        ['x2', sx(d.to[0])],
        ['y2', sy(d.to[1])],
      ] as const)
        line.setAttribute(k, String(v));
      line.setAttribute('class', 'diagonal-line');
      // Under the markers: before the top-level group that holds the first of them (insertBefore needs a child of root).
      let markers: Node | null = root.querySelector('g.mark');
      while (markers && markers.parentNode !== root) markers = markers.parentNode;
      root.insertBefore(line, markers);
    }
  }, [svg, shownIds, diagonal, cat, marks, makeCurrent]);

  useLayoutEffect(() => {
    host.current!.querySelector('svg')!.setAttribute('viewBox', view.join(' '));
  }, [view, svg]);

  const markOf = (e: Event) => (e.target as Element).closest?.('g.mark') as SVGGElement | null;
  const showCard = (g: SVGGElement) => {
    const tool = byId.get(g.dataset.toolId!);
    if (!tool) return;
    const box = g.getBoundingClientRect();
    const outer = host.current!.getBoundingClientRect();
    // To the right of the marker, or to its left when that would run off the screen (the card is at most 320 px).
    const CARD = 328;
    const right = box.right + 8 + CARD <= document.documentElement.clientWidth;
    setCard({ tool, left: right ? box.right - outer.left + 8 : Math.max(0, box.left - outer.left - CARD), top: box.top - outer.top });
  };
  const zoom = (factor: number, cx = view[0] + view[2] / 2, cy = view[1] + view[3] / 2) => {
    const w = Math.min(cat.map.width, Math.max(cat.map.width / 12, view[2] * factor));
    const h = (w / cat.map.width) * cat.map.height;
    setView([cx - ((cx - view[0]) * w) / view[2], cy - ((cy - view[1]) * h) / view[3], w, h]);
  };
  /** Where a pan started, and whether the pointer moved far enough to count as a drag, not a click. */
  const start = useRef<{ x: number; y: number; view: typeof view } | null>(null);
  const dragged = useRef(false);

  return (
    <section class="map-page" aria-label="Landscape map">
      <MapToolbar
        diagonals={cat.taxonomy.diagonals}
        diagonal={diagonal}
        params={params}
        onZoom={zoom}
        onReset={() => setView([0, 0, cat.map.width, cat.map.height])}
        onExport={(as) => {
          const picture = renderLandscapeSvg({
            ...cat.map,
            marks: cat.map.marks.filter((m) => shownIds.has(m.id)),
            options: { ...cat.map.options, subtitle: countLine(shown.length, cat.tools.length) },
          });
          if (as === 'svg') downloadSvg(picture, 'mlops-landscape');
          else void downloadPng(picture, 'mlops-landscape');
        }}
      />
      {asked && !diagonal && (
        <p role="alert" class="note">
          No diagonal “{asked}”: none is shown.
        </p>
      )}
      {diagonal && (
        <p class="note">
          {cat.taxonomy.diagonals.find((d) => d.id === diagonal)?.description} <strong>{cat.diagonals[diagonal]?.length ?? 0}</strong> tools on it are
          highlighted.
        </p>
      )}
      <div
        class="map"
        ref={host}
        onMouseOver={(e) => {
          const g = markOf(e);
          if (g) showCard(g);
        }}
        onMouseLeave={() => setCard(null)}
        onFocusIn={(e) => {
          const g = markOf(e);
          if (!g) return;
          makeCurrent(g.dataset.toolId!); // the marker last focused is the one Tab comes back to
          showCard(g);
        }}
        onClick={(e) => {
          const g = markOf(e);
          if (g && !dragged.current) location.hash = href(`/tools/${g.dataset.toolId}`);
        }}
        onKeyDown={(e) => {
          const g = markOf(e);
          if (!g) return;
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            location.hash = href(`/tools/${g.dataset.toolId}`);
            return;
          }
          const step = ARROW_STEPS[e.key];
          const from = positions.get(g.dataset.toolId!);
          if (!step || !from) return;
          e.preventDefault();
          const shownPoints = [...shownIds].map((id) => positions.get(id)!).filter(Boolean);
          const next = nearestInDirection(from, shownPoints, step);
          if (!next) return;
          makeCurrent(next.id);
          marks.get(next.id)?.g.focus();
        }}
        aria-describedby="map-keys"
        onWheel={(e) => {
          // The wheel zooms only a map being used (focus inside it) or with Ctrl/⌘; otherwise the page scrolls.
          if (!(e.ctrlKey || e.metaKey || host.current!.contains(document.activeElement))) return;
          e.preventDefault();
          const rect = host.current!.getBoundingClientRect();
          const cx = view[0] + ((e.clientX - rect.left) / rect.width) * view[2];
          const cy = view[1] + ((e.clientY - rect.top) / rect.height) * view[3];
          zoom(e.deltaY > 0 ? 1.15 : 1 / 1.15, cx, cy);
        }}
        onPointerDown={(e) => {
          dragged.current = false;
          if (e.button === 0 && view[2] < cat.map.width) start.current = { x: e.clientX, y: e.clientY, view };
        }}
        onPointerMove={(e) => {
          const s = start.current;
          if (!s || !(e.buttons & 1)) return;
          const rect = host.current!.getBoundingClientRect();
          const dx = ((e.clientX - s.x) / rect.width) * s.view[2];
          const dy = ((e.clientY - s.y) / rect.height) * s.view[3];
          if (Math.abs(e.clientX - s.x) + Math.abs(e.clientY - s.y) > 3) dragged.current = true;
          setView([s.view[0] - dx, s.view[1] - dy, s.view[2], s.view[3]]);
        }}
        onPointerUp={() => {
          start.current = null;
        }}
      />
      <p id="map-keys" class="sr-only">
        Tab reaches one tool on the map; the arrow keys move to the nearest tool in that direction; Enter opens it.
      </p>
      {card && (
        <div class="hover-card" role="tooltip" style={{ left: `${card.left}px`, top: `${card.top}px` }}>
          <strong>{card.tool.name}</strong>
          <span class="muted">
            {cat.taxonomy.quadrants.find((q) => q.id === card.tool.quadrant)?.name ?? card.tool.quadrant} · x {card.tool.x.toFixed(2)}, y{' '}
            {card.tool.y.toFixed(2)}
          </span>
          <span>{card.tool.description}</span>
          <span class="muted">
            {card.tool.license}
            {card.tool.openSource ? ' · open source' : ''} · {card.tool.status}
          </span>
        </div>
      )}
    </section>
  );
}

interface ToolbarProps {
  /** Absent while the catalogue loads: the controls are drawn, disabled, so nothing moves when they come alive. */
  diagonals?: WebCatalogue['taxonomy']['diagonals'];
  diagonal: string;
  params: URLSearchParams;
  onZoom?: (factor: number) => void;
  onReset?: () => void;
  onExport?: (as: 'svg' | 'png') => void;
}

function MapToolbar({ diagonals, diagonal, params, onZoom, onReset, onExport }: ToolbarProps) {
  const off = !diagonals;
  return (
    <div class="toolbar">
      <div class="group" role="group" aria-label="Zoom">
        <button type="button" disabled={off} onClick={() => onZoom?.(0.7)} aria-label="Zoom in">
          +
        </button>
        <button type="button" disabled={off} onClick={() => onZoom?.(1 / 0.7)} aria-label="Zoom out">
          −
        </button>
        <button type="button" disabled={off} onClick={() => onReset?.()}>
          Reset
        </button>
      </div>
      <label class="filter inline">
        <span>Diagonal</span>
        <select
          value={diagonal}
          disabled={off}
          onChange={(e) => {
            const next = new URLSearchParams(params);
            const v = (e.currentTarget as HTMLSelectElement).value;
            if (v) next.set('diagonal', v);
            else next.delete('diagonal');
            location.hash = href('/', next);
          }}
        >
          <option value="">None</option>
          {(diagonals ?? []).map((d) => (
            <option value={d.id} key={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <div class="group" role="group" aria-label="Export picture">
        <button type="button" disabled={off} onClick={() => onExport?.('svg')}>
          SVG
        </button>
        <button type="button" disabled={off} onClick={() => onExport?.('png')}>
          PNG
        </button>
      </div>
    </div>
  );
}

/**
 * The map view while the catalogue loads: disabled controls above the page's own picture of the map, which
 * sits just below the app (see lib/prerendered.ts), so nothing moves when the interactive map replaces it.
 */
export function MapPlaceholder({ params }: { params: URLSearchParams }) {
  return (
    <section class="map-page" aria-label="Landscape map" aria-busy="true">
      <MapToolbar diagonal={params.get('diagonal') ?? ''} params={params} />
      {!prerenderedMapShown() && <p>Loading the catalogue…</p>}
    </section>
  );
}
