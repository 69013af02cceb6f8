import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { fieldPath, type Problem } from '../../core/problems.js';
import type { Radar, Movement } from '../../core/radar/schema.js';
import { editionState } from '../../core/radar/movement.js';
import { NameList, radarFromRows, resolver, type FlatRow, type ImportFrame } from './frame.js';
import { parseCsv } from './dsv.js';

/**
 * Thoughtworks Build-Your-Own-Radar: name, ring, quadrant, isNew (older sheets) or status (newer),
 * description, and on Thoughtworks' own volumes relatedBlips. BYOR takes the ring and quadrant names from
 * the sheet itself, in order of first appearance (at most four quadrants), and shows every row, two rows of
 * one name included.
 */
const Cell = (what: string) => z.string({ error: `${what} must be text` });
const Required = (what: string) =>
  Cell(what)
    .trim()
    .min(1, { error: `missing ${what}` });

/** One row of a BYOR CSV: every cell is text; columns BYOR does not read are allowed. */
export const ByorCsvRow = z
  .object({
    name: Required('name'),
    ring: Required('ring'),
    quadrant: Required('quadrant'),
    isNew: Cell('isNew').optional(),
    status: Cell('status').optional(),
    description: Cell('description').optional(),
    /** Names, separated by ";", as Thoughtworks' volumes write them. */
    relatedBlips: Cell('relatedBlips').optional(),
  })
  .loose();

/** One blip of a BYOR JSON file: as a CSV row, but isNew may be a boolean and relatedBlips an array. */
export const ByorJsonBlip = ByorCsvRow.extend({
  isNew: z.union([z.string(), z.boolean()], { error: 'isNew must be TRUE or FALSE' }).optional(),
  relatedBlips: z.union([z.string(), z.array(z.string())], { error: 'relatedBlips must be text or a list of names' }).optional(),
});
const JSON_SHAPE = 'a BYOR JSON file is an array of {name, ring, quadrant, isNew|status, description, relatedBlips}';
export const ByorJson = z.array(ByorJsonBlip, { error: JSON_SHAPE });
type ByorBlip = z.infer<typeof ByorJsonBlip>;

const STATUS: Record<string, Movement> = { new: 'new', 'moved in': 'moved-in', 'moved out': 'moved-out', 'no change': 'no-change' };
const STATUS_OUT: Record<Movement, string> = { new: 'New', 'moved-in': 'Moved In', 'moved-out': 'Moved Out', 'no-change': 'No Change' };

/** BYOR draws at most this many quadrants and rings. */
export const BYOR_MAX = 4;

interface Located {
  rec: ByorBlip;
  /** What a message says: "row 3" (CSV, the header is row 1) or "blip 3" (JSON, from 1). */
  label: string;
  /** The CSV line the row starts on; none for JSON. */
  line?: number;
  /** The JSON path prefix ("[2]."), or "" for CSV. */
  path: string;
}

const splitRelated = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : (v ?? '').split(';')).map((s) => s.trim()).filter(Boolean);

