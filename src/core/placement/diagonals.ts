import type { Catalogue } from '../catalogue/catalogue.js';
import type { Diagonal } from '../taxonomy/schema.js';

/** Distance from (x, y) to the line through `from` and `to`. */
function distanceToLine([x1, y1]: [number, number], [x2, y2]: [number, number], x: number, y: number): number {
  const dx = x2 - x1,
    dy = y2 - y1;
  return Math.abs(dy * x - dx * y + x2 * y1 - y2 * x1) / Math.hypot(dx, dy);
}

/** Ids of the tools on a diagonal, ordered along it from its start. */
export function diagonalMembers(cat: Catalogue, d: Diagonal): string[] {
  const [fx, fy] = d.from;
  const [tx, ty] = d.to;
  const along = (x: number, y: number) => (x - fx) * (tx - fx) + (y - fy) * (ty - fy);
  return cat.tools
    .filter((t) => {
      const p = cat.placement.get(t.id)!;
      if (distanceToLine(d.from, d.to, p.x, p.y) > d.band) return false;
      if (!d.capabilities) return true;
      return d.capabilities.some((c) => t.capabilities[c]?.strength === 'core');
    })
    .map((t) => ({ id: t.id, a: along(cat.placement.get(t.id)!.x, cat.placement.get(t.id)!.y) }))
    .sort((a, b) => a.a - b.a)
    .map((m) => m.id);
}
