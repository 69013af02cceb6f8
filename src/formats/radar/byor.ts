import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Problem } from '../../core/problems.js';
import type { Radar, Movement } from '../../core/radar/schema.js';
import { editionState } from '../../core/radar/movement.js';
import { radarFromRows, resolver, type FlatRow, type ImportFrame } from './frame.js';

/** Thoughtworks Build-Your-Own-Radar: name, ring, quadrant, isNew (older sheets) or status (newer), description. */
interface ByorRow {
  name?: unknown;
  ring?: unknown;
  quadrant?: unknown;
  isNew?: unknown;
  status?: unknown;
  description?: unknown;
}

const STATUS: Record<string, Movement> = { new: 'new', 'moved in': 'moved-in', 'moved out': 'moved-out', 'no change': 'no-change' };
const STATUS_OUT: Record<Movement, string> = { new: 'New', 'moved-in': 'Moved In', 'moved-out': 'Moved Out', 'no-change': 'No Change' };

function rowsFrom(records: ByorRow[], frame: ImportFrame, file: string, rowOf: (i: number) => number): { rows: FlatRow[]; problems: Problem[] } {
  const ring = resolver('ring', frame),
    quadrant = resolver('quadrant', frame);
  const rows: FlatRow[] = [];
  const problems: Problem[] = [];
  records.forEach((rec, i) => {
    const row = rowOf(i);
    const err = (field: string, message: string) => problems.push({ file, line: row, field, message: `row ${row}: ${message}`, severity: 'error' });
    const name = typeof rec.name === 'string' ? rec.name.trim() : '';
    if (!name) return err('name', 'missing name');
    const r = ring(String(rec.ring ?? ''));
    const q = quadrant(String(rec.quadrant ?? ''));
    if (!r) err('ring', `unknown ring "${String(rec.ring ?? '')}" (known: ${frame.rings.map((x) => x.name).join(', ')}; map it with --map-ring)`);
    if (!q)
      err('quadrant', `unknown quadrant "${String(rec.quadrant ?? '')}" (known: ${frame.quadrants.map((x) => x.name).join(', ')}; map it with --map-quadrant)`);
    let movement: Movement = 'no-change';
    if (rec.status !== undefined && String(rec.status).trim() !== '') {
      const m = STATUS[String(rec.status).trim().toLowerCase()];
      if (!m) return err('status', `unknown status "${String(rec.status)}" (New, Moved In, Moved Out, No Change)`);
      movement = m;
    } else if (rec.isNew !== undefined) {
      const v = String(rec.isNew).trim().toLowerCase();
      if (!['true', 'false', ''].includes(v)) return err('isNew', `isNew must be TRUE or FALSE, not "${String(rec.isNew)}"`);
      movement = v === 'true' ? 'new' : 'no-change';
    }
    if (r && q)
      rows.push({
        row,
        name,
        ring: r,
        quadrant: q,
        movement,
        rationale: typeof rec.description === 'string' && rec.description.trim() ? rec.description : undefined,
      });
  });
  return { rows, problems };
}

export function importByorCsv(text: string, frame: ImportFrame, file: string, date: string): { radar?: Radar; problems: Problem[] } {
  let records: ByorRow[];
  try {
    records = parse(text, { columns: (h: string[]) => h.map((c) => c.trim()), skip_empty_lines: true, trim: false, relax_column_count: false, bom: true });
  } catch (e) {
    const err = e as Error & { lines?: number };
    return { problems: [{ file, line: err.lines, field: '', message: `malformed CSV: ${err.message}`, severity: 'error' }] };
  }
  const missing = ['name', 'ring', 'quadrant'].filter((c) => records.length && !(c in records[0]!));
  if (missing.length)
    return { problems: [{ file, line: 1, field: missing[0]!, message: `the header lacks column(s): ${missing.join(', ')}`, severity: 'error' }] };
  // Row numbers as a spreadsheet shows them: the header is row 1.
  const { rows, problems } = rowsFrom(records, frame, file, (i) => i + 2);
  return problems.length ? { problems } : radarFromRows(frame, date, rows, file);
}

export function importByorJson(text: string, frame: ImportFrame, file: string, date: string): { radar?: Radar; problems: Problem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { problems: [{ file, field: '', message: `malformed JSON: ${(e as Error).message}`, severity: 'error' }] };
  }
  if (!Array.isArray(data))
    return { problems: [{ file, field: '', message: 'a BYOR JSON file is an array of {name, ring, quadrant, isNew|status, description}', severity: 'error' }] };
  const { rows, problems } = rowsFrom(data as ByorRow[], frame, file, (i) => i + 1);
  return problems.length ? { problems } : radarFromRows(frame, date, rows, file);
}

function flat(radar: Radar) {
  const names = new Map(radar.rings.map((r) => [r.id, r.name]));
  const quadrants = new Map(radar.quadrants.map((q) => [q.id, q.name]));
  return editionState(radar).map((b) => ({
    name: b.name,
    ring: names.get(b.ring)!,
    quadrant: quadrants.get(b.quadrant)!,
    isNew: b.movement === 'new' ? 'TRUE' : 'FALSE',
    status: STATUS_OUT[b.movement],
    description: b.rationale ?? '',
  }));
}

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return first) gets a
 * leading apostrophe, which spreadsheets show as text (the OWASP advice for CSV injection).
 */
export const neutraliseFormula = (v: unknown) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export const exportByorCsv = (radar: Radar) =>
  stringify(
    flat(radar).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, neutraliseFormula(v)]))),
    { header: true, columns: ['name', 'ring', 'quadrant', 'isNew', 'status', 'description'] },
  );
export const exportByorJson = (radar: Radar) => JSON.stringify(flat(radar), null, 2) + '\n';
