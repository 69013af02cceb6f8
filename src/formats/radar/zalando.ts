import { z } from 'zod';
import { fieldPath, type Problem } from '../../core/problems.js';
import { Link, type Radar, type Movement } from '../../core/radar/schema.js';
import { editionState } from '../../core/radar/movement.js';
import { NameList, radarFromRows, type FlatRow, type ImportFrame } from './frame.js';

/**
 * Zalando's tech radar data: { date, entries: [{ quadrant, ring, label, link?, active, moved }] } with
 * quadrant and ring as indexes, and optionally the radar_visualization config's own { title, quadrants:
 * [{name}], rings: [{name, color}] }. Zalando counts quadrants from the bottom right, anticlockwise
 * (0 bottom-right, 1 bottom-left, 2 top-left, 3 top-right); ours run clockwise from the top left, so
 * positions are kept: ours = (zalando + 2) mod 4. moved: 0 none, 1 in, -1 out, 2 new.
 */
const MOVED: Record<number, Movement> = { 0: 'no-change', 1: 'moved-in', [-1]: 'moved-out', 2: 'new' };
const MOVED_OUT: Record<Movement, number> = { 'no-change': 0, 'moved-in': 1, 'moved-out': -1, new: 2 };

export const zalandoToOurs = (z: number) => (z + 2) % 4;
export const oursToZalando = (o: number) => (o + 2) % 4;

const index = (what: string, max?: number) =>
  z.custom<number>((v) => Number.isInteger(v) && (v as number) >= 0 && (max === undefined || (v as number) <= max), {
    error: (iss) => `${what} must be ${max === undefined ? 'a whole number from 0' : `0 to ${max}`}, not ${JSON.stringify(iss.input)}`,
  });

export const ZalandoEntry = z
  .object({
    quadrant: index('quadrant', 3),
    ring: index('ring'),
    label: z.string({ error: 'label must be text' }).trim().min(1, { error: 'missing label' }),
    link: Link.optional(),
    active: z.boolean({ error: 'active must be true or false' }).optional(),
    moved: z
      .custom<number>((v) => typeof v === 'number' && v in MOVED, { error: (iss) => `moved must be -1, 0, 1 or 2, not ${JSON.stringify(iss.input)}` })
      .optional(),
  })
  .loose();

const Named = z.object({ name: z.string({ error: 'name must be text' }).trim().min(1, { error: 'missing name' }) }).loose();
export const ZalandoConfig = z
  .object({
    date: z.union([z.string(), z.number()], { error: 'date must be text' }).optional(),
    title: z.string({ error: 'title must be text' }).optional(),
    quadrants: z.array(Named).length(4, { error: 'a Zalando radar has four quadrants' }).optional(),
    rings: z.array(Named).min(1).max(8, { error: 'a radar holds at most 8 rings' }).optional(),
    entries: z.array(ZalandoEntry, { error: 'a Zalando radar file has an "entries" array' }),
  })
  .loose();

/** Zalando's own ring colours, innermost first; further rings are grey. */
const RING_COLOURS = ['#5ba300', '#009eb0', '#c7ba00', '#e09b96'];

export function importZalando(text: string, frame: ImportFrame, file: string, date?: string): { radar?: Radar; problems: Problem[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { problems: [{ file, field: '', message: `malformed JSON: ${(e as Error).message}`, severity: 'error' }] };
  }
  const parsed = ZalandoConfig.safeParse(raw);
  if (!parsed.success)
    return {
      problems: parsed.error.issues.map((i) => {
        const entry = i.path[0] === 'entries' && typeof i.path[1] === 'number' ? `entry ${i.path[1] + 1}: ` : '';
        return { file, field: fieldPath(i.path) || 'entries', message: `${entry}${i.message}`, severity: 'error' as const };
      }),
    };
  const data = parsed.data;
  const used: ImportFrame = { ...frame };
  if (frame.fromFile?.title && data.title?.trim()) used.title = data.title.trim();
  if (frame.fromFile?.quadrants) {
    if (!data.quadrants)
      return {
        problems: [
          {
            file,
            field: 'quadrants',
            message: 'the file names no quadrants (a Zalando config has "quadrants": [{"name": ...}] x4); name them (mlnav: --quadrants A,B,C,D)',
            severity: 'error',
          },
        ],
      };
    const list = new NameList();
    // Zalando lists them from the bottom right, anticlockwise; ours[k] is Zalando's (k + 2) mod 4.
    const ids = data.quadrants.map((q) => list.add(q.name));
    if (list.items.length !== 4) return { problems: [{ file, field: 'quadrants', message: 'two quadrants have one name', severity: 'error' }] };
    used.quadrants = [0, 1, 2, 3].map((k) => list.items.find((x) => x.id === ids[oursToZalando(k)])!);
  }
  if (frame.fromFile?.rings && data.rings) {
    const list = new NameList();
    data.rings.forEach((r) => list.add(r.name));
    if (list.items.length !== data.rings.length) return { problems: [{ file, field: 'rings', message: 'two rings have one name', severity: 'error' }] };
    used.rings = list.items;
  }
  const problems: Problem[] = [];
  const rows: FlatRow[] = [];
  data.entries.forEach((e, i) => {
    if (e.ring >= used.rings.length) {
      problems.push({
        file,
        field: `entries[${i}].ring`,
        message: `entry ${i + 1}: ring must be 0 to ${used.rings.length - 1}, not ${e.ring}`,
        severity: 'error',
      });
      return;
    }
    rows.push({
      row: i + 1,
      name: e.label,
      ring: used.rings[e.ring]!.id,
      quadrant: used.quadrants[zalandoToOurs(e.quadrant)]!.id,
      movement: MOVED[e.moved ?? 0]!,
      ...(e.link ? { link: e.link } : {}),
      // Zalando keeps inactive entries for history; so do we, flagged.
      ...(e.active === false ? { inactive: true as const } : {}),
    });
  });
  if (problems.length) return { problems };
  const out = radarFromRows(used, date ?? (data.date === undefined ? 'undated' : String(data.date)), rows, file);
  // radarFromRows names rows; for Zalando a "row" is an entry.
  return { ...out, problems: out.problems.map((p) => ({ ...p, line: undefined, message: p.message.replace(/^row (\d+):/, 'entry $1:') })) };
}

export function exportZalando(radar: Radar): string {
  const ring = new Map(radar.rings.map((r, i) => [r.id, i]));
  const quadrant = new Map(radar.quadrants.map((q, i) => [q.id, i]));
  const entries = editionState(radar).map((b) => ({
    quadrant: oursToZalando(quadrant.get(b.quadrant)!),
    ring: ring.get(b.ring)!,
    label: b.name,
    ...(b.link ? { link: b.link } : {}),
    active: !b.inactive,
    moved: MOVED_OUT[b.movement],
  }));
  return (
    JSON.stringify(
      {
        title: radar.title,
        date: radar.editions.at(-1)!.date,
        quadrants: [0, 1, 2, 3].map((z) => ({ name: radar.quadrants[zalandoToOurs(z)]!.name })),
        rings: radar.rings.map((r, i) => ({ name: r.name, color: RING_COLOURS[i] ?? '#bbbbbb' })),
        entries,
      },
      null,
      2,
    ) + '\n'
  );
}
