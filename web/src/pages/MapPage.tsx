import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { levelCss, renderLandscapeSvg } from '../../../src/core/render/landscape';
import { levelFor, pxPerUnitFor } from '../../../src/core/render/levels';
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

/** The levels' style sheet, adopted once (the content security policy allows styles only through the CSSOM). */
let adoptedLevels: string | undefined;
function adoptLevelCss(css: string): void {
  if (adoptedLevels === css) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets.filter((s) => !levelSheets.has(s)), sheet];
  levelSheets.add(sheet);
  adoptedLevels = css;
}
const levelSheets = new WeakSet<CSSStyleSheet>();

export function MapPage({ cat, shown, params }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const [card, setCard] = useState<Card | null>(null);
  const [view, setView] = useState<[number, number, number, number]>([0, 0, cat.map.width, cat.map.height]);
  // A diagonal the taxonomy does not have (a stale link) is named in an alert and not applied: applying it
  // would dim every tool.
  const asked = params.get('diagonal') ?? '';
  const diagonal = cat.taxonomy.diagonals.some((d) => d.id === asked) ? asked : '';
  const svg = useMemo(() => renderLandscapeSvg(cat.map, { interactive: true, levels: true }), [cat]);
  const lod = cat.map.levels;
  /** The picture's width on screen in CSS pixels (with the viewBox, it decides the level of detail). */
  const [pxWidth, setPxWidth] = useState(0);
  /** The level shown, as set on the picture's root. */
  const level = useRef(-1);
  const openOf = useMemo(() => new Map(cat.map.marks.map((m, i) => [m.id, lod?.marks[i]?.open ?? 0])), [cat, lod]);
  const focusId = params.get('focus') ?? '';
  const byId = useMemo(() => new Map(cat.tools.map((t) => [t.id, t])), [cat]);
  const shownIds = useMemo(() => new Set(shown.map((t) => t.id)), [shown]);

  // Layout effects run before the browser paints: the map and its filtered state appear in one frame.
  useLayoutEffect(() => {
    const hadPicture = prerenderedMapShown();
    if (lod) adoptLevelCss(levelCss(lod));
    host.current!.innerHTML = svg;
    removePrerenderedMap();
    level.current = -1;
    setPxWidth(host.current!.querySelector('svg')!.getBoundingClientRect().width);
    // The first frame with the interactive map (and the first with any map, when the page did not come
    // with its picture): benchmarks read these marks.
    requestAnimationFrame(() =>
      setTimeout(() => {
        performance.mark('mlnav:map-interactive');
        if (!hadPicture) performance.mark('mlnav:map-painted');
      }),
    );
  }, [svg, lod]);

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

  useEffect(() => {
    const ro = new ResizeObserver(() => {
      const w = host.current?.querySelector('svg')?.getBoundingClientRect().width;
      if (w) setPxWidth(w);
    });
    ro.observe(host.current!);
    return () => ro.disconnect();
  }, []);

  // The clusters count the tools the filters show (a cluster with none of them is hidden). Counting is cheap; writing
  // the counts into the picture is not, so only the clusters of the level on screen are written, the others when
  // their level comes.
  const clusterEls = useMemo(() => new Map<number, { g: SVGGElement; n: number }>(), [svg]); // eslint-disable-line react-hooks/exhaustive-deps -- a new picture, new elements
  const clusterCounts = useRef<number[] | null>(null);
  const shownRef = useRef(shownIds);
  shownRef.current = shownIds;
  const writeCounts = (at: number) => {
    const counts = clusterCounts.current;
    if (!lod || !counts || at < 0) return;
    if (!clusterEls.size)
      for (const g of host.current!.querySelectorAll<SVGGElement>('g.cluster')) {
        const i = Number(g.dataset.cluster);
        clusterEls.set(i, { g, n: lod.clusters[i]!.n });
      }
    for (const [i, el] of clusterEls) {
      const n = counts[i]!;
      const c = lod.clusters[i]!;
      if (n === el.n || c.from > at || c.to < at) continue;
      el.g.querySelector('text')!.textContent = String(n);
      el.g.setAttribute('aria-label', `${n} tools`);
      el.g.classList.toggle('off', n === 0);
      el.n = n;
    }
  };

  // The viewBox, and the level of detail for the screen scale: one attribute on the root, CSS does the rest.
  useLayoutEffect(() => {
    const root = host.current!.querySelector('svg')!;
    root.setAttribute('viewBox', view.join(' '));
    host.current!.classList.toggle('zoomed', view[2] < cat.map.width);
    if (!lod || !pxWidth) return;
    const next = levelFor(lod.fonts, pxWidth / view[2]);
    if (next === level.current) return;
    level.current = next;
    root.setAttribute('data-lod', String(next));
    writeCounts(next);
    // The marker in the tab order must be one shown at this level.
    const cur = current.current;
    const shown = shownRef.current;
    if (cur && (openOf.get(cur) ?? 0) > next) makeCurrent([...marks.keys()].find((id) => shown.has(id) && (openOf.get(id) ?? 0) <= next) ?? null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- writeCounts reads refs only; a keystroke must not touch the viewBox
  }, [view, svg, pxWidth, lod, cat, openOf, marks, makeCurrent]);

  useLayoutEffect(() => {
    if (!lod) return;
    const counts = new Array<number>(lod.clusters.length).fill(0);
    cat.map.marks.forEach((m, i) => {
      if (!shownIds.has(m.id)) return;
      for (let c = lod.marks[i]!.cluster; c >= 0; c = lod.clusters[c]!.parent) counts[c]!++;
    });
    clusterCounts.current = counts;
    writeCounts(level.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- writeCounts reads refs only
  }, [svg, shownIds, lod, cat, clusterEls]);

  const markOf = (e: Event) => (e.target as Element).closest?.('g.mark') as SVGGElement | null;
  const clusterOf = (e: Event) => (e.target as Element).closest?.('g.cluster') as SVGGElement | null;

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
  /** The narrowest view: 12 times the whole picture, or deeper on a small screen until its finest level shows. */
  const minWidth = () => Math.min(cat.map.width / 12, lod && pxWidth ? pxWidth / pxPerUnitFor(lod.fonts, lod.fonts.length - 1) : Infinity);
  const clampWidth = (w: number) => Math.min(cat.map.width, Math.max(minWidth(), w));
  /** A view `w` wide (clamped) that keeps the picture point (px, py) at fraction (fx, fy) of the screen. */
  const viewAt = (w0: number, px: number, py: number, fx = 0.5, fy = 0.5): typeof view => {
    const w = clampWidth(w0);
    const h = (w / cat.map.width) * cat.map.height;
    return [px - fx * w, py - fy * h, w, h];
  };
  /** The same view moved back inside the picture, so no blank margin shows beyond its edges. */
  const inside = ([x, y, w, h]: typeof view): typeof view => [Math.max(0, Math.min(cat.map.width - w, x)), Math.max(0, Math.min(cat.map.height - h, y)), w, h];
  const zoom = (factor: number, cx = view[0] + view[2] / 2, cy = view[1] + view[3] / 2) =>
    setView(viewAt(view[2] * factor, cx, cy, (cx - view[0]) / view[2], (cy - view[1]) / view[3]));
  /** The view width at which `target` is the level shown (or a finer one). */
  const widthForLevel = (target: number) => (lod && pxWidth ? (pxWidth / pxPerUnitFor(lod.fonts, target)) * 0.98 : cat.map.width / 4);
  /** Clicking a cluster zooms to its markers, at least far enough that it opens and one of their labels shows. */
  const openCluster = (i: number) => {
    const c = lod?.clusters[i];
    if (!c || !lod) return;
    // The levels at which its (shown) members have their label.
    const labelled: number[] = [];
    lod.marks.forEach((m, j) => {
      let k = m.cluster;
      while (k >= 0 && k !== i) k = lod.clusters[k]!.parent;
      if (k === i && m.label >= 0 && shownIds.has(cat.map.marks[j]!.id)) labelled.push(Math.max(m.open, m.label));
    });
    labelled.sort((a, b) => a - b);
    // Its whole extent, but at least close enough that it opens with one label shown, and no closer than where
    // half of them show (a small dense cluster would otherwise fill the screen with a few markers).
    const opens = widthForLevel(Math.max(c.to + 1, labelled[0] ?? 0));
    const half = widthForLevel(Math.max(c.to + 1, labelled[(labelled.length - 1) >> 1] ?? 0));
    const fit = Math.max(c.extent.w, (c.extent.h * cat.map.width) / cat.map.height) * 1.25;
    setView(inside(viewAt(Math.min(opens, Math.max(fit, half)), c.extent.x + c.extent.w / 2, c.extent.y + c.extent.h / 2)));
  };

  // `#/?focus=<id>` (the tool page's "Show on the map"): the view centres on that marker at a level where its
  // label shows; the marker is highlighted and takes the keyboard focus.
  useLayoutEffect(() => {
    const i = cat.map.marks.findIndex((m) => m.id === focusId);
    const g = marks.get(focusId)?.g;
    if (i < 0 || !g || !pxWidth) return;
    const m = cat.map.marks[i]!;
    const lv = lod?.marks[i];
    const target = lv ? (lv.label >= 0 ? Math.max(lv.open, lv.label) : lod!.fonts.length - 1) : 0;
    setView(viewAt(widthForLevel(target), m.cx, m.cy));
    g.classList.add('focus');
    makeCurrent(focusId);
    requestAnimationFrame(() => {
      quietFocus.current = true; // no hover card over the marker just brought into view
      g.focus();
      quietFocus.current = false;
    });
    return () => g.classList.remove('focus');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per picture and asked tool (and once the picture's width is known), not on every view
  }, [focusId, svg, marks, pxWidth > 0]);
  /** Where a pan started, and whether the pointer moved far enough to count as a drag, not a click. */
  const start = useRef<{ x: number; y: number; view: typeof view } | null>(null);
  const dragged = useRef(false);
  const quietFocus = useRef(false);
  /** The touching pointers, and the pinch they started (distance, midpoint and view at its start). */
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const pinch = useRef<{ d: number; x: number; y: number; view: typeof view } | null>(null);
  // Two fingers on the map pinch it, never the page (touch-action cannot change in the middle of a touch).
  useEffect(() => {
    const el = host.current!;
    const two = (e: TouchEvent) => {
      if (e.touches.length >= 2) e.preventDefault();
    };
    el.addEventListener('touchmove', two, { passive: false });
    return () => el.removeEventListener('touchmove', two);
  }, []);
  const startPinch = () => {
    const [a, b] = [...pointers.current.values()];
    if (!a || !b) return;
    pinch.current = { d: Math.hypot(a.x - b.x, a.y - b.y) || 1, x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, view };
    start.current = null;
    dragged.current = true;
  };

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
          if (!quietFocus.current) showCard(g);
        }}
        onClick={(e) => {
          if (dragged.current) return;
          const c = clusterOf(e);
          if (c) return openCluster(Number(c.dataset.cluster));
          const g = markOf(e);
          if (g) location.hash = href(`/tools/${g.dataset.toolId}`);
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
          // The markers on screen at this level (those inside a cluster show once it opens: zoom in, or search).
          const lv = Math.max(0, level.current);
          const shownPoints = [...shownIds]
            .filter((id) => (openOf.get(id) ?? 0) <= lv)
            .map((id) => positions.get(id)!)
            .filter(Boolean);
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
          if (e.pointerType === 'touch') {
            pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
            if (pointers.current.size === 2) return startPinch();
          }
          dragged.current = false;
          if (e.button === 0 && view[2] < cat.map.width) start.current = { x: e.clientX, y: e.clientY, view };
        }}
        onPointerMove={(e) => {
          if (pointers.current.has(e.pointerId)) pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
          const p = pinch.current;
          if (p && pointers.current.size >= 2) {
            const [a, b] = [...pointers.current.values()] as [{ x: number; y: number }, { x: number; y: number }];
            const rect = host.current!.getBoundingClientRect();
            // The picture point under the fingers' first midpoint stays under their midpoint.
            const px = p.view[0] + ((p.x - rect.left) / rect.width) * p.view[2];
            const py = p.view[1] + ((p.y - rect.top) / rect.height) * p.view[3];
            const mx = (a.x + b.x) / 2,
              my = (a.y + b.y) / 2;
            setView(viewAt((p.view[2] * p.d) / (Math.hypot(a.x - b.x, a.y - b.y) || 1), px, py, (mx - rect.left) / rect.width, (my - rect.top) / rect.height));
            return;
          }
          const s = start.current;
          if (!s || !(e.buttons & 1)) return;
          const rect = host.current!.getBoundingClientRect();
          const dx = ((e.clientX - s.x) / rect.width) * s.view[2];
          const dy = ((e.clientY - s.y) / rect.height) * s.view[3];
          if (Math.abs(e.clientX - s.x) + Math.abs(e.clientY - s.y) > 3) dragged.current = true;
          setView([s.view[0] - dx, s.view[1] - dy, s.view[2], s.view[3]]);
        }}
        onPointerUp={(e) => {
          pointers.current.delete(e.pointerId);
          if (pointers.current.size < 2) pinch.current = null;
          start.current = null;
        }}
        onPointerCancel={(e) => {
          pointers.current.delete(e.pointerId);
          if (pointers.current.size < 2) pinch.current = null;
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
