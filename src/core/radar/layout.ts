import { rng } from '../stats/random.js';

export interface RadarLayoutInput {
  rings: Array<{ id: string }>;
  quadrants: Array<{ id: string }>;
  /**
   * `since`: when the blip entered its current ring and quadrant (an edition index; absent means 0). Earlier
   * blips are placed first, so a blip added in a new edition never moves the ones already there.
   */
  blips: Array<{ id: string; ring: string; quadrant: string; since?: number }>;
}

export interface PlacedBlip {
  id: string;
  ring: string;
  quadrant: string;
  x: number;
  y: number;
  r: number;
  /** Its number on the picture and in the legend. */
  n: number;
}

export interface RadarLayout {
  radius: number;
  rings: Array<{ id: string; inner: number; outer: number }>;
  blips: PlacedBlip[];
}

/** Quarters clockwise from top-left, in SVG coordinates (y down): the landscape's own order. */
export const QUARTER_SIGNS: ReadonlyArray<readonly [number, number]> = [
  [-1, -1],
  [1, -1],
  [1, 1],
  [-1, 1],
];

const BLIP_R = 9;
const RING_LABEL_HALF_WIDTH = 32;
const GAP = 2;
/** Random sequential placement jams at about 55% cover; stay well below. */
const FILL = 0.3;
/** Spiral search around a blip's home: step between rings of the spiral, and how far it looks. */
const SPIRAL_STEP = 3;
const SPIRAL_STEPS = 4000;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** FNV-1a: a blip's own seed, so its position does not depend on the others' ids. */
export function hashId(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Places every blip inside its ring band and its quadrant's quarter, with no two overlapping.
 * Deterministic (positions come from each blip's id), never drops a blip (the radar grows instead), and
 * stable: a blip added in a later edition moves nothing; one added without edition history moves only a few
 * blips of its own cell, each by a short step.
 */
export function layoutRadar(input: RadarLayoutInput): RadarLayout {
  const n = input.rings.length;
  const ringIndex = new Map(input.rings.map((r, i) => [r.id, i]));
  const quarterIndex = new Map(input.quadrants.map((q, i) => [q.id, i]));
  const cells = new Map<string, RadarLayoutInput['blips']>();
  for (const b of input.blips) {
    if (!ringIndex.has(b.ring) || !quarterIndex.has(b.quadrant)) throw new Error(`blip "${b.id}" has an unknown ring or quadrant`);
    const key = `${b.quadrant}|${b.ring}`;
    const cell = cells.get(key);
    if (cell) cell.push(b);
    else cells.set(key, [b]);
  }
  // Rings of equal area, so each ring's quarter holds the same number of blips; big enough for the fullest.
  const fullest = Math.max(1, ...[...cells.values()].map((c) => c.length));
  // In steps of 40 px, so one more blip rarely changes the size (and so moves nothing else).
  let radius = Math.ceil(Math.max(320, Math.sqrt((fullest * (BLIP_R + GAP) ** 2 * 4 * n) / FILL)) / 40) * 40;
  for (;;) {
    const placed = tryLayout(input, radius, ringIndex, quarterIndex, cells);
    if (placed) return placed;
    radius *= 1.1;
  }
}

function tryLayout(
  input: RadarLayoutInput,
  radius: number,
  ringIndex: Map<string, number>,
  quarterIndex: Map<string, number>,
  cells: Map<string, RadarLayoutInput['blips']>,
): RadarLayout | undefined {
  const n = input.rings.length;
  const rings = input.rings.map((r, i) => ({ id: r.id, inner: radius * Math.sqrt(i / n), outer: radius * Math.sqrt((i + 1) / n) }));
  const out = new Map<string, Omit<PlacedBlip, 'n'>>();
  for (const [, blips] of cells) {
    const { ring, quadrant } = blips[0]!;
    const band = rings[ringIndex.get(ring)!]!;
    const [sx, sy] = QUARTER_SIGNS[quarterIndex.get(quadrant)!]!;
    const lo = band.inner + BLIP_R + GAP,
      hi = band.outer - BLIP_R - GAP;
    const edge = BLIP_R + GAP;
    // Ring names are written along the top of the vertical axis: keep a corridor free for them.
    const xEdge = sy < 0 ? Math.max(edge, RING_LABEL_HALF_WIDTH + BLIP_R) : edge;
    const inside = (x: number, y: number) => {
      const d = Math.hypot(x, y);
      return d >= lo && d <= hi && x * sx >= xEdge && y * sy >= edge;
    };
    const spots = placeCell(blips, lo, hi, sx, sy, inside, 2 * BLIP_R + GAP);
    if (!spots) return undefined; // crowded: the caller grows the radar and starts again
    for (const b of blips) {
      const spot = spots.get(b.id)!;
      out.set(b.id, { id: b.id, ring: b.ring, quadrant: b.quadrant, x: round(spot.x), y: round(spot.y), r: BLIP_R });
    }
  }
  // Numbers follow the legend: quadrant by quadrant, ring by ring, then by name order of input.
  const numbered = [...input.blips].sort(
    (a, b) => quarterIndex.get(a.quadrant)! - quarterIndex.get(b.quadrant)! || ringIndex.get(a.ring)! - ringIndex.get(b.ring)! || (a.id < b.id ? -1 : 1),
  );
  return {
    radius: round(radius),
    rings: rings.map((r) => ({ ...r, inner: round(r.inner), outer: round(r.outer) })),
    blips: numbered.map((b, i) => ({ ...out.get(b.id)!, n: i + 1 })),
  };
}

const round = (v: number) => Math.round(v * 100) / 100;

type Point = { x: number; y: number };

/** Points kept in a uniform grid, to ask "is anything within minDist of here?" cheaply. */
class PointGrid<T extends Point> {
  private cells = new Map<string, T[]>();
  constructor(private readonly size: number) {}
  private key(gx: number, gy: number) {
    return `${gx},${gy}`;
  }
  add(p: T) {
    const k = this.key(Math.floor(p.x / this.size), Math.floor(p.y / this.size));
    const list = this.cells.get(k);
    if (list) list.push(p);
    else this.cells.set(k, [p]);
  }
  near(x: number, y: number): boolean {
    const gx = Math.floor(x / this.size),
      gy = Math.floor(y / this.size);
    for (let i = -1; i <= 1; i++)
      for (let j = -1; j <= 1; j++) for (const p of this.cells.get(this.key(gx + i, gy + j)) ?? []) if (Math.hypot(p.x - x, p.y - y) < this.size) return true;
    return false;
  }
}

/**
 * Places one cell's blips (one ring in one quarter). Blips already on the radar in an earlier edition go
 * first, then the rest in the order of their own hash, so the order never depends on other blips' ids. Each
 * blip gets a home drawn uniformly over the cell from its own id and takes the free spot nearest that home,
 * along a sunflower spiral: a blip pushed aside moves a step, not across the cell. Returns undefined when the
 * cell is too crowded.
 */
function placeCell(
  blips: RadarLayoutInput['blips'],
  lo: number,
  hi: number,
  sx: number,
  sy: number,
  inside: (x: number, y: number) => boolean,
  minDist: number,
): Map<string, Point> | undefined {
  const hash = new Map(blips.map((b) => [b.id, hashId(b.id)]));
  const order = [...blips].sort((a, b) => (a.since ?? 0) - (b.since ?? 0) || hash.get(a.id)! - hash.get(b.id)! || (a.id < b.id ? -1 : 1));
  const placed = new PointGrid<Point>(minDist);
  const out = new Map<string, Point>();
  for (const b of order) {
    const next = rng(hash.get(b.id)!);
    let home: Point | undefined;
    for (let attempt = 0; attempt < 200 && !home; attempt++) {
      const a = (next() * Math.PI) / 2;
      const d = Math.sqrt(lo * lo + next() * (hi * hi - lo * lo));
      const x = sx * Math.cos(a) * d,
        y = sy * Math.sin(a) * d;
      if (inside(x, y)) home = { x, y };
    }
    if (!home) return undefined;
    let spot: Point | undefined;
    for (let k = 0; k < SPIRAL_STEPS && !spot; k++) {
      const rho = SPIRAL_STEP * Math.sqrt(k),
        theta = k * GOLDEN_ANGLE;
      const x = home.x + rho * Math.cos(theta),
        y = home.y + rho * Math.sin(theta);
      if (inside(x, y) && !placed.near(x, y)) spot = { x, y };
    }
    if (!spot) return undefined;
    placed.add(spot);
    out.set(b.id, spot);
  }
  return out;
}
