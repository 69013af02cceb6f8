import { BoxGrid, type Box } from './label-layout.js';
import { textWidth } from './text-metrics.js';

/**
 * Levels of detail for the interactive map (issue 14). Pure and deterministic.
 *
 * A level is a label font size in picture units: level 0 has the largest (a whole picture on a phone still
 * reads it at 11 px), each next level is √2 smaller. The page shows the finest level whose font is still at
 * least MIN_LABEL_PX on screen (levelFor), by setting one attribute on the SVG root; CSS does the rest. At a
 * level, markers, labels and cluster circles are drawn at sizes proportional to its font, so on screen they
 * stay between 1 and √2 times their design size whatever the zoom.
 *
 * Clusters: going from the finest level to the coarsest, markers (and the clusters made so far) whose circles
 * would touch at that level merge into one cluster, drawn at their centroid with their count. A cluster made at
 * one level stays whole at every coarser one, so zooming in only ever opens clusters (a marker is shown from
 * its `open` level on and inside clusters below it).
 *
 * Labels: from the coarsest level to the finest, each shown marker without a label gets the first of eight
 * spots around it whose box clears every marker, cluster and label at this level and at every finer one. A
 * label once shown stays shown, in the same spot, at every finer level, and no two labels ever overlap.
 */

/** The smallest label on screen, in CSS pixels. */
export const MIN_LABEL_PX = 11;
/** The coarsest level's font size in picture units (a 1800-unit picture on a 320 px phone still shows it at 11 px). */
const LEVEL0_FONT = 64 * Math.SQRT2;
const LEVEL_COUNT = 12;
/** The level fonts, coarsest first. */
export const LEVEL_FONTS: readonly number[] = Array.from({ length: LEVEL_COUNT }, (_, i) => round3(LEVEL0_FONT / Math.SQRT2 ** i));

/** Marker radius and label box height, in em of the level's font. */
export const MARK_R_EM = 0.35;
const LABEL_H_EM = 1.2;
/** Baseline below the label box's top, in em (DejaVu Sans ascent). */
const BASELINE_EM = 0.93;
const LABEL_PAD_EM = 0.15;
/** Extra distance, in em, under which two circles count as touching (and merge into a cluster). */
const MERGE_GAP_EM = 1.2;

/** Label spots around a marker, in em from its centre: the anchor (text-anchor), the x offset and the box's top. */
export const SPOTS: ReadonlyArray<{ anchor: 'start' | 'end' | 'middle'; dx: number; top: number }> = [
  { anchor: 'start', dx: 0.55, top: -0.6 },
  { anchor: 'end', dx: -0.55, top: -0.6 },
  { anchor: 'middle', dx: 0, top: -1.65 },
  { anchor: 'middle', dx: 0, top: 0.45 },
  { anchor: 'start', dx: 0.3, top: -1.5 },
  { anchor: 'end', dx: -0.3, top: -1.5 },
  { anchor: 'start', dx: 0.3, top: 0.3 },
  { anchor: 'end', dx: -0.3, top: 0.3 },
];
export const spotBaseline = (spot: number) => round3(SPOTS[spot]!.top + BASELINE_EM);

/** A cluster's circle radius in em, from the digits of its count (the count is drawn at the level's font size). */
export const clusterRadiusEm = (n: number) => round3(0.55 + 0.32 * String(n).length);

export interface MarkLevels {
  /** The first level at which the marker is shown on its own (below it, it is inside a cluster). */
  open: number;
  /** The first level at which its label is shown, or -1 when it never finds a free spot. */
  label: number;
  /** Index into SPOTS. */
  spot: number;
  /** The cluster it is in at level open - 1 (the smallest one), or -1. */
  cluster: number;
}

export interface LevelCluster {
  /** Centre (the members' centroid) in picture units. */
  x: number;
  y: number;
  /** How many markers it holds. */
  n: number;
  /** The levels at which it is drawn, from and to inclusive. */
  from: number;
  to: number;
  /** The cluster it becomes part of at level from - 1, or -1. */
  parent: number;
  /** The members' markers' bounding box. */
  extent: Box;
}

export interface LandscapeLevels {
  fonts: readonly number[];
  clusters: LevelCluster[];
  marks: MarkLevels[];
}

