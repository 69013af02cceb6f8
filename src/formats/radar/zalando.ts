import type { Problem } from '../../core/problems.js';
import type { Radar, Movement } from '../../core/radar/schema.js';
import { editionState } from '../../core/radar/movement.js';
import { radarFromRows, type FlatRow, type ImportFrame } from './frame.js';

/**
 * Zalando's tech radar data: { date, entries: [{ quadrant, ring, label, link?, active, moved }] } with
 * quadrant and ring as indexes. Zalando counts quadrants from the bottom right, anticlockwise
 * (0 bottom-right, 1 bottom-left, 2 top-left, 3 top-right); ours run clockwise from the top left, so
 * positions are kept: ours = (zalando + 2) mod 4. moved: 0 none, 1 in, -1 out, 2 new.
 */
const MOVED: Record<number, Movement> = { 0: 'no-change', 1: 'moved-in', [-1]: 'moved-out', 2: 'new' };
const MOVED_OUT: Record<Movement, number> = { 'no-change': 0, 'moved-in': 1, 'moved-out': -1, new: 2 };

export const zalandoToOurs = (z: number) => (z + 2) % 4;
export const oursToZalando = (o: number) => (o + 2) % 4;

export function importZalando(text: string, frame: ImportFrame, file: string): { radar?: Radar; problems: Problem[] } {
  let data: { date?: unknown; entries?: unknown };
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { problems: [{ file, field: '', message: `malformed JSON: ${(e as Error).message}`, severity: 'error' }] };
  }
  if (!data || !Array.isArray(data.entries))
    return { problems: [{ file, field: 'entries', message: 'a Zalando radar file has an "entries" array', severity: 'error' }] };
  const problems: Problem[] = [];
  const rows: FlatRow[] = [];
  (data.entries as Array<Record<string, unknown>>).forEach((e, i) => {
    const row = i + 1;
    const err = (field: string, message: string) =>
      problems.push({ file, field: `entries[${i}].${field}`, message: `entry ${row}: ${message}`, severity: 'error' });
    const q = e.quadrant,
      r = e.ring;
    if (typeof e.label !== 'string' || !e.label.trim()) return err('label', 'missing label');
    if (!Number.isInteger(q) || (q as number) < 0 || (q as number) > 3) return err('quadrant', `quadrant must be 0 to 3, not ${JSON.stringify(q)}`);
    if (!Number.isInteger(r) || (r as number) < 0 || (r as number) >= frame.rings.length)
      return err('ring', `ring must be 0 to ${frame.rings.length - 1}, not ${JSON.stringify(r)}`);
    const moved = e.moved === undefined ? 0 : (e.moved as number);
    if (!(moved in MOVED)) return err('moved', `moved must be -1, 0, 1 or 2, not ${JSON.stringify(e.moved)}`);
    if (e.active === false) return; // Zalando keeps inactive entries for history; they are not on the radar
    rows.push({
      row,
      name: e.label.trim(),
      ring: frame.rings[r as number]!.id,
      quadrant: frame.quadrants[zalandoToOurs(q as number)]!.id,
      movement: MOVED[moved]!,
      link: typeof e.link === 'string' && /^https?:/.test(e.link) ? e.link : undefined,
    });
  });
  if (problems.length) return { problems };
  return radarFromRows(frame, typeof data.date === 'string' ? data.date : 'undated', rows, file);
}

export function exportZalando(radar: Radar): string {
  const ring = new Map(radar.rings.map((r, i) => [r.id, i]));
  const quadrant = new Map(radar.quadrants.map((q, i) => [q.id, i]));
  const entries = editionState(radar).map((b) => ({
    quadrant: oursToZalando(quadrant.get(b.quadrant)!),
    ring: ring.get(b.ring)!,
    label: b.name,
    ...(b.link ? { link: b.link } : {}),
    active: true,
    moved: MOVED_OUT[b.movement],
  }));
  return JSON.stringify({ date: radar.editions.at(-1)!.date, entries }, null, 2) + '\n';
}
