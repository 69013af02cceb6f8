import { Option, type Command } from 'commander';
import { relative, resolve } from 'node:path';
import type { Catalogue } from '../../core/catalogue/catalogue.js';
import { findTool } from '../../core/catalogue/catalogue.js';
import { formatProblem } from '../../core/problems.js';
import { suggestedRadar, DEFAULT_STANDPOINT } from '../../core/radar/default.js';
import { catalogueRadar } from '../../app/catalogue-radar.js';
import { radarPicture } from '../../core/radar/picture.js';
import type { Radar } from '../../core/radar/schema.js';
import { analyzeStack } from '../../core/stack/analyze.js';
import { centroid } from '../../core/stack/geometry.js';
import { type ImportFrame, type RadarFormat } from '../../formats/radar/frame.js';
import { distinctIds } from '../../core/ids.js';
import { readRadar, writeRadar } from '../../formats/radar/radar-file.js';
import { byorLimits, type ByorLimit } from '../../formats/radar/byor.js';
import { combineEditions } from '../../formats/radar/combine.js';
import { OutputDirError } from '../../app/output-dir.js';
import { writePicture } from '../../export/write-picture.js';
import { UserError, cliActor, list, printJson, withCatalogue } from '../context.js';
import { loadStack } from './stack.js';

const FORMATS = ['ours', 'byor-csv', 'byor-json', 'zalando', 'backstage', 'aoe'] as const;

interface FrameOptions {
  format?: RadarFormat;
  quadrants?: string[];
  rings?: string[];
  mapRing?: string[];
  mapQuadrant?: string[];
  title?: string;
}

const pairs = (v: string, prev: string[] = []) => [...prev, v];

/**
 * The frame a file is read into. Without --quadrants / --rings (or a --map-… into ours), a format that names
 * its own quadrants and rings (BYOR's sheet, a Zalando config) is read with those; `ownNames: false` reads
 * every file into the landscape's (for --into, whose radar has its own).
 */
function frameOf(cat: Catalogue, o: FrameOptions, ownNames = true): ImportFrame {
  const named = (names: string[]) => {
    const ids = distinctIds(names);
    return names.map((n, i) => ({ id: ids[i]!, name: n }));
  };
  const mapping = (entries: string[] | undefined) =>
    Object.fromEntries(
      (entries ?? []).map((e) => {
        const at = e.lastIndexOf('=');
        if (at <= 0) throw new UserError(`a mapping is NAME=id, not "${e}"`, 2);
        return [e.slice(0, at), e.slice(at + 1)];
      }),
    );
  const quadrants = o.quadrants ? named(o.quadrants) : cat.tax.taxonomy.quadrants.map((q) => ({ id: q.id, name: q.name }));
  if (quadrants.length !== 4) throw new UserError('--quadrants takes exactly four names', 2);
  const rings = o.rings ? named(o.rings) : cat.tax.taxonomy.rings.map((r) => ({ id: r.id, name: r.name }));
  if (!rings.length || rings.length > 8) throw new UserError('--rings takes 1 to 8 names', 2);
  return {
    title: o.title ?? 'Imported radar',
    quadrants,
    rings,
    ringMap: mapping(o.mapRing),
    quadrantMap: mapping(o.mapQuadrant),
    findTool: (name) => findTool(cat, name)?.id,
    ...(ownNames
      ? { fromFile: { quadrants: !o.quadrants && !o.mapQuadrant?.length, rings: !o.rings && !o.mapRing?.length, title: o.title === undefined } }
      : {}),
  };
}

/** The CLI's words for what BYOR cannot draw (coded, on stderr). */
const BYOR_WARNING: Record<ByorLimit['code'], (l: ByorLimit) => string> = {
  'byor-rings': (l) => `the radar has ${l.count} rings in use; BYOR draws at most ${l.max}, so blips past the ${l.max}th ring will not show as BYOR draws them`,
  'byor-quadrants': (l) => `the radar has ${l.count} quadrants in use; BYOR draws at most ${l.max}`,
};
function warnByor(r: Radar, format: RadarFormat): void {
  if (format !== 'byor-csv' && format !== 'byor-json') return;
  for (const l of byorLimits(r)) process.stderr.write(`mlnav: warning [${l.code}]: ${BYOR_WARNING[l.code](l)}\n`);
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

function withFrameOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--format <f>', 'the input format (default: from the extension or content)').choices(FORMATS))
    .option('--quadrants <names>', "four quadrant names, comma-separated, clockwise from top left (default: the landscape's)", list)
    .option('--rings <names>', 'ring names, innermost first (default: Adopt, Trial, Assess, Hold)', list)
    .option('--map-ring <name=id>', 'read a foreign ring name as one of ours (repeatable)', pairs)
    .option('--map-quadrant <name=id>', 'read a foreign quadrant name as one of ours (repeatable)', pairs)
    .option('--title <text>', 'title for an imported radar');
}

