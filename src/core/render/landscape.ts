import { forceCollide, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import type { QuadrantId } from '../taxonomy/schema.js';
import { placeLabels, type Box } from './label-layout.js';
import { clusterRadiusEm, computeLevels, MARK_R_EM, SPOTS, spotBaseline, type LandscapeLevels } from './levels.js';
import { escapeXml, textWidth } from './text-metrics.js';

export interface LandscapePoint {
  id: string;
  name: string;
  x: number;
  y: number;
  quadrant: QuadrantId;
  retired?: boolean;
}

export interface LandscapeOptions {
  width?: number;
  height?: number;
  title?: string;
  subtitle?: string;
  /** Ids drawn emphasised; when non-empty the others are muted. */
  highlight?: ReadonlySet<string>;
  axisLabels?: { left: string; right: string; top: string; bottom: string };
  /** The taxonomy's quadrants: which corner each takes follows from its signs. */
  quadrants: readonly QuadrantSpec[];
  fontSize?: number;
}

export interface QuadrantSpec {
  id: QuadrantId;
  name: string;
  x: 'negative' | 'positive';
  y: 'negative' | 'positive';
}

/** Corners clockwise from the top left, as the essay draws its quadrants. */
export type Corner = 'top-left' | 'top-right' | 'bottom-right' | 'bottom-left';
const CORNERS: readonly Corner[] = ['top-left', 'top-right', 'bottom-right', 'bottom-left'];
export const cornerOf = (q: Pick<QuadrantSpec, 'x' | 'y'>): Corner =>
  q.y === 'positive' ? (q.x === 'negative' ? 'top-left' : 'top-right') : q.x === 'negative' ? 'bottom-left' : 'bottom-right';

export const CORNER_COLORS: Record<Corner, { fill: string; mark: string }> = {
  'top-left': { fill: '#eef4fb', mark: '#2f6db5' },
  'top-right': { fill: '#f2effa', mark: '#6b4fb3' },
  'bottom-right': { fill: '#fdf1ea', mark: '#c2571a' },
  'bottom-left': { fill: '#edf7ef', mark: '#2e8a4a' },
};

/** Each quadrant's colours, by id. */
export function quadrantColors(quadrants: readonly QuadrantSpec[]): Map<QuadrantId, { fill: string; mark: string }> {
  return new Map(quadrants.map((q) => [q.id, CORNER_COLORS[cornerOf(q)]]));
}

type PlacedQuadrant = QuadrantSpec & { corner: Corner };

export interface LandscapeMark {
  id: string;
  name: string;
  quadrant: QuadrantId;
  /** Marker centre in pixels (after nudging markers apart). */
  cx: number;
  cy: number;
  r: number;
  label: Box;
  leader: boolean;
  labelFree: boolean;
  highlighted: boolean;
  retired: boolean;
}

export interface LandscapeLayout {
  width: number;
  height: number;
  plot: Box;
  marks: LandscapeMark[];
  /** Levels of detail for the interactive map (levels.ts): per marker in `levels.marks`, in the order of `marks`. */
  levels?: LandscapeLevels;
  options: Required<Omit<LandscapeOptions, 'highlight' | 'subtitle' | 'quadrants'>> & Pick<LandscapeOptions, 'subtitle'> & { quadrants: PlacedQuadrant[] };
}

/** Computes where every marker and label goes. Pure and deterministic. */
export function layoutLandscape(points: readonly LandscapePoint[], opts: LandscapeOptions): LandscapeLayout {
  const width = opts.width ?? 1800;
  const height = opts.height ?? 1250;
  const fontSize = opts.fontSize ?? 11;
  const options = {
    width,
    height,
    fontSize,
    title: opts.title ?? 'The MLOps landscape',
    subtitle: opts.subtitle,
    axisLabels: opts.axisLabels ?? { left: 'Software-focused', right: 'Model-focused', top: 'All-in-one', bottom: 'Piecemeal' },
    quadrants: CORNERS.map((c) => opts.quadrants.find((q) => cornerOf(q) === c))
      .filter((q): q is QuadrantSpec => !!q)
      .map((q) => ({ ...q, corner: cornerOf(q) })),
  };
  const plot: Box = { x: 70, y: 80, w: width - 140, h: height - 150 };
  const sx = (v: number) => toPixel({ plot }, v, 0).px;
  const sy = (v: number) => toPixel({ plot }, 0, v).py;
  const r = 4;

  // Tools with the same capabilities share a position: nudge markers apart for display only.
  type Node = SimulationNodeDatum & { i: number; tx: number; ty: number };
  const nodes: Node[] = points.map((p, i) => ({ i, tx: sx(p.x), ty: sy(p.y), x: sx(p.x) + ((i * 7919) % 11) - 5, y: sy(p.y) + ((i * 104729) % 11) - 5 }));
  if (nodes.length <= FORCE_LAYOUT_MAX) {
    const sim = forceSimulation(nodes)
      .force('x', forceX<Node>((d) => d.tx).strength(0.3))
      .force('y', forceY<Node>((d) => d.ty).strength(0.3))
      .force('collide', forceCollide<Node>(r + 2.5).iterations(3))
      .stop();
    for (let i = 0; i < 160; i++) sim.tick();
  } else spreadShared(nodes, r + 2.5);

  const highlight = opts.highlight ?? new Set<string>();
  // The quadrant names and the axis labels are obstacles for tool labels.
  const obstacles = [...quadrantNameBoxes(plot, options.quadrants, fontSize).values()];
  const crowd = crowding(nodes);
  const order = nodes
    .map((n) => n.i)
    .sort(
      (a, b) =>
        Number(highlight.has(points[b]!.id)) - Number(highlight.has(points[a]!.id)) || crowd[b]! - crowd[a]! || points[a]!.id.localeCompare(points[b]!.id),
    );
  const h = fontSize + 2;
  const labels = placeLabels(
    order.map((i) => ({ id: points[i]!.id, x: nodes[i]!.x!, y: nodes[i]!.y!, w: textWidth(points[i]!.name, fontSize), h })),
    nodes.map((n) => ({ x: n.x!, y: n.y!, r })),
    { x: plot.x + 2, y: plot.y + 2, w: plot.w - 4, h: plot.h - 4 },
    obstacles,
  );
  const byId = new Map(labels.map((l) => [l.id, l]));
  const marks = points.map((p, i) => {
    const l = byId.get(p.id)!;
    return {
      id: p.id,
      name: p.name,
      quadrant: p.quadrant,
      cx: round(nodes[i]!.x!),
      cy: round(nodes[i]!.y!),
      r,
      label: l.box,
      leader: l.leader,
      labelFree: l.free,
      highlighted: highlight.has(p.id),
      retired: !!p.retired,
    };
  });
  // The axis labels drawn inside the plot are obstacles too, for the levels' labels.
  const axisBoxes = [
    { x: plot.x, y: plot.y + plot.h / 2 + fontSize * 0.6, w: textWidth(options.axisLabels.left, fontSize * 1.15) * 1.1, h: fontSize * 1.6 },
    {
      x: plot.x + plot.w - textWidth(options.axisLabels.right, fontSize * 1.15) * 1.1,
      y: plot.y + plot.h / 2 + fontSize * 0.6,
      w: textWidth(options.axisLabels.right, fontSize * 1.15) * 1.1,
      h: fontSize * 1.6,
    },
  ];
  const levels = computeLevels(
    marks.map((m) => ({ x: m.cx, y: m.cy, name: m.name, first: m.highlighted, last: m.retired })),
    { x: plot.x + 2, y: plot.y + 2, w: plot.w - 4, h: plot.h - 4 },
    [...obstacles, ...axisBoxes],
  );
  return { width, height, plot, marks, levels, options };
}

/** Labels of crowded markers are placed first, while there is still room near them. */
/**
 * Above this many markers the collision simulation is replaced by spreadShared: with thousands of
 * markers on few positions, d3-force's collision pass grows with the square of a crowd (a 10,000-tool
 * catalogue took over a minute to lay out).
 */
export const FORCE_LAYOUT_MAX = 2000;

/** Markers on the same pixel fan out on a sunflower spiral around it (linear time, deterministic). */
function spreadShared(nodes: Array<SimulationNodeDatum & { tx: number; ty: number }>, spacing: number): void {
  const seen = new Map<string, number>();
  const golden = Math.PI * (3 - Math.sqrt(5));
  for (const n of nodes) {
    const key = `${Math.round(n.tx)},${Math.round(n.ty)}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    const radius = spacing * Math.sqrt(k);
    n.x = n.tx + radius * Math.cos(k * golden);
    n.y = n.ty + radius * Math.sin(k * golden);
  }
}

/**
 * For every node, how many nodes (itself included) lie within 60 px across and 30 px down: counted
 * through a grid of 60 x 30 cells, so each node looks at its nine cells only (linear, not quadratic).
 */
function crowding(nodes: ReadonlyArray<SimulationNodeDatum>): number[] {
  const W = 60;
  const H = 30;
  const grid = new Map<string, number[]>();
  const cell = (x: number, y: number) => `${Math.floor(x / W)},${Math.floor(y / H)}`;
  nodes.forEach((n, i) => {
    const k = cell(n.x!, n.y!);
    const list = grid.get(k);
    if (list) list.push(i);
    else grid.set(k, [i]);
  });
  // Past FORCE_LAYOUT_MAX the markers crowd a few cells by the thousand and the exact count grows with the
  // square of a cell: the markers in the 3 x 3 cells around stand in for it (it only orders label placement).
  if (nodes.length > FORCE_LAYOUT_MAX)
    return nodes.map((a) => {
      const cx = Math.floor(a.x! / W);
      const cy = Math.floor(a.y! / H);
      let n = 0;
      for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) n += grid.get(`${cx + dx},${cy + dy}`)?.length ?? 0;
      return n;
    });
  return nodes.map((a) => {
    const cx = Math.floor(a.x! / W);
    const cy = Math.floor(a.y! / H);
    let n = 0;
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const j of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
          const b = nodes[j]!;
          if (Math.abs(b.x! - a.x!) < W && Math.abs(b.y! - a.y!) < H) n++;
        }
    return n;
  });
}

function quadrantNameBoxes(plot: Box, quadrants: readonly PlacedQuadrant[], fontSize: number): Map<Corner, Box> {
  const fs = fontSize * 1.6;
  const h = fs + 4;
  // Bold capitals run about 10% wider than the regular metrics, plus the letter-spacing.
  const w = (s: string) => textWidth(s.toUpperCase(), fs) * 1.1 + s.length * 0.5;
  const out = new Map<Corner, Box>();
  for (const q of quadrants) {
    const qw = w(q.name);
    const left = q.corner === 'top-left' || q.corner === 'bottom-left';
    const top = q.corner === 'top-left' || q.corner === 'top-right';
    out.set(q.corner, { x: left ? plot.x + 8 : plot.x + plot.w - 8 - qw, y: top ? plot.y + 6 : plot.y + plot.h - 6 - h, w: qw, h });
  }
  return out;
}

const round = (v: number) => Math.round(v * 10) / 10;

export interface Footprint {
  label: string;
  /** Landscape coordinates ([-1, 1] on both axes), e.g. a team's hull; one point draws a dot. */
  points: Array<{ x: number; y: number }>;
  centroid: { x: number; y: number } | null;
  color: string;
}

export interface RenderOptions {
  /** For the web app: markers become focusable links with an accessible name. */
  interactive?: boolean;
  /** Shapes drawn under the markers, such as each team's footprint. */
  footprints?: Footprint[];
  /**
   * The same picture in a fraction of the elements, for the web app's first paint before its script runs:
   * markers merged into one path per colour, leader lines into one path, labels as bare text. No marker
   * groups, so nothing to click yet (the app swaps in the interactive picture).
   */
  compact?: boolean;
  /** Straight lines across the map in landscape coordinates, under the markers, each labelled three quarters of the way along (the diagonals). */
  lines?: Array<{ from: readonly [number, number]; to: readonly [number, number]; label: string; color: string }>;
  /**
   * For the web app's map: levels of detail (levels.ts). Markers, labels and clusters are sized by the level the
   * page sets on the root (`data-lod`); labels sit next to their markers (no leader lines) and show from their level on.
   */
  levels?: boolean;
}

/** Landscape coordinates to the picture's pixels. */
export function toPixel(layout: Pick<LandscapeLayout, 'plot'>, x: number, y: number): { px: number; py: number } {
  const { plot } = layout;
  return { px: plot.x + ((x + 1.08) / 2.16) * plot.w, py: plot.y + ((1.08 - y) / 2.16) * plot.h };
}

/** Renders a layout as a standalone SVG document. Pure: same layout, same bytes. */
export function renderLandscapeSvg(layout: LandscapeLayout, render: RenderOptions = {}): string {
  const { width, height, plot, options } = layout;
  const fs = options.fontSize;
  const cx = plot.x + plot.w / 2,
    cy = plot.y + plot.h / 2;
  const out: string[] = [];
  const lod = render.levels && !render.compact ? layout.levels : undefined;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" role="img" aria-labelledby="map-title"${lod ? ` class="lod" data-lod="${levelStyleDefault(lod)}"` : ''}>`,
    `<title id="map-title">${escapeXml(options.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${plot.x}" y="36" font-size="${fs * 2}" font-weight="700" fill="#1d2430">${escapeXml(options.title)}</text>`,
  );
  if (options.subtitle) out.push(`<text class="subtitle" x="${plot.x}" y="60" font-size="${fs * 1.1}" fill="#5b6472">${escapeXml(options.subtitle)}</text>`);
  // Quadrant backgrounds, and their names in the corners like the essay's figure.
  const qfs = fs * 1.6;
  for (const q of options.quadrants) {
    const left = q.corner === 'top-left' || q.corner === 'bottom-left';
    const top = q.corner === 'top-left' || q.corner === 'top-right';
    const c = CORNER_COLORS[q.corner];
    out.push(`<rect x="${left ? plot.x : cx}" y="${top ? plot.y : cy}" width="${plot.w / 2}" height="${plot.h / 2}" fill="${c.fill}"/>`);
  }
  for (const q of options.quadrants) {
    const left = q.corner === 'top-left' || q.corner === 'bottom-left';
    const top = q.corner === 'top-left' || q.corner === 'top-right';
    const x = left ? plot.x + 8 : plot.x + plot.w - 8;
    const y = top ? plot.y + 6 + qfs : plot.y + plot.h - 10;
    out.push(
      `<text x="${x}" y="${y}" font-size="${qfs}" font-weight="700" letter-spacing="0.5" fill="${CORNER_COLORS[q.corner].mark}" fill-opacity="0.55" text-anchor="${left ? 'start' : 'end'}">${escapeXml(q.name.toUpperCase())}</text>`,
    );
  }
  // Axes through the centre, with arrowheads at both ends.
  out.push(
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#39414d"/></marker></defs>`,
    `<line x1="${plot.x}" y1="${cy}" x2="${plot.x + plot.w}" y2="${cy}" stroke="#39414d" stroke-width="1.5" marker-start="url(#arrow)" marker-end="url(#arrow)"/>`,
    `<line x1="${cx}" y1="${plot.y + plot.h}" x2="${cx}" y2="${plot.y}" stroke="#39414d" stroke-width="1.5" marker-start="url(#arrow)" marker-end="url(#arrow)"/>`,
    `<text x="${plot.x}" y="${cy + fs * 1.9}" font-size="${fs * 1.15}" font-weight="600" fill="#39414d">${escapeXml(options.axisLabels.left)}</text>`,
    `<text x="${plot.x + plot.w}" y="${cy + fs * 1.9}" font-size="${fs * 1.15}" font-weight="600" fill="#39414d" text-anchor="end">${escapeXml(options.axisLabels.right)}</text>`,
    `<text x="${cx + 8}" y="${plot.y - 8}" font-size="${fs * 1.15}" font-weight="600" fill="#39414d">${escapeXml(options.axisLabels.top)}</text>`,
    `<text x="${cx + 8}" y="${plot.y + plot.h + fs * 1.6}" font-size="${fs * 1.15}" font-weight="600" fill="#39414d">${escapeXml(options.axisLabels.bottom)}</text>`,
  );
  for (const f of render.footprints ?? []) {
    const pts = f.points.map((p) => toPixel(layout, p.x, p.y));
    if (pts.length >= 3)
      out.push(
        `<polygon points="${pts.map((p) => `${round(p.px)},${round(p.py)}`).join(' ')}" fill="${f.color}" fill-opacity="0.12" stroke="${f.color}" stroke-width="2" stroke-dasharray="6 4"/>`,
      );
    else if (pts.length === 2)
      out.push(
        `<line x1="${round(pts[0]!.px)}" y1="${round(pts[0]!.py)}" x2="${round(pts[1]!.px)}" y2="${round(pts[1]!.py)}" stroke="${f.color}" stroke-width="10" stroke-opacity="0.2" stroke-linecap="round"/>`,
      );
    if (f.centroid) {
      const c = toPixel(layout, f.centroid.x, f.centroid.y);
      out.push(
        `<g><path d="M${round(c.px - 7)},${round(c.py)}h14M${round(c.px)},${round(c.py - 7)}v14" stroke="${f.color}" stroke-width="3"/><text x="${round(c.px + 9)}" y="${round(c.py - 8)}" font-size="${fs * 1.25}" font-weight="700" fill="${f.color}">${escapeXml(f.label)}</text></g>`,
      );
    }
  }
  for (const l of render.lines ?? []) {
    const a = toPixel(layout, l.from[0], l.from[1]);
    const b = toPixel(layout, l.to[0], l.to[1]);
    const at = { px: a.px + (b.px - a.px) * 0.75, py: a.py + (b.py - a.py) * 0.75 };
    const colour = escapeXml(l.color);
    out.push(
      `<g class="line"><line x1="${round(a.px)}" y1="${round(a.py)}" x2="${round(b.px)}" y2="${round(b.py)}" stroke="${colour}" stroke-width="4" stroke-opacity="0.7" stroke-dasharray="12 6" stroke-linecap="round"/>` +
        `<text x="${round(at.px)}" y="${round(at.py - 10)}" text-anchor="middle" font-size="${fs * 1.6}" font-weight="700" fill="${colour}" stroke="#fff" stroke-width="5" paint-order="stroke">${escapeXml(l.label)}</text></g>`,
    );
  }
  if (lod) out.push(...levelMarkers(layout, lod, render), ...levelClusters(lod));
  else out.push(...(render.compact ? compactMarkers(layout) : markerGroups(layout, render)));
  // Legend.
  const ly = height - 28;
  let lx = plot.x;
  for (const q of options.quadrants) {
    out.push(
      `<circle cx="${lx + 5}" cy="${ly}" r="5" fill="${CORNER_COLORS[q.corner].mark}"/><text x="${lx + 15}" y="${ly + 4}" font-size="${fs}" fill="#39414d">${escapeXml(q.name)}</text>`,
    );
    lx += 30 + textWidth(q.name, fs);
  }
  out.push(
    `<circle cx="${lx + 5}" cy="${ly}" r="5" fill="#fff" stroke="#7b838d" stroke-width="1.4"/><text x="${lx + 15}" y="${ly + 4}" font-size="${fs}" font-style="italic" fill="#7b838d">retired (archived or discontinued)</text>`,
  );
  out.push(
    `<text x="${width - 20}" y="${ly + 4}" font-size="${fs * 0.9}" fill="#7b838d" text-anchor="end">Placement computed from each tool's capabilities · framework after L. J. V. Miranda (2021)</text>`,
  );
  out.push('</svg>');
  return out.join('\n');
}

/** Where a leader line from a marker meets its label's box. */
function leaderEnd(m: LandscapeMark): { x: number; y: number } {
  return { x: round(Math.max(m.label.x, Math.min(m.cx, m.label.x + m.label.w))), y: round(Math.max(m.label.y, Math.min(m.cy, m.label.y + m.label.h))) };
}

/** One group per marker (with its id, for the web app and embeds), grouped by quadrant so colour and font size are inherited. */
function markerGroups(layout: LandscapeLayout, render: RenderOptions): string[] {
  const { marks, options } = layout;
  const anyHighlight = marks.some((m) => m.highlighted);
  const out: string[] = [];
  for (const { id: q, corner } of options.quadrants) {
    const color = CORNER_COLORS[corner].mark;
    out.push(`<g fill="${color}" stroke="${color}" stroke-width="1.4" font-size="${options.fontSize}">`);
    for (const m of marks) {
      if (m.quadrant !== q) continue;
      const muted = anyHighlight && !m.highlighted;
      const r = m.highlighted ? m.r + 2 : m.r;
      const name = escapeXml(m.name);
      // Every marker can take focus, none is in the tab order: the page keeps one there (a roving tabindex), so
      // Tab passes the map in one step and the arrow keys move between markers.
      const a11y = render.interactive
        ? ` tabindex="-1" role="link"${m.labelFree && !m.retired ? '' : ` aria-label="${name}${m.retired ? ', retired' : ''}"`}`
        : '';
      // A label placed away from its marker gets a leader line, inside the marker's group so that
      // hiding the marker hides it too.
      const end = m.leader && m.labelFree ? leaderEnd(m) : undefined;
      out.push(
        `<g class="mark" data-tool-id="${escapeXml(m.id)}"${muted ? ' opacity="0.25"' : ''}${a11y}>` +
          (render.interactive ? '' : `<title>${name}${m.retired ? ' (retired)' : ''}</title>`) +
          (end ? `<line x1="${m.cx}" y1="${m.cy}" x2="${end.x}" y2="${end.y}" stroke="#9aa3ad" stroke-width="0.7"/>` : '') +
          `<circle cx="${m.cx}" cy="${m.cy}" r="${r}"${m.retired ? ' fill="#fff"' : ''}/>` +
          // A label with no free spot is left out rather than drawn over another: the title or aria-label still names it.
          (m.labelFree
            ? `<text x="${round(m.label.x)}" y="${round(m.label.y + m.label.h - 3)}" stroke="none" fill="${m.retired ? '#7b838d' : '#1d2430'}"${m.highlighted ? ' font-weight="700"' : ''}${m.retired ? ' font-style="italic"' : ''}>${name}</text>`
            : '') +
          '</g>',
      );
    }
    out.push('</g>');
  }
  return out;
}

/** The markers of `markerGroups` drawn with as few elements as possible (see RenderOptions.compact); highlights are bolded but not muted. */
function compactMarkers(layout: LandscapeLayout): string[] {
  const { marks, options } = layout;
  const circle = (m: LandscapeMark) => {
    const r = m.highlighted ? m.r + 2 : m.r;
    return `M${round(m.cx - r)} ${m.cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
  };
  const leaders = marks
    .filter((m) => m.leader && m.labelFree)
    .map((m) => {
      const end = leaderEnd(m);
      return `M${m.cx} ${m.cy}L${end.x} ${end.y}`;
    });
  const out = [`<path d="${leaders.join('')}" fill="none" stroke="#9aa3ad" stroke-width="0.7"/>`];
  for (const { id: q, corner } of layout.options.quadrants) {
    const color = CORNER_COLORS[corner].mark;
    const mine = marks.filter((m) => m.quadrant === q);
    out.push(
      `<g fill="${color}" stroke="${color}" stroke-width="1.4">`,
      `<path d="${mine
        .filter((m) => !m.retired)
        .map(circle)
        .join('')}"/>`,
      `<path d="${mine
        .filter((m) => m.retired)
        .map(circle)
        .join('')}" fill="#fff"/>`,
      '</g>',
    );
  }
  const label = (m: LandscapeMark) =>
    `<text x="${round(m.label.x)}" y="${round(m.label.y + m.label.h - 3)}"${m.retired ? ' fill="#7b838d" font-style="italic"' : ''}${m.highlighted ? ' font-weight="700"' : ''}>${escapeXml(m.name)}</text>`;
  out.push(`<g font-size="${options.fontSize}" fill="#1d2430">`, ...marks.filter((m) => m.labelFree).map(label), '</g>');
  return out;
}

