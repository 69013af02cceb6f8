import type { Radar, Blip, Movement } from '../../core/radar/schema.js';
import type { Problem } from '../../core/problems.js';

export type RadarFormat = 'ours' | 'byor-csv' | 'byor-json' | 'zalando' | 'backstage' | 'aoe';

/** The rings and quadrants a foreign file is read into, and explicit mappings for names that differ. */
export interface ImportFrame {
  title: string;
  rings: Radar['rings'];
  quadrants: Radar['quadrants'];
  /** Foreign name (any case) -> ring id; e.g. { "Evaluate": "assess" }. */
  ringMap?: Record<string, string>;
  quadrantMap?: Record<string, string>;
  /** Links a blip to a catalogue tool by name or alias. */
  findTool?: (name: string) => string | undefined;
}

/** A flat row, the shape BYOR and Zalando share: one blip, with its movement since the last edition. */
export interface FlatRow {
  row: number;
  name: string;
  ring: string;
  quadrant: string;
  movement: Movement;
  rationale?: string;
  link?: string;
}

export const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'item';

/** Finds the id a foreign ring or quadrant name stands for: an explicit mapping first, then id or name, any case. */
export function resolver(kind: 'ring' | 'quadrant', frame: ImportFrame) {
  const list = kind === 'ring' ? frame.rings : frame.quadrants;
  const map = Object.fromEntries(Object.entries((kind === 'ring' ? frame.ringMap : frame.quadrantMap) ?? {}).map(([k, v]) => [k.trim().toLowerCase(), v]));
  return (value: string): string | undefined => {
    const v = value.trim().toLowerCase();
    if (map[v]) return list.some((x) => x.id === map[v]) ? map[v] : undefined;
    return list.find((x) => x.id === v || x.name.toLowerCase() === v || slug(x.name) === slug(v))?.id;
  };
}

/**
 * Builds a radar from flat rows. Movement flags are kept by reconstructing the previous edition:
 * a new blip is absent from it, a blip moved in stood one ring further out, moved out one ring in.
 */
export function radarFromRows(frame: ImportFrame, date: string, rows: FlatRow[], file: string): { radar?: Radar; problems: Problem[] } {
  const problems: Problem[] = [];
  const ids = new Map<string, number>();
  const blips: Array<Blip & { movement: Movement }> = [];
  for (const r of rows) {
    const id = slug(r.name);
    if (ids.has(id)) {
      problems.push({ file, line: r.row, field: 'name', message: `row ${r.row}: duplicate name "${r.name}" (also row ${ids.get(id)})`, severity: 'error' });
      continue;
    }
    ids.set(id, r.row);
    const tool = frame.findTool?.(r.name);
    blips.push({
      id,
      name: r.name,
      ring: r.ring,
      quadrant: r.quadrant,
      movement: r.movement,
      ...(tool ? { tool } : {}),
      ...(r.rationale ? { rationale: r.rationale } : {}),
      ...(r.link ? { link: r.link } : {}),
    });
  }
  if (problems.length) return { problems };
  const ringIds = frame.rings.map((r) => r.id);
  const current: Blip[] = blips.map(({ movement: _m, ...b }) => b);
  const editions: Radar['editions'] = [];
  if (blips.some((b) => b.movement !== 'no-change')) {
    const before = blips.flatMap(({ movement, ...b }) => {
      if (movement === 'new') return [];
      const i = ringIds.indexOf(b.ring);
      const j = movement === 'moved-in' ? Math.min(ringIds.length - 1, i + 1) : movement === 'moved-out' ? Math.max(0, i - 1) : i;
      return [{ ...b, ring: ringIds[j]! }];
    });
    editions.push({ date: `before ${date}`, blips: before });
  }
  editions.push({ date, blips: current });
  return { radar: { title: frame.title, rings: frame.rings, quadrants: frame.quadrants, editions }, problems: [] };
}

/** Orders edition dates, with a reconstructed "before X" just ahead of X. */
export function compareEditionDates(a: string, b: string): number {
  const key = (d: string) => (d.startsWith('before ') ? [d.slice(7), 0] : [d, 1]) as [string, number];
  const [da, ra] = key(a),
    [db, rb] = key(b);
  return da < db ? -1 : da > db ? 1 : ra - rb;
}
