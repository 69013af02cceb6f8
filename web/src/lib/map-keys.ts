/** Arrow keys on the map: from one marker to the nearest in that direction (a roving tabindex keeps one marker in the tab order). */

export const ARROW_STEPS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowDown: [0, 1],
  ArrowUp: [0, -1],
};

export interface MarkPoint {
  id: string;
  cx: number;
  cy: number;
}

/**
 * The candidate nearest to `from` in direction `step` (picture coordinates, y down), or null when none lies that
 * way. Distance along the direction counts once and distance across it twice, so a marker roughly in line wins
 * over a nearer one far off to the side.
 */
export function nearestInDirection(from: MarkPoint, candidates: Iterable<MarkPoint>, [sx, sy]: readonly [number, number]): MarkPoint | null {
  let best: MarkPoint | null = null;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (c.id === from.id) continue;
    const dx = c.cx - from.cx,
      dy = c.cy - from.cy;
    const along = dx * sx + dy * sy;
    if (along <= 0) continue;
    const score = along + 2 * Math.abs(dx * sy - dy * sx);
    if (score < bestScore || (score === bestScore && best && c.id < best.id)) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}