export interface LevelInput {
  x: number;
  y: number;
  name: string;
  /** Labelled before the others (a highlighted tool). */
  first?: boolean;
  /** Labelled after the others (a retired tool). */
  last?: boolean;
}

/** The finest level whose labels are at least MIN_LABEL_PX on screen at `pxPerUnit` screen pixels per picture unit (0 if none is). */
export function levelFor(fonts: readonly number[], pxPerUnit: number): number {
  let level = 0;
  for (let i = 0; i < fonts.length; i++) if (fonts[i]! * pxPerUnit >= MIN_LABEL_PX - 1e-9) level = i;
  return level;
}

/** Screen pixels per picture unit at which `level` is the one shown. */
export const pxPerUnitFor = (fonts: readonly number[], level: number) => MIN_LABEL_PX / fonts[Math.max(0, Math.min(fonts.length - 1, level))]!;

interface Item {
  members: number[];
  x: number;
  y: number;
  /** Index into clusters, or -1 for a single marker, -2 for a cluster made at this level (not yet recorded). */
  cluster: number;
  /** For a cluster made at this level: the finer clusters it took in. */
  parts?: number[];
}

/** Computes the clusters and labels of every level (see the module comment). `bounds`: where labels must stay; `obstacles`: boxes no label may cover. */
export function computeLevels(
  points: readonly LevelInput[],
  bounds: Box,
  obstacles: readonly Box[] = [],
  fonts: readonly number[] = LEVEL_FONTS,
): LandscapeLevels {
  const N = fonts.length;
  const marks: MarkLevels[] = points.map(() => ({ open: 0, label: -1, spot: 0, cluster: -1 }));
  const clusters: LevelCluster[] = [];
  // The items shown at each level, finest first.
  const itemsAt: Item[][] = new Array<Item[]>(N);
  let items: Item[] = points.map((p, i) => ({ members: [i], x: p.x, y: p.y, cluster: -1 }));
  for (let L = N - 1; L >= 0; L--) {
    items = mergeTouching(items, points, fonts[L]!, L, clusters, marks);
    itemsAt[L] = items;
  }

  // Per level, a grid of everything drawn: marker and cluster circles, the obstacles, then the labels placed.
  const grids = fonts.map((f, L) => {
    const grid = new BoxGrid(Math.max(8, f * 3));
    for (const o of obstacles) grid.add(o);
    for (const it of itemsAt[L]!) {
      const r = (it.cluster < 0 ? MARK_R_EM : clusterRadiusEm(it.members.length)) * f;
      grid.add({ x: it.x - r, y: it.y - r, w: 2 * r, h: 2 * r });
    }
    return grid;
  });
  const widths = points.map((p) => textWidth(p.name, 1));
  const order = points
    .map((_, i) => i)
    .sort((a, b) => Number(!!points[b]!.first) - Number(!!points[a]!.first) || Number(!!points[a]!.last) - Number(!!points[b]!.last) || a - b);
  const inside = (b: Box) => b.x >= bounds.x && b.y >= bounds.y && b.x + b.w <= bounds.x + bounds.w && b.y + b.h <= bounds.y + bounds.h;
  const boxAt = (i: number, spot: number, f: number): Box => {
    const s = SPOTS[spot]!;
    const w = widths[i]!;
    const x0 = s.anchor === 'start' ? s.dx : s.anchor === 'end' ? s.dx - w : -w / 2;
    return { x: points[i]!.x + x0 * f, y: points[i]!.y + s.top * f, w: w * f, h: LABEL_H_EM * f };
  };
  for (let L = 0; L < N; L++) {
    for (const i of order) {
      const m = marks[i]!;
      if (m.label >= 0 || m.open > L) continue;
      for (let spot = 0; spot < SPOTS.length; spot++) {
        let free = true;
        for (let K = L; K < N && free; K++) {
          const box = boxAt(i, spot, fonts[K]!);
          free = inside(box) && !grids[K]!.collides(box, LABEL_PAD_EM * fonts[K]!);
        }
        if (!free) continue;
        m.label = L;
        m.spot = spot;
        for (let K = L; K < N; K++) grids[K]!.add(boxAt(i, spot, fonts[K]!));
        break;
      }
    }
  }
  return { fonts, clusters, marks };
}