function rowsFrom(records: Located[], frame: ImportFrame, file: string): { rows: FlatRow[]; problems: Problem[]; frame: ImportFrame } {
  const problems: Problem[] = [];
  const err = (at: Located, field: string, message: string) =>
    problems.push({ file, ...(at.line ? { line: at.line } : {}), field: `${at.path}${field}`, message: `${at.label}: ${message}`, severity: 'error' });
  const own = { rings: new NameList(), quadrants: new NameList() };
  const ringOf = frame.fromFile?.rings ? undefined : resolver('ring', frame);
  const quadrantOf = frame.fromFile?.quadrants ? undefined : resolver('quadrant', frame);
  const rows: FlatRow[] = [];
  for (const at of records) {
    const rec = at.rec;
    let r: string | undefined, q: string | undefined;
    if (ringOf) {
      r = ringOf(rec.ring);
      if (!r) err(at, 'ring', `unknown ring "${rec.ring}" (known: ${frame.rings.map((x) => x.name).join(', ')}; map it with --map-ring)`);
    } else if (own.rings.has(rec.ring) || own.rings.items.length < 8) r = own.rings.add(rec.ring);
    else err(at, 'ring', `a ninth ring "${rec.ring}": a radar holds at most 8 rings`);
    if (quadrantOf) {
      q = quadrantOf(rec.quadrant);
      if (!q) err(at, 'quadrant', `unknown quadrant "${rec.quadrant}" (known: ${frame.quadrants.map((x) => x.name).join(', ')}; map it with --map-quadrant)`);
    } else if (own.quadrants.has(rec.quadrant) || own.quadrants.items.length < BYOR_MAX) q = own.quadrants.add(rec.quadrant);
    else
      err(
        at,
        'quadrant',
        `a fifth quadrant "${rec.quadrant}": BYOR and this radar have four (${own.quadrants.items.map((x) => x.name).join(', ')}); map it with --quadrants and --map-quadrant`,
      );
    let movement: Movement = 'no-change';
    if (rec.status !== undefined && rec.status.trim() !== '') {
      const m = STATUS[rec.status.trim().toLowerCase().replace(/\s+/g, ' ')];
      if (!m) {
        err(at, 'status', `unknown status "${rec.status}" (New, Moved In, Moved Out, No Change)`);
        continue;
      }
      movement = m;
    } else if (rec.isNew !== undefined) {
      const v = String(rec.isNew).trim().toLowerCase();
      if (!['true', 'false', ''].includes(v)) {
        err(at, 'isNew', `isNew must be TRUE or FALSE, not "${String(rec.isNew)}"`);
        continue;
      }
      movement = v === 'true' ? 'new' : 'no-change';
    }
    const related = splitRelated(rec.relatedBlips);
    if (r && q)
      rows.push({
        row: at.line ?? 0,
        name: rec.name,
        ring: r,
        quadrant: q,
        movement,
        ...(rec.description?.trim() ? { rationale: rec.description } : {}),
        ...(related.length ? { relatedBlips: related } : {}),
      });
  }
  const used = {
    ...frame,
    ...(frame.fromFile?.rings && own.rings.items.length ? { rings: own.rings.items } : {}),
    ...(frame.fromFile?.quadrants && own.quadrants.items.length ? { quadrants: own.quadrants.items } : {}),
  };
  return { rows, problems, frame: used };
}

/** Runs a zod schema on one record; its issues as problems naming the file, the row (or JSON path) and the field. */
function checkRecord(schema: z.ZodType<ByorBlip>, value: unknown, at: Omit<Located, 'rec'>, file: string, problems: Problem[]): ByorBlip | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const i of parsed.error.issues)
    problems.push({
      file,
      ...(at.line ? { line: at.line } : {}),
      field: `${at.path}${fieldPath(i.path)}`,
      message: `${at.label}: ${i.message}`,
      severity: 'error',
    });
  return undefined;
}

function finish(located: Located[], problems: Problem[], frame: ImportFrame, file: string, date: string) {
  if (problems.length) return { problems };
  const { rows, problems: more, frame: used } = rowsFrom(located, frame, file);
  if (more.length) return { problems: more };
  if (!rows.length) return { problems: [{ file, field: '', message: 'no blips: the file has a header but no rows', severity: 'error' as const }] };
  return radarFromRows(used, date, rows, file);
}

export function importByorCsv(text: string, frame: ImportFrame, file: string, date: string): { radar?: Radar; problems: Problem[] } {
  const parsed = parseCsv(text);
  if ('error' in parsed)
    return { problems: [{ file, line: parsed.error.line, field: '', message: `malformed CSV: ${parsed.error.message}`, severity: 'error' }] };
  const [head, ...body] = parsed.records;
  const columns = (head?.cells ?? []).map((c) => c.trim());
  const missing = ['name', 'ring', 'quadrant'].filter((c) => !columns.includes(c));
  if (missing.length)
    return { problems: [{ file, line: 1, field: missing[0]!, message: `the header lacks column(s): ${missing.join(', ')}`, severity: 'error' }] };
  const problems: Problem[] = [];
  const located: Located[] = [];
  body.forEach((r, i) => {
    if (r.cells.every((c) => c.trim() === '')) return; // a blank line, as spreadsheets leave at the end
    // Row numbers as a spreadsheet shows them: the header is row 1. As d3-dsv does, a missing cell is empty.
    const obj = Object.fromEntries(columns.map((c, k) => [c, r.cells[k] ?? '']));
    const at = { label: `row ${i + 2}`, line: r.line, path: '' };
    const rec = checkRecord(ByorCsvRow, obj, at, file, problems);
    if (rec) located.push({ rec, ...at });
  });
  return finish(located, problems, frame, file, date);
}