export function loadRadar(cat: Catalogue, path: string, o: FrameOptions, date?: string, ownNames = true): Radar {
  const full = resolve(path);
  const { radar, problems } = readRadar(full, relative(process.cwd(), full) || path, frameOf(cat, o, ownNames), o.format, date);
  if (!radar) throw new UserError(problems.map(formatProblem).join('\n'));
  return radar;
}

function editionIndex(radar: Radar, edition?: string): number {
  if (edition === undefined) return radar.editions.length - 1;
  const i = radar.editions.findIndex((e) => e.date === edition);
  if (i < 0) throw new UserError(`no edition "${edition}"; editions: ${radar.editions.map((e) => e.date).join(', ')}`);
  return i;
}

export function registerRadar(program: Command): void {
  const radar = program.command('radar').description("the adoption radar: part 3's strategy, with the ecosystem's radar formats");

  radar
    .command('new')
    .description("a radar of the catalogue: part 3's category rings, or rings suggested by distance from where you stand")
    .requiredOption('--out <file>', 'radar file to write (YAML, or any format by --format)')
    .addOption(new Option('--format <f>', 'output format').choices(FORMATS).default('ours'))
    .option('--date <date>', 'edition date', new Date().toISOString().slice(0, 7))
    .option('--suggest', 'suggest rings by distance on the map from where you stand (default: the software/piecemeal corner)')
    .option('--stack <file>', "with --suggest: stand at the centre of this stack's tools")
    .option('--decided <radar>', "with --suggest: an earlier radar whose rings are the owner's decisions (they win)")
    .action(async (o: { out: string; format: RadarFormat; date: string; suggest?: boolean; stack?: string; decided?: string }, cmd: Command) => {
      await withCatalogue(cmd, ({ catalogue }) => {
        let r: Radar;
        if (o.suggest) {
          const standpoint = o.stack ? (centroid(analyzeStack(catalogue, loadStack(catalogue, o.stack)).tools) ?? DEFAULT_STANDPOINT) : DEFAULT_STANDPOINT;
          r = suggestedRadar(catalogue, o.date, standpoint, o.decided ? loadRadar(catalogue, o.decided, {}) : undefined);
        } else r = catalogueRadar(catalogue, o.date);
        process.stdout.write(`wrote ${writeRadar(r, resolve(o.out), o.format)} (${r.editions.at(-1)!.blips.length} blips)\n`);
        warnByor(r, o.format);
      });
    });

  withFrameOptions(
    radar
      .command('import')
      .description('read a radar in any supported format and write it in ours; several files, each with its --date, make one radar with an edition each')
      .argument('<input...>', 'file(s), or folder for AOE'),
  )
    .option('--out <file>', 'radar YAML to write')
    .option('--date <YYYY-MM-DD>', "the edition's date (BYOR files carry none; default this month); once per input, in order", pairs)
    .option('--into <radar-id>', "or: replace the draft of this radar of the organisation (in the database) with the latest edition's blips")
    .action(async (inputs: string[], o: FrameOptions & { out?: string; into?: string; date?: string[] }, cmd: Command) => {
      if (!o.out === !o.into) throw new UserError('give --out FILE or --into RADAR-ID (one of them)', 2);
      const dates = o.date ?? [];
      for (const d of dates) if (!DATE.test(d)) throw new UserError(`--date takes YYYY-MM-DD or YYYY-MM, not "${d}"`, 2);
      if (inputs.length > 1 && dates.length !== inputs.length)
        throw new UserError(`${inputs.length} files need ${inputs.length} --date options, one per file in order (got ${dates.length})`, 2);
      if (inputs.length === 1 && dates.length > 1) throw new UserError('one file takes one --date', 2);
      if (o.into && inputs.length > 1) throw new UserError('--into takes one file', 2);
      await withCatalogue(cmd, async ({ catalogue, store }) => {
        if (o.into) {
          const input = inputs[0]!;
          const target = await store.getRadar(o.into);
          if (!target) throw new UserError(`no radar "${o.into}" in the database (mlnav serve lists them at /api/radars)`);
          const r = loadRadar(catalogue, input, { ...o, rings: undefined, quadrants: undefined, title: target.title }, dates[0], false);
          const blips = r.editions.at(-1)!.blips;
          const foreign = blips.filter((b) => !target.rings.some((x) => x.id === b.ring) || !target.quadrants.some((x) => x.id === b.quadrant));
          if (foreign.length)
            throw new UserError(
              `${foreign.length} blip(s) use rings or quadrants "${o.into}" does not have (first: ${foreign[0]!.name}, ${foreign[0]!.ring}/${foreign[0]!.quadrant}): map them with --map-ring / --map-quadrant`,
            );
          await store.replaceDraft(o.into, blips, cliActor(`mlnav radar import ${input}`));
          process.stdout.write(
            `replaced the draft of "${o.into}" with ${blips.length} blips from ${input}; publish it in the app or with POST /api/radars/${o.into}/editions\n`,
          );
          return;
        }
        let r: Radar;
        if (inputs.length === 1) r = loadRadar(catalogue, inputs[0]!, o, dates[0]);
        else {
          const parts = inputs.map((input, i) => ({ radar: loadRadar(catalogue, input, o, dates[i]), file: input }));
          const combined = combineEditions(parts, o.title);
          if (!combined.radar) throw new UserError(combined.problems.map(formatProblem).join('\n'));
          r = combined.radar;
        }
        writeRadar(r, resolve(o.out!), 'ours');
        process.stdout.write(`imported ${r.editions.at(-1)!.blips.length} blips in ${r.editions.length} edition(s) into ${o.out}\n`);
      });
    });

  withFrameOptions(radar.command('export').description('write a radar in another format').argument('<radar>', 'radar file (any supported format)'))
    .addOption(new Option('--to <format>', 'output format').choices(FORMATS).makeOptionMandatory())
    .requiredOption('--out <path>', 'file to write (a folder for AOE: empty, or one mlnav wrote before)')
    .option('--force', 'AOE: write into a non-empty folder mlnav did not write, deleting nothing')
    .action(async (input: string, o: FrameOptions & { to: RadarFormat; out: string; force?: boolean }, cmd: Command) => {
      await withCatalogue(cmd, ({ catalogue }) => {
        try {
          const r = loadRadar(catalogue, input, o);
          process.stdout.write(`wrote ${writeRadar(r, resolve(o.out), o.to, { force: o.force })}\n`);
          warnByor(r, o.to);
        } catch (e) {
          if (e instanceof OutputDirError) throw new UserError(e.message);
          throw e;
        }
      });
    });

  withFrameOptions(radar.command('render').description('draw a radar edition as SVG or PNG').argument('<radar>', 'radar file (any supported format)'))
    .requiredOption('--out <file>', 'FILE.svg or FILE.png')
    .option('--edition <date>', 'which edition (default: the latest)')
    .action(async (input: string, o: FrameOptions & { out: string; edition?: string }, cmd: Command) => {
      if (!/\.(svg|png)$/i.test(o.out)) throw new UserError(`--out must end in .svg or .png: "${o.out}"`, 2);
      await withCatalogue(cmd, ({ catalogue }) => {
        const r = loadRadar(catalogue, input, o);
        const { svg, layout } = radarPicture(r, editionIndex(r, o.edition));
        writePicture(o.out, svg);
        process.stdout.write(`wrote ${o.out} (${layout.blips.length} blips)\n`);
      });
    });

  withFrameOptions(
    radar
      .command('layout')
      .description("the blips' positions in the render's coordinates (centre 0,0)")
      .argument('<radar>', 'radar file (any supported format)'),
  )
    .option('--edition <date>', 'which edition (default: the latest)')
    .option('--json', 'print JSON (the default)')
    .action(async (input: string, o: FrameOptions & { edition?: string }, cmd: Command) => {
      await withCatalogue(cmd, ({ catalogue }) => {
        const r = loadRadar(catalogue, input, o);
        const { layout } = radarPicture(r, editionIndex(r, o.edition));
        printJson({ rings: layout.rings, blips: layout.blips.map(({ id, ring, quadrant, x, y, r: rad }) => ({ id, ring, quadrant, x, y, r: rad })) });
      });
    });
}