/**
 * One level's clustering: items whose circles touch at font size `f` merge, the larger first, until none touch.
 * New clusters are appended to `clusters`; markers merged for the first time get their `open` level.
 */
function mergeTouching(items: Item[], points: readonly LevelInput[], f: number, level: number, clusters: LevelCluster[], marks: MarkLevels[]): Item[] {
  const radius = (it: Item) => (it.members.length === 1 ? MARK_R_EM : clusterRadiusEm(it.members.length)) * f;
  let current = items;
  for (let pass = 0; pass < 50; pass++) {
    const maxR = current.reduce((r, it) => Math.max(r, radius(it)), 0);
    const cell = 2 * maxR + MERGE_GAP_EM * f;
    const grid = new Map<string, number[]>();
    const key = (x: number, y: number) => `${Math.floor(x / cell)},${Math.floor(y / cell)}`;
    current.forEach((it, i) => {
      const k = key(it.x, it.y);
      const list = grid.get(k);
      if (list) list.push(i);
      else grid.set(k, [i]);
    });
    const order = current
      .map((_, i) => i)
      .sort((a, b) => current[b]!.members.length - current[a]!.members.length || current[a]!.members[0]! - current[b]!.members[0]!);
    const gone = new Uint8Array(current.length);
    const next: Item[] = [];
    let merged = false;
    for (const i of order) {
      if (gone[i]) continue;
      const a = current[i]!;
      const group = [a];
      const cx = Math.floor(a.x / cell),
        cy = Math.floor(a.y / cell);
      for (let dx = -1; dx <= 1; dx++)
        for (let dy = -1; dy <= 1; dy++)
          for (const j of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
            if (j === i || gone[j]) continue;
            const b = current[j]!;
            if (Math.hypot(a.x - b.x, a.y - b.y) < radius(a) + radius(b) + MERGE_GAP_EM * f) {
              group.push(b);
              gone[j] = 1;
            }
          }
      gone[i] = 1;
      if (group.length === 1) {
        next.push(a);
        continue;
      }
      merged = true;
      const members = group.flatMap((g) => g.members).sort((p, q) => p - q);
      let sx = 0,
        sy = 0;
      for (const m of members) {
        sx += points[m]!.x;
        sy += points[m]!.y;
      }
      const parts = group.flatMap((g) => (g.cluster >= 0 ? [g.cluster] : (g.parts ?? [])));
      next.push({ members, x: sx / members.length, y: sy / members.length, cluster: -2, parts });
    }
    // Only what is left after the level's last pass is drawn (clusters made and merged again within it are not).
    current = next;
    if (!merged) break;
  }
  // Record this level's clusters: new ones (cluster -2) get an index, and the parts they absorbed point to them.
  for (const it of current) {
    if (it.cluster !== -2) continue;
    const index = clusters.length;
    let x0 = Infinity,
      y0 = Infinity,
      x1 = -Infinity,
      y1 = -Infinity;
    for (const m of it.members) {
      const p = points[m]!;
      x0 = Math.min(x0, p.x);
      y0 = Math.min(y0, p.y);
      x1 = Math.max(x1, p.x);
      y1 = Math.max(y1, p.y);
    }
    clusters.push({
      x: round1(it.x),
      y: round1(it.y),
      n: it.members.length,
      from: level,
      to: level,
      parent: -1,
      extent: { x: x0, y: y0, w: round1(x1 - x0), h: round1(y1 - y0) },
    });
    it.cluster = index;
    for (const c of it.parts ?? []) clusters[c]!.parent = index;
  }
  // A cluster already drawn at the finer level and untouched here is still drawn; its `from` moves down.
  for (const it of current) if (it.cluster >= 0) clusters[it.cluster]!.from = level;
  for (const it of current)
    if (it.cluster >= 0 && clusters[it.cluster]!.to === level && it.members.length > 1) {
      // A new cluster: its parts (markers and finer clusters) now sit inside it.
      for (const m of it.members) {
        const mk = marks[m]!;
        if (mk.cluster === -1) {
          mk.cluster = it.cluster;
          mk.open = level + 1;
        }
      }
    }
  return current;
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
