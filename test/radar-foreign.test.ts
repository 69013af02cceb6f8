import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsvIndependently } from 'csv-parse/sync';
import { parse as parseYamlText } from 'yaml';
import { readRadar, writeRadar } from '../src/formats/radar/radar-file.js';
import type { ImportFrame } from '../src/formats/radar/frame.js';
import { editionState } from '../src/core/radar/movement.js';
import { RadarSchema, type Radar } from '../src/core/radar/schema.js';
import { packageRoot } from '../src/app/paths.js';
import { runCli } from './helpers/cli.js';

// Real files other projects publish, beside the checkout in ../shared (see ../shared/README.md for each
// one's origin and licence: thoughtworks/build-your-own-radar samples, setchy/thoughtworks-tech-radar-volumes,
// zalando/tech-radar (MIT)). Where ../shared is missing the tests that need it are skipped.
const FIX = join(packageRoot, '..', 'shared', 'fixtures', 'radar');
const at = (...p: string[]) => join(FIX, ...p);
const NEEDS_SHARED = 'needs ../shared/fixtures/radar';

const dir = mkdtempSync(join(tmpdir(), 'mlnav-foreign-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));

/** What the CLI reads a file into with no --quadrants / --rings: the file's own names. */
const own: ImportFrame = {
  title: 'Imported radar',
  quadrants: ['A', 'B', 'C', 'D'].map((n) => ({ id: n.toLowerCase(), name: n })),
  rings: ['Adopt', 'Trial', 'Assess', 'Hold'].map((n) => ({ id: n.toLowerCase(), name: n })),
  fromFile: { quadrants: true, rings: true, title: true },
};

/** Rows of a BYOR CSV, counted by another parser (csv-parse, relaxed), independent of ours. */
const csvRows = (path: string) =>
  (
    parseCsvIndependently(readFileSync(path, 'utf8'), {
      columns: true,
      bom: true,
      skip_empty_lines: true,
      relax_quotes: true,
      relax_column_count: true,
    }) as Array<Record<string, string>>
  ).filter((r) => (r.name ?? '').trim());
const jsonRows = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Array<Record<string, unknown>>;
const current = (r: Radar) => r.editions.at(-1)!.blips;
const ringName = (r: Radar, id: string) => r.rings.find((x) => x.id === id)!.name;
const quadrantName = (r: Radar, id: string) => r.quadrants.find((x) => x.id === id)!.name;

describe('BYOR and Thoughtworks files, read with no flags, keep every blip', () => {
  const files = ['byor/radar.csv', 'byor/sheet.csv', 'byor/radar.json', 'byor/data.json', 'thoughtworks/volume-24.csv', 'thoughtworks/volume-24.json'];
  for (const f of files)
    it.skipIf(!existsSync(at(f)))(`${f} (${NEEDS_SHARED})`, async () => {
      const rows = f.endsWith('.csv') ? csvRows(at(f)) : jsonRows(at(f));
      const out = join(dir, `${f.replace(/\W/g, '-')}.yaml`);
      const res = await runCli(['--db', join(dir, 'cli.db'), 'radar', 'import', at(f), '--out', out, '--date', '2021-04-01']);
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      const radar = RadarSchema.parse(parseYamlText(readFileSync(out, 'utf8')));
      const blips = current(radar);
      expect(blips).toHaveLength(rows.length);
      // Every row is a blip, in order, with the ring and quadrant the file names (any case or slug spelling).
      const key = (s: string) =>
        s
          .toLowerCase()
          .replace(/&/g, 'and')
          .replace(/[^a-z]/g, '');
      expect(blips.map((b) => [b.name, key(ringName(radar, b.ring)), key(quadrantName(radar, b.quadrant))])).toEqual(
        rows.map((r) => [String(r.name).trim(), key(String(r.ring)), key(String(r.quadrant))]),
      );
      expect(new Set(blips.map((b) => b.id)).size).toBe(blips.length);
      expect(radar.editions.at(-1)!.date).toBe('2021-04-01');
    });

  it.skipIf(!existsSync(at('byor/radar.csv')))(`"languages-and-frameworks" and "Languages & Frameworks" are one quadrant (${NEEDS_SHARED})`, () => {
    const slugged = readRadar(at('byor/radar.csv'), 'radar.csv', own, 'byor-csv', '2021-04');
    expect(slugged.problems).toEqual([]);
    const named = readRadar(write('lf.csv', 'name,ring,quadrant\nKotlin,adopt,Languages & Frameworks\nRust,Trial,languages-and-frameworks\n'), 'lf.csv', own);
    expect(named.problems).toEqual([]);
    expect(named.radar!.quadrants.filter((q) => current(named.radar!).some((b) => b.quadrant === q.id))).toEqual([
      { id: 'languages-and-frameworks', name: 'Languages & Frameworks' },
    ]);
    expect(named.radar!.rings.map((r) => r.name)).toEqual(['adopt', 'Trial']);
  });

  it.skipIf(!existsSync(at('thoughtworks/volume-24.csv')))(
    `a Thoughtworks volume: the ring "caution", status and relatedBlips, the same from CSV and JSON (${NEEDS_SHARED})`,
    () => {
      const csv = readRadar(at('thoughtworks/volume-24.csv'), 'volume-24.csv', own, 'byor-csv', '2021-04');
      const json = readRadar(at('thoughtworks/volume-24.json'), 'volume-24.json', own, 'byor-json', '2021-04');
      expect(csv.problems).toEqual([]);
      expect(json.problems).toEqual([]);
      expect(csv.radar!.rings.map((r) => r.name)).toEqual(['adopt', 'trial', 'assess', 'caution']);
      const rows = jsonRows(at('thoughtworks/volume-24.json'));
      const related = rows.filter((r) => Array.isArray(r.relatedBlips) && r.relatedBlips.length);
      expect(related.length).toBeGreaterThan(0);
      for (const radar of [csv.radar!, json.radar!]) {
        const byName = new Map(current(radar).map((b) => [b.name, b]));
        for (const r of related) expect(byName.get(String(r.name))!.relatedBlips, String(r.name)).toEqual(r.relatedBlips);
        expect(current(radar).filter((b) => b.relatedBlips).length).toBe(related.length);
        // status "new" and "moved in" survive as movement against the reconstructed edition before.
        const state = new Map(editionState(radar).map((b) => [b.name, b.movement]));
        for (const r of rows) expect(state.get(String(r.name)), String(r.name)).toBe(String(r.status).replace(' ', '-').replace('no-change', 'no-change'));
      }
      const essence = (r: Radar) => editionState(r).map((b) => [b.name, b.ring, b.quadrant, b.movement, b.relatedBlips ?? []]);
      expect(essence(json.radar!)).toEqual(essence(csv.radar!));
    },
  );

  it.skipIf(!existsSync(at('byor/sheet.csv')))(`duplicate names are kept as distinct blips, as BYOR shows both (${NEEDS_SHARED})`, () => {
    const rows = csvRows(at('byor/sheet.csv'));
    const names = rows.map((r) => r.name!.trim());
    const dups = names.filter((n, i) => names.indexOf(n) !== i);
    expect(dups.length).toBeGreaterThan(0);
    for (const [f, format] of [
      ['byor/sheet.csv', 'byor-csv'],
      ['byor/data.json', 'byor-json'],
    ] as const) {
      const r = readRadar(at(f), f, own, format, '2021-04');
      expect(r.problems).toEqual([]);
      const blips = current(r.radar!);
      for (const d of dups) expect(blips.filter((b) => b.name === d).length).toBe(names.filter((n) => n === d).length);
      expect(new Set(blips.map((b) => b.id)).size).toBe(blips.length);
    }
  });
});

describe('BYOR CSV as d3-dsv reads it', () => {
  it('bare quotes inside an unquoted field are characters of the field', () => {
    const r = readRadar(
      write('bare.csv', 'name,ring,quadrant,isNew,description\nThe "Strangler" pattern,Adopt,Techniques,TRUE,a 3.5" floppy\n'),
      'bare.csv',
      own,
    );
    expect(r.problems).toEqual([]);
    expect(current(r.radar!)[0]).toMatchObject({ name: 'The "Strangler" pattern', rationale: 'a 3.5" floppy' });
  });

  it('a byte-order mark and CRLF line ends, with a quoted field running over lines', () => {
    const text = '\uFEFFname,ring,quadrant,isNew,description\r\nKafka,Adopt,Platforms,FALSE,"line one\r\nline ""two"""\r\nDbt,Trial,Tools,TRUE,\r\n\r\n';
    const r = readRadar(write('bom.csv', text), 'bom.csv', own);
    expect(r.problems).toEqual([]);
    expect(current(r.radar!).map((b) => [b.name, ringName(r.radar!, b.ring), b.rationale])).toEqual([
      ['Kafka', 'Adopt', 'line one\r\nline "two"'],
      ['Dbt', 'Trial', undefined],
    ]);
  });

  it('a quote never closed names the line it opened on; a row after a multi-line cell is named by its own line', () => {
    const r = readRadar(write('open.csv', 'name,ring,quadrant\nA,Adopt,Tools\n"B,Adopt,Tools\n'), 'open.csv', own);
    expect(r.problems).toEqual([expect.objectContaining({ file: 'open.csv', line: 3, message: expect.stringMatching(/malformed CSV/) })]);
    const text = 'name,ring,quadrant,description,status\nA,Adopt,Tools,"two\nlines",New\nB,Adopt,Tools,,Sideways\n';
    expect(readRadar(write('late.csv', text), 'late.csv', own).problems).toEqual([
      expect.objectContaining({ file: 'late.csv', line: 4, field: 'status', message: expect.stringMatching(/^row 3: unknown status "Sideways"/) }),
    ]);
  });

  it('a fifth quadrant is refused by row and field', () => {
    const text = 'name,ring,quadrant\na,Adopt,Q1\nb,Adopt,Q2\nc,Adopt,Q3\nd,Adopt,Q4\ne,Adopt,Q5\n';
    expect(readRadar(write('q5.csv', text), 'q5.csv', own).problems).toEqual([
      expect.objectContaining({ file: 'q5.csv', line: 6, field: 'quadrant', message: expect.stringMatching(/^row 6: a fifth quadrant "Q5"/) }),
    ]);
  });
});

describe('foreign files go through a schema: refusals name file, line or path, and field', () => {
  it('a numeric name in BYOR JSON', () => {
    const r = readRadar(
      write(
        'num.json',
        JSON.stringify([
          { name: 'ok', ring: 'Adopt', quadrant: 'Tools' },
          { name: 42, ring: 'Adopt', quadrant: 'Tools' },
        ]),
      ),
      'num.json',
      own,
    );
    expect(r.radar).toBeUndefined();
    expect(r.problems).toEqual([expect.objectContaining({ file: 'num.json', field: '[1].name', message: 'blip 2: name must be text', severity: 'error' })]);
  });

  it('a numeric title, a javascript: link and a data: link in a Zalando config', () => {
    const cfg = (over: Record<string, unknown>, entry: Record<string, unknown> = {}) =>
      JSON.stringify({
        date: '2026.01',
        quadrants: [{ name: 'Languages' }, { name: 'Infrastructure' }, { name: 'Datastores' }, { name: 'Data Management' }],
        entries: [
          { quadrant: 0, ring: 0, label: 'Go', active: true, moved: 0 },
          { quadrant: 1, ring: 1, label: 'K8s', active: true, moved: 0, ...entry },
        ],
        ...over,
      });
    expect(readRadar(write('zt.json', cfg({ title: 42 })), 'zt.json', own).problems).toEqual([
      expect.objectContaining({ file: 'zt.json', field: 'title', message: 'title must be text' }),
    ]);
    for (const link of ['javascript:alert(1)', 'data:text/html,<script>x</script>', ' javascript:alert(1)', '//evil.example'])
      expect(readRadar(write('zl.json', cfg({}, { link })), 'zl.json', own).problems, link).toEqual([
        expect.objectContaining({
          file: 'zl.json',
          field: 'entries[1].link',
          message: expect.stringMatching(/^entry 2: a link must be an http\(s\) URL or a relative path/),
        }),
      ]);
  });

  it('our schema refuses a javascript: link in our own format too', () => {
    const yaml = [
      'title: T',
      'rings: [{id: adopt, name: Adopt}]',
      'quadrants: [{id: a, name: A}, {id: b, name: B}, {id: c, name: C}, {id: d, name: D}]',
      'editions:',
      '  - date: "2026-01"',
      '    blips:',
      '      - {id: x, name: X, quadrant: a, ring: adopt, link: "javascript:alert(1)"}',
      '',
    ].join('\n');
    expect(readRadar(write('js.yaml', yaml), 'js.yaml', own).problems).toEqual([expect.objectContaining({ line: 7, field: 'editions[0].blips[0].link' })]);
  });
});

describe('Zalando: inactive entries, relative links, its own quadrants and rings', () => {
  const config = {
    title: 'Our radar',
    date: '2026.05',
    quadrants: [{ name: 'Languages' }, { name: 'Infrastructure' }, { name: 'Datastores' }, { name: 'Data Management' }],
    rings: [
      { name: 'ADOPT', color: '#5ba300' },
      { name: 'TRIAL', color: '#009eb0' },
      { name: 'ASSESS', color: '#c7ba00' },
      { name: 'HOLD', color: '#e09b96' },
      { name: 'RETIRED', color: '#bbbbbb' },
    ],
    entries: [
      { quadrant: 0, ring: 0, label: 'Go', active: true, moved: 0, link: '../radar/go.html' },
      { quadrant: 3, ring: 4, label: 'Cobol', active: false, moved: 0 },
      { quadrant: 2, ring: 1, label: 'Postgres', active: true, moved: 1, link: 'https://postgresql.org' },
    ],
  };

  it('reads the config whole (it crashed as "Backstage"), keeps inactive entries and relative links, and writes them back', () => {
    const r = readRadar(write('zc.json', JSON.stringify(config)), 'zc.json', own);
    expect(r.format).toBe('zalando');
    expect(r.problems).toEqual([]);
    const radar = r.radar!;
    expect(radar.title).toBe('Our radar');
    expect(radar.rings.map((x) => x.name)).toEqual(['ADOPT', 'TRIAL', 'ASSESS', 'HOLD', 'RETIRED']);
    // Zalando's 0 is bottom right; ours clockwise from the top left: Datastores (its 2) first.
    expect(radar.quadrants.map((x) => x.name)).toEqual(['Datastores', 'Data Management', 'Languages', 'Infrastructure']);
    const byName = new Map(current(radar).map((b) => [b.name, b]));
    expect(byName.get('Go')).toMatchObject({ link: '../radar/go.html', quadrant: 'languages' });
    expect(byName.get('Cobol')).toMatchObject({ inactive: true, ring: 'retired' });
    const out = join(dir, 'zc-out.json');
    writeRadar(radar, out, 'zalando');
    const back = JSON.parse(readFileSync(out, 'utf8')) as typeof config;
    const norm = (es: Array<Record<string, unknown>>) =>
      es
        .map((e) => ({ quadrant: e.quadrant, ring: e.ring, label: e.label, active: e.active, moved: e.moved, link: e.link }))
        .sort((a, b) => String(a.label).localeCompare(String(b.label)));
    expect(norm(back.entries)).toEqual(norm(config.entries));
    expect(back.quadrants).toEqual(config.quadrants);
    expect(back.rings.map((x) => x.name)).toEqual(config.rings.map((x) => x.name));
    expect(readRadar(out, 'zc-out.json', own).problems).toEqual([]);
  });

  it.skipIf(!existsSync(at('zalando-config.json')))(
    `the real Zalando file names no quadrants: refused naming the file without --quadrants, every entry read with them (${NEEDS_SHARED})`,
    async () => {
      const db = join(dir, 'cli.db');
      const bare = await runCli(['--db', db, 'radar', 'import', at('zalando-config.json'), '--out', join(dir, 'z.yaml')]);
      expect(bare.code).toBe(1);
      expect(bare.stderr).toMatch(/zalando-config\.json: quadrants: the file names no quadrants/);
      const entries = (JSON.parse(readFileSync(at('zalando-config.json'), 'utf8')) as { entries: unknown[] }).entries;
      const ok = await runCli([
        '--db',
        db,
        'radar',
        'import',
        at('zalando-config.json'),
        '--quadrants',
        'Datastores,Data Management,Languages,Infrastructure',
        '--out',
        join(dir, 'z.yaml'),
      ]);
      expect(ok.code).toBe(0);
      expect(current(RadarSchema.parse(parseYamlText(readFileSync(join(dir, 'z.yaml'), 'utf8'))))).toHaveLength(entries.length);
    },
  );
});

describe('names of any script, and names that differ only in symbols, stay apart', () => {
  it('non-Latin rings and quadrants stay distinct', () => {
    const text = 'name,ring,quadrant\nА,Принять,Техники\nБ,Испытать,Платформы\nВ,採用,ツール\nΓ,評価,言語\n';
    const r = readRadar(write('cyr.csv', text), 'cyr.csv', own);
    expect(r.problems).toEqual([]);
    const radar = r.radar!;
    expect(radar.rings.map((x) => x.name)).toEqual(['Принять', 'Испытать', '採用', '評価']);
    expect(new Set(radar.rings.map((x) => x.id)).size).toBe(4);
    expect(new Set(radar.quadrants.map((x) => x.id)).size).toBe(4);
    expect(current(radar).map((b) => ringName(radar, b.ring))).toEqual(['Принять', 'Испытать', '採用', '評価']);
    expect(new Set(current(radar).map((b) => b.id)).size).toBe(4);
  });

  it('C, C++ and C# are three blips', () => {
    const r = readRadar(write('c.csv', 'name,ring,quadrant\nC,Adopt,Languages\nC++,Adopt,Languages\nC#,Trial,Languages\n'), 'c.csv', own);
    expect(r.problems).toEqual([]);
    expect(current(r.radar!).map((b) => [b.id, b.name])).toEqual([
      ['c', 'C'],
      ['c-plus-plus', 'C++'],
      ['c-sharp', 'C#'],
    ]);
  });
});

describe('editions: --date, and several dated files into one radar', () => {
  it('two volumes, each with its --date, make one radar whose moves show', async () => {
    const a = write('vol-a.csv', 'name,ring,quadrant,isNew\nKafka,Trial,Platforms,TRUE\nDbt,Assess,Tools,TRUE\nOld,Hold,Tools,FALSE\n');
    const b = write('vol-b.csv', 'name,ring,quadrant,status\nKafka,adopt,platforms,moved in\nDbt,assess,tools,no change\nNew one,trial,Techniques,new\n');
    const out = join(dir, 'multi.yaml');
    const db = join(dir, 'cli.db');
    const res = await runCli(['--db', db, 'radar', 'import', b, '--date', '2021-10-01', a, '--date', '2021-04-01', '--out', out]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const radar = RadarSchema.parse(parseYamlText(readFileSync(out, 'utf8')));
    expect(radar.editions.map((e) => e.date)).toEqual(['before 2021-04-01', '2021-04-01', '2021-10-01']);
    // Ring orders merged: adopt comes before trial in the later volume, so it is the innermost.
    expect(radar.rings.map((r) => r.name)).toEqual(['adopt', 'Trial', 'Assess', 'Hold']);
    const now = new Map(editionState(radar).map((s) => [s.name, s]));
    expect(now.get('Kafka')).toMatchObject({
      movement: 'moved-in',
      history: [
        { date: '2021-04-01', ring: 'trial' },
        { date: '2021-10-01', ring: 'adopt' },
      ],
    });
    expect(now.get('New one')!.movement).toBe('new');
    expect(now.has('Old')).toBe(false);
    const miscount = await runCli(['--db', db, 'radar', 'import', a, b, '--date', '2021-04-01', '--out', out]);
    expect(miscount.code).toBe(2);
    expect(miscount.stderr).toMatch(/2 files need 2 --date options/);
    const badDate = await runCli(['--db', db, 'radar', 'import', a, '--date', '1 April', '--out', out]);
    expect(badDate.code).toBe(2);
  });

  it.skipIf(!existsSync(at('thoughtworks/volume-24.csv')))(
    `two real sheets as two editions: hold and caution both kept, in order (${NEEDS_SHARED})`,
    async () => {
      const out = join(dir, 'tw.yaml');
      const args = [at('byor/sheet.csv'), '--date', '2021-04-01', at('thoughtworks/volume-24.csv'), '--date', '2021-10-01', '--out', out];
      const res = await runCli(['--db', join(dir, 'cli.db'), 'radar', 'import', ...args]);
      expect(res.code).toBe(0);
      const radar = RadarSchema.parse(parseYamlText(readFileSync(out, 'utf8')));
      expect(radar.rings.map((r) => r.name)).toEqual(['Adopt', 'Trial', 'Assess', 'Hold', 'caution']);
      expect(radar.editions.map((e) => e.date)).toEqual(['before 2021-04-01', '2021-04-01', '2021-10-01']);
      expect(current(radar)).toHaveLength(csvRows(at('thoughtworks/volume-24.csv')).length);
      expect(radar.editions[1]!.blips).toHaveLength(csvRows(at('byor/sheet.csv')).length);
    },
  );

  it('exporting to BYOR what BYOR cannot draw warns, coded, on stderr', async () => {
    const five = write('five.csv', 'name,ring,quadrant\na,R1,Q\nb,R2,Q\nc,R3,Q\nd,R4,Q\ne,R5,Q\n');
    const res = await runCli(['--db', join(dir, 'cli.db'), 'radar', 'export', five, '--to', 'byor-csv', '--out', join(dir, 'five-out.csv')]);
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/^mlnav: warning \[byor-rings\]: the radar has 5 rings in use; BYOR draws at most 4/);
    const four = await runCli(['--db', join(dir, 'cli.db'), 'radar', 'export', five, '--to', 'zalando', '--out', join(dir, 'five-out.json')]);
    expect(four.stderr).toBe('');
  });
});

describe('BYOR CSV -> ours -> BYOR CSV loses nothing BYOR carries', () => {
  for (const f of ['byor/radar.csv', 'thoughtworks/volume-24.csv', 'byor/sheet.csv'])
    it.skipIf(!existsSync(at(f)))(`${f} (${NEEDS_SHARED})`, () => {
      const r = readRadar(at(f), f, own, 'byor-csv', '2021-04');
      expect(r.problems).toEqual([]);
      const out = join(dir, `rt-${f.replace(/\W/g, '-')}.csv`);
      writeRadar(r.radar!, out, 'byor-csv');
      const status = (row: Record<string, string>) =>
        row.status?.trim() ? row.status.trim().toLowerCase() : row.isNew?.trim().toUpperCase() === 'TRUE' ? 'new' : 'no change';
      const carried = (rows: Array<Record<string, string>>) =>
        rows
          .map((row) => ({
            name: row.name!.trim(),
            ring: row.ring,
            quadrant: row.quadrant,
            isNew: row.isNew!.trim().toUpperCase(),
            status: status(row),
            description: row.description ?? '',
            relatedBlips: row.relatedBlips ?? '',
          }))
          .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
      expect(carried(csvRows(out))).toEqual(carried(csvRows(at(f))));
    });
});
