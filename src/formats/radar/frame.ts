import { RadarSchema, type Radar, type Blip, type Movement } from '../../core/radar/schema.js';
import { fieldPath, type Problem } from '../../core/problems.js';
import { distinctIds, nameId, nameKey } from '../../core/ids.js';

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
  /**
   * Take these from the file itself where the format carries them (BYOR: the sheet's own ring and quadrant
   * names; Zalando: the config's quadrants, rings and title) instead of the frame's. Unset: the frame's.
   */
  fromFile?: { rings?: boolean; quadrants?: boolean; title?: boolean };
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
  relatedBlips?: string[];
  inactive?: true;
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
    const key = nameKey(v);
    return list.find((x) => x.id === v || x.name.toLowerCase() === v || slug(x.name) === slug(v) || (key && nameKey(x.name) === key))?.id;
  };
}

/** Rings or quadrants named in a file, in order of first appearance; spellings of one name (any case, slug) are one. */
export class NameList {
  readonly items: Array<{ id: string; name: string }> = [];
  private byKey = new Map<string, string>();
  private ids = new Set<string>();
  /** The id of a name, adding it if new. */
  add(name: string): string {
    const key = nameKey(name) || name.trim().toLowerCase();
    const known = this.byKey.get(key);
    if (known) return known;
    const base = nameId(name, 'item');
    let id = base;
    for (let k = 2; this.ids.has(id); k++) id = `${base}-${k}`;
    this.ids.add(id);
    this.byKey.set(key, id);
    this.items.push({ id, name: name.trim() });
    return id;
  }
  has(name: string): boolean {
    return this.byKey.has(nameKey(name) || name.trim().toLowerCase());
  }
}

/** Our radar has four quadrants: a file naming fewer gets the rest as unnamed places ("Quadrant 3"), which no blip uses. */
export function fourQuadrants(qs: Radar['quadrants']): Radar['quadrants'] {
  const out = [...qs];
  const ids = new Set(out.map((q) => q.id));
  for (let i = out.length; i < 4; i++) {
    let id = `quadrant-${i + 1}`;
    while (ids.has(id)) id += '-x';
    ids.add(id);
    out.push({ id, name: `Quadrant ${i + 1}` });
  }
  return out;
}

/**
 * Builds a radar from flat rows, then checks it against our own radar schema (each problem naming the row).
 * Movement flags are kept by reconstructing the previous edition: a new blip is absent from it, a blip
 * moved in stood one ring further out, moved out one ring in. Two rows may share a name (BYOR shows
 * both): each gets its own id ("name", "name-2").
 */
export function radarFromRows(frame: ImportFrame, date: string, rows: FlatRow[], file: string): { radar?: Radar; problems: Problem[] } {
  const ids = distinctIds(rows.map((r) => r.name));
  const blips: Array<Blip & { movement: Movement }> = rows.map((r, i) => {
    const tool = frame.findTool?.(r.name);
    return {
      id: ids[i]!,
      name: r.name,
      ring: r.ring,
      quadrant: r.quadrant,
      movement: r.movement,
      ...(tool ? { tool } : {}),
      ...(r.rationale ? { rationale: r.rationale } : {}),
      ...(r.link ? { link: r.link } : {}),
      ...(r.relatedBlips?.length ? { relatedBlips: r.relatedBlips } : {}),
      ...(r.inactive ? { inactive: r.inactive } : {}),
    };
  });
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
  const radar = { title: frame.title, rings: frame.rings, quadrants: fourQuadrants(frame.quadrants), editions };
  return checkRadar(radar, file, (path) => {
    // editions[last].blips[j] and the reconstructed edition's blips map back to their rows by id.
    if (path[0] !== 'editions' || path[2] !== 'blips' || typeof path[3] !== 'number') return undefined;
    const blip = editions[path[1] as number]?.blips[path[3]];
    const j = blip ? ids.indexOf(blip.id) : -1;
    return j >= 0 ? rows[j]!.row : undefined;
  });
}

/** Our radar schema on what a foreign file gave: every problem names the file, the row if known, and the field. */
export function checkRadar(
  radar: unknown,
  file: string,
  rowOf: (path: ReadonlyArray<PropertyKey>) => number | undefined = () => undefined,
): { radar?: Radar; problems: Problem[] } {
  const parsed = RadarSchema.safeParse(radar);
  if (parsed.success) return { radar: parsed.data, problems: [] };
  return {
    problems: parsed.error.issues.map((i) => {
      const line = rowOf(i.path);
      return { file, ...(line ? { line } : {}), field: fieldPath(i.path), message: `${line ? `row ${line}: ` : ''}${i.message}`, severity: 'error' as const };
    }),
  };
}

/** Orders edition dates, with a reconstructed "before X" just ahead of X. */
export function compareEditionDates(a: string, b: string): number {
  const key = (d: string) => (d.startsWith('before ') ? [d.slice(7), 0] : [d, 1]) as [string, number];
  const [da, ra] = key(a),
    [db, rb] = key(b);
  return da < db ? -1 : da > db ? 1 : ra - rb;
}