export function importByorJson(text: string, frame: ImportFrame, file: string, date: string): { radar?: Radar; problems: Problem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { problems: [{ file, field: '', message: `malformed JSON: ${(e as Error).message}`, severity: 'error' }] };
  }
  if (!Array.isArray(data)) return { problems: [{ file, field: '', message: JSON_SHAPE, severity: 'error' }] };
  const problems: Problem[] = [];
  const located: Located[] = [];
  data.forEach((v, i) => {
    const at = { label: `blip ${i + 1}`, path: `[${i}].` };
    const rec = checkRecord(ByorJsonBlip, v, at, file, problems);
    if (rec) located.push({ rec, ...at });
  });
  return finish(located, problems, frame, file, date);
}

function flat(radar: Radar) {
  const ringIndex = new Map(radar.rings.map((r, i) => [r.id, i]));
  const quadrantIndex = new Map(radar.quadrants.map((q, i) => [q.id, i]));
  const names = new Map(radar.rings.map((r) => [r.id, r.name]));
  const quadrants = new Map(radar.quadrants.map((q) => [q.id, q.name]));
  // Innermost ring first, then quadrant by quadrant: BYOR orders rings by first appearance, so this keeps ours.
  return editionState(radar)
    .map((b, i) => ({ b, i }))
    .sort((x, y) => ringIndex.get(x.b.ring)! - ringIndex.get(y.b.ring)! || quadrantIndex.get(x.b.quadrant)! - quadrantIndex.get(y.b.quadrant)! || x.i - y.i)
    .map(({ b }) => ({
      name: b.name,
      ring: names.get(b.ring)!,
      quadrant: quadrants.get(b.quadrant)!,
      isNew: b.movement === 'new' ? 'TRUE' : 'FALSE',
      status: STATUS_OUT[b.movement],
      description: b.rationale ?? '',
      relatedBlips: b.relatedBlips ?? [],
    }));
}

/** What a radar has that BYOR cannot draw: more than four rings or quadrants in use. The CLI words these. */
export type ByorLimit = { code: 'byor-rings' | 'byor-quadrants'; count: number; max: number };
export function byorLimits(radar: Radar): ByorLimit[] {
  const state = editionState(radar);
  const rings = new Set(state.map((b) => b.ring)).size;
  const quadrants = new Set(state.map((b) => b.quadrant)).size;
  return [
    ...(rings > BYOR_MAX ? [{ code: 'byor-rings' as const, count: rings, max: BYOR_MAX }] : []),
    ...(quadrants > BYOR_MAX ? [{ code: 'byor-quadrants' as const, count: quadrants, max: BYOR_MAX }] : []),
  ];
}

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return first) gets a
 * leading apostrophe, which spreadsheets show as text (the OWASP advice for CSV injection).
 */
export const neutraliseFormula = (v: unknown) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export const exportByorCsv = (radar: Radar) =>
  stringify(
    flat(radar).map((r) => Object.fromEntries(Object.entries({ ...r, relatedBlips: r.relatedBlips.join(';') }).map(([k, v]) => [k, neutraliseFormula(v)]))),
    { header: true, columns: ['name', 'ring', 'quadrant', 'isNew', 'status', 'description', 'relatedBlips'] },
  );
export const exportByorJson = (radar: Radar) => JSON.stringify(flat(radar), null, 2) + '\n';
