/** Axis-aligned box in pixels. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const overlaps = (a: Box, b: Box, pad = 0): boolean => a.x < b.x + b.w + pad && b.x < a.x + a.w + pad && a.y < b.y + b.h + pad && b.y < a.y + a.h + pad;

/** A uniform grid of boxes for fast "does this collide with anything placed" queries. */
export class BoxGrid {
  private cells = new Map<number, Box[]>();
  constructor(private readonly cell = 40) {}
  private keys(b: Box): number[] {
    const out: number[] = [];
    const x0 = Math.floor(b.x / this.cell),
      x1 = Math.floor((b.x + b.w) / this.cell);
    const y0 = Math.floor(b.y / this.cell),
      y1 = Math.floor((b.y + b.h) / this.cell);
    for (let i = x0; i <= x1; i++) for (let j = y0; j <= y1; j++) out.push(i * 100003 + j);
    return out;
  }
  add(b: Box): void {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) list.push(b);
      else this.cells.set(k, [b]);
    }
  }
  collides(b: Box, pad = 0): boolean {
    for (const k of this.keys({ x: b.x - pad, y: b.y - pad, w: b.w + 2 * pad, h: b.h + 2 * pad }))
      for (const o of this.cells.get(k) ?? []) if (overlaps(b, o, pad)) return true;
    return false;
  }
}

export interface LabelRequest {
  id: string;
  /** Anchor point (the marker's centre). */
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PlacedLabel {
  id: string;
  box: Box;
  /** True when the label sits away from its marker and needs a leader line. */
  leader: boolean;
  /** False only when no free spot was found (then it overlaps something). */
  free: boolean;
}

/** Candidate offsets: the eight classic spots next to the marker, then rings further out. */
function* candidates(req: LabelRequest, markerR: number): Generator<[Box, boolean]> {
  const gap = markerR + 2;
  const { x, y, w, h } = req;
  const near: Array<[number, number]> = [
    [x + gap, y - h / 2],
    [x - gap - w, y - h / 2],
    [x - w / 2, y - gap - h],
    [x - w / 2, y + gap],
    [x + gap, y - gap - h + 2],
    [x - gap - w, y - gap - h + 2],
    [x + gap, y + gap - 2],
    [x - gap - w, y + gap - 2],
  ];
  for (const [bx, by] of near) yield [{ x: bx, y: by, w, h }, false];
  for (let r = 14; r <= 260; r += 10) {
    const steps = 16 + Math.floor(r / 10) * 2;
    for (let i = 0; i < steps; i++) {
      const a = (i / steps) * Math.PI * 2;
      const cx = x + Math.cos(a) * r,
        cy = y + Math.sin(a) * r;
      // Attach the box by the side facing the marker, so the leader line stays short.
      const bx = Math.cos(a) >= 0 ? cx : cx - w;
      yield [{ x: bx, y: cy - h / 2, w, h }, true];
    }
  }
}

/** After this many labels in a row found no free spot, the picture is full: the rest are not searched for. */
export const SATURATED_AFTER = 50;

/**
 * Greedy label placement: each label takes the first free candidate spot that stays inside the
 * bounds and clears every marker and label placed before it. Deterministic for a given input order.
 * Once SATURATED_AFTER labels in a row have failed, the remaining ones (lower in the order) are marked
 * not free without a search: at tens of thousands of tools the search would otherwise cost minutes
 * for labels that cannot be shown.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  markers: ReadonlyArray<{ x: number; y: number; r: number }>,
  bounds: Box,
  obstacles: readonly Box[] = [],
): PlacedLabel[] {
  const grid = new BoxGrid();
  for (const m of markers) grid.add({ x: m.x - m.r, y: m.y - m.r, w: 2 * m.r, h: 2 * m.r });
  for (const o of obstacles) grid.add(o);
  const markerR = markers[0]?.r ?? 4;
  const inside = (b: Box) => b.x >= bounds.x && b.y >= bounds.y && b.x + b.w <= bounds.x + bounds.w && b.y + b.h <= bounds.y + bounds.h;
  const out: PlacedLabel[] = [];
  let failedInARow = 0;
  for (const req of requests) {
    let placed: PlacedLabel | undefined;
    if (failedInARow < SATURATED_AFTER)
      for (const [box, leader] of candidates(req, markerR)) {
        if (inside(box) && !grid.collides(box, 1)) {
          placed = { id: req.id, box, leader, free: true };
          break;
        }
      }
    failedInARow = placed ? 0 : failedInARow + 1;
    placed ??= { id: req.id, box: { x: req.x + markerR + 2, y: req.y - req.h / 2, w: req.w, h: req.h }, leader: false, free: false };
    grid.add(placed.box);
    out.push(placed);
  }
  return out;
}