/** Until the page measures its screen scale: the level a 1800-unit picture on a desktop screen shows. */
const levelStyleDefault = (lod: LandscapeLevels) =>
  Math.max(
    0,
    lod.fonts.findIndex((f) => f < 16 + 1e-6),
  );

/**
 * The CSS of a picture drawn with `levels` (the page adopts it as a style sheet: the app's content security policy
 * allows no inline styles). One rule set per level: its font size (everything else is sized in proportion), the
 * markers still inside clusters, the labels shown and the clusters drawn.
 */
export function levelCss(lod: Pick<LandscapeLevels, 'fonts'>): string {
  const N = lod.fonts.length;
  const rules = [
    `svg.lod .mark text{display:none;font-size:var(--f);fill:#1d2430;stroke:none}`,
    `svg.lod .mark.retired text{fill:#7b838d;font-style:italic}`,
    `svg.lod .mark circle{r:calc(var(--f)*${MARK_R_EM});stroke-width:calc(var(--f)*0.1)}`,
    `svg.lod .mark.on-diagonal circle{stroke-width:calc(var(--f)*0.25)}`,
    `svg.lod .mark.focus circle{r:calc(var(--f)*0.55);stroke:#f0b429;stroke-width:calc(var(--f)*0.3)}`,
    `svg.lod .mark.focus text{display:inline}`,
    `svg.lod .cluster{display:none;cursor:zoom-in}`,
    `svg.lod .cluster.off{visibility:hidden}`,
    `svg.lod .cluster circle{fill:#39414d;fill-opacity:0.88;stroke:#fff;stroke-width:calc(var(--f)*0.12)}`,
    `svg.lod .cluster text{font-size:var(--f);font-weight:700;fill:#fff;text-anchor:middle}`,
    // A cluster's radius follows the digits of its count.
    ...[1, 2, 3, 4, 5].map((d) => `svg.lod .cluster.d${d} circle{r:calc(var(--f)*${clusterRadiusEm(10 ** (d - 1))})}`),
  ];
  const range = (from: number, to: number, f: (i: number) => string) => Array.from({ length: Math.max(0, to - from) }, (_, k) => f(from + k)).join(',');
  for (let L = 0; L < N; L++) {
    const at = `svg.lod[data-lod="${L}"]`;
    rules.push(`${at}{--f:${lod.fonts[L]}px}`);
    if (L < N - 1) rules.push(`${at} .mark:is(${range(L + 1, N, (i) => `[data-open="${i}"]`)}){visibility:hidden}`);
    rules.push(`${at} .mark text:is(${range(0, L + 1, (i) => `[data-label="${i}"]`)}){display:inline}`);
    rules.push(`${at} .cluster.l${L}{display:inline}`);
  }
  return rules.join('\n');
}

