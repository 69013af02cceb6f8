import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import { stringify } from 'yaml';
import type { Problem } from '../../core/problems.js';
import { RadarSchema, type Radar } from '../../core/radar/schema.js';
import { parseYaml, validateYaml } from '../yaml-source.js';
import type { ImportFrame, RadarFormat } from './frame.js';
import { exportByorCsv, exportByorJson, importByorCsv, importByorJson } from './byor.js';
import { exportZalando, importZalando } from './zalando.js';
import { exportBackstage, importBackstage } from './backstage.js';
import { exportAoe, importAoe } from './aoe.js';

/** Which format a path holds: a folder is AOE; otherwise the extension, and for JSON a look inside. */
export function detectFormat(path: string): RadarFormat {
  if (existsSync(path) && statSync(path).isDirectory()) return 'aoe';
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'byor-csv';
  if (ext === '.json') {
    try {
      const d = JSON.parse(readFileSync(path, 'utf8'));
      if (Array.isArray(d)) return 'byor-json';
      if (d && Array.isArray(d.entries)) {
        // Zalando's entries have a label and index numbers, Backstage's an id and a timeline; both files may list quadrants.
        const entries = d.entries as unknown[];
        const zalando = (e: unknown) => !!e && typeof e === 'object' && 'label' in e && !('timeline' in e);
        if (entries.length ? entries.every(zalando) : !Array.isArray(d.quadrants)) return 'zalando';
        if (Array.isArray(d.quadrants)) return 'backstage';
        return 'zalando';
      }
    } catch {
      return 'byor-json'; // the importer reports the malformed JSON
    }
  }
  return 'ours';
}

/** Reads a radar in any supported format; every problem names its file and row or line. */
export function readRadar(
  path: string,
  shown: string,
  frame: ImportFrame,
  format: RadarFormat = detectFormat(path),
  /** The edition's date; BYOR files carry none (default: this month), Zalando's their own. */
  date?: string,
): { radar?: Radar; problems: Problem[]; format: RadarFormat } {
  const month = date ?? new Date().toISOString().slice(0, 7);
  const result = (() => {
    if (format === 'aoe') return importAoe(path, frame);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      return { problems: [{ file: shown, field: '', message: `cannot read: ${(e as Error).message}`, severity: 'error' as const }] };
    }
    switch (format) {
      case 'byor-csv':
        return importByorCsv(text, frame, shown, month);
      case 'byor-json':
        return importByorJson(text, frame, shown, month);
      case 'zalando':
        return importZalando(text, frame, shown, date);
      case 'backstage':
        return importBackstage(text, frame, shown);
      case 'ours': {
        const src = parseYaml(shown, text);
        if (src.data === undefined) return { problems: src.problems };
        const { value, problems } = validateYaml(src, RadarSchema);
        return value ? { radar: value, problems: [] } : { problems };
      }
    }
  })();
  return { ...result, format };
}

export function radarToYaml(radar: Radar): string {
  return stringify(radar, { lineWidth: 100 });
}

/** Writes a radar in a format; AOE writes a folder. Returns what was written. */
export function writeRadar(radar: Radar, out: string, format: RadarFormat, opts: { force?: boolean } = {}): string {
  if (format === 'aoe') return `${exportAoe(radar, out, opts)} Markdown files in ${out}`;
  mkdirSync(dirname(out), { recursive: true });
  const text =
    format === 'byor-csv'
      ? exportByorCsv(radar)
      : format === 'byor-json'
        ? exportByorJson(radar)
        : format === 'zalando'
          ? exportZalando(radar)
          : format === 'backstage'
            ? JSON.stringify(exportBackstage(radar), null, 2) + '\n'
            : radarToYaml(radar);
  writeFileSync(out, text);
  return out;
}
