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
  const editions: Radar['editions'] = [];
  for (const [k, { radar }] of sorted.entries()) {
    const used = new Set(radar.editions.flatMap((e) => e.blips.map((b) => b.quadrant)));
    const ring = new Map(radar.rings.map((r) => [r.id, rings.add(r.name)]));
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
  const radar = { title: title ?? sorted[0]!.radar.title, rings: rings.items, quadrants: fourQuadrants(quadrants.items), editions };
  return checkRadar(radar, sorted.map((p) => p.file).join(', '));
}

const last = (r: Radar) => r.editions.at(-1)!.date;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