/** The markers at every level: each label at its marker, offset in em of the level's font (see levels.ts SPOTS). */
function levelMarkers(layout: LandscapeLayout, lod: LandscapeLevels, render: RenderOptions): string[] {
  const { marks, options } = layout;
  const out: string[] = [];
  for (const { id: q, corner } of options.quadrants) {
    const color = CORNER_COLORS[corner].mark;
    out.push(`<g fill="${color}" stroke="${color}" stroke-width="1.4" font-size="${options.fontSize}">`);
    marks.forEach((m, i) => {
      if (m.quadrant !== q) return;
      const lv = lod.marks[i]!;
      const name = escapeXml(m.name);
      const spot = SPOTS[lv.spot]!;
      // Labels show only from some level on: every marker is named by its aria-label.
      const a11y = render.interactive ? ` tabindex="-1" role="link" aria-label="${name}${m.retired ? ', retired' : ''}"` : '';
      out.push(
        `<g class="mark${m.retired ? ' retired' : ''}" data-tool-id="${escapeXml(m.id)}"${lv.open ? ` data-open="${lv.open}"` : ''}${a11y}>` +
          (render.interactive ? '' : `<title>${name}${m.retired ? ' (retired)' : ''}</title>`) +
          `<circle cx="${m.cx}" cy="${m.cy}" r="${m.r}"${m.retired ? ' fill="#fff"' : ''}/>` +
          (lv.label >= 0
            ? `<text x="${m.cx}" y="${m.cy}" dx="${spot.dx}em" dy="${spotBaseline(lv.spot)}em"${spot.anchor === 'start' ? '' : ` text-anchor="${spot.anchor}"`} data-label="${lv.label}">${name}</text>`
            : '') +
          '</g>',
      );
    });
    out.push('</g>');
  }
  return out;
}

/** The clusters, over the markers: a circle with the count, drawn at the levels it exists at (class l<level>). */
function levelClusters(lod: LandscapeLevels): string[] {
  const out = ['<g class="clusters" stroke="none">'];
  lod.clusters.forEach((c, i) => {
    const levels = Array.from({ length: c.to - c.from + 1 }, (_, k) => `l${c.from + k}`).join(' ');
    out.push(
      `<g class="cluster d${String(c.n).length} ${levels}" data-cluster="${i}" role="img" aria-label="${c.n} tools"><circle cx="${c.x}" cy="${c.y}"/><text x="${c.x}" y="${c.y}" dy="0.36em">${c.n}</text></g>`,
    );
  });
  out.push('</g>');
  return out;
}
