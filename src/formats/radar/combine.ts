import type { Problem } from '../../core/problems.js';
import type { Radar } from '../../core/radar/schema.js';
import { checkRadar, fourQuadrants, NameList } from './frame.js';

/**
 * One radar from several files, each one edition (e.g. Thoughtworks volumes as BYOR CSV, each with its own
 * --date): editions oldest first; rings and quadrants joined by name (any case or slug spelling), in order
 * of first appearance; a blip keeps its id (from its name) across editions, so its moves show. The
 * reconstructed "before" edition a file's New / Moved flags give is kept only for the oldest file: later
 * files have the real edition before them.
 */
export function combineEditions(parts: Array<{ radar: Radar; file: string }>, title?: string): { radar?: Radar; problems: Problem[] } {
  const sorted = [...parts].sort((a, b) => cmp(last(a.radar), last(b.radar)));
  for (let i = 1; i < sorted.length; i++)
    if (last(sorted[i]!.radar) === last(sorted[i - 1]!.radar))
      return {
        problems: [
          {
            file: sorted[i]!.file,
            field: 'date',
            message: `two files have the edition date ${last(sorted[i]!.radar)} (also ${sorted[i - 1]!.file}): give each its own --date`,
            severity: 'error',
          },
        ],
      };
  const rings = new NameList(),
    quadrants = new NameList();
  const ringIds = sorted.map(({ radar }) => new Map(radar.rings.map((r) => [r.id, rings.add(r.name)])));
  const editions: Radar['editions'] = [];
  for (const [k, { radar }] of sorted.entries()) {
    const used = new Set(radar.editions.flatMap((e) => e.blips.map((b) => b.quadrant)));
    const ring = ringIds[k]!;
    const quadrant = new Map(radar.quadrants.filter((q) => used.has(q.id)).map((q) => [q.id, quadrants.add(q.name)]));
    for (const e of k === 0 ? radar.editions : radar.editions.slice(-1))
      editions.push({ date: e.date, blips: e.blips.map((b) => ({ ...b, ring: ring.get(b.ring)!, quadrant: quadrant.get(b.quadrant)! })) });
  }
  if (quadrants.items.length > 4)
    return {
      problems: [
        {
          file: sorted.map((p) => p.file).join(', '),
          field: 'quadrant',
          message: `together the files name ${quadrants.items.length} quadrants (${quadrants.items.map((q) => q.name).join(', ')}); a radar has four: name them with --quadrants and map the rest with --map-quadrant`,
          severity: 'error',
        },
      ],
    };
  const order = mergeOrders(
    rings.items.map((r) => r.id),
    ringIds.map((m) => [...m.values()]),
  );
  const ringList = order.map((id) => rings.items.find((r) => r.id === id)!);
  const radar = { title: title ?? sorted[0]!.radar.title, rings: ringList, quadrants: fourQuadrants(quadrants.items), editions };
  return checkRadar(radar, sorted.map((p) => p.file).join(', '));
}

/**
 * One order that keeps every file's ring order where they agree (innermost first): ["Trial", "Assess",
 * "Hold"] and ["adopt", "trial", "assess"] give adopt, trial, assess, hold. Where files disagree or say
 * nothing (hold and caution), the ring seen first comes first.
 */
export function mergeOrders(all: string[], orders: string[][]): string[] {
  const before = new Map(all.map((id) => [id, new Set<string>()]));
  for (const o of orders) for (let i = 1; i < o.length; i++) before.get(o[i]!)!.add(o[i - 1]!);
  const out: string[] = [];
  const left = [...all];
  while (left.length) {
    const free = left.find((id) => [...before.get(id)!].every((b) => out.includes(b))) ?? left[0]!;
    out.push(free);
    left.splice(left.indexOf(free), 1);
  }
  return out;
}

const last = (r: Radar) => r.editions.at(-1)!.date;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
