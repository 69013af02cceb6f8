import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRadar, writeRadar } from '../src/formats/radar/radar-file.js';
import type { ImportFrame, RadarFormat } from '../src/formats/radar/frame.js';
import { editionState } from '../src/core/radar/movement.js';
import { radarPicture } from '../src/core/radar/picture.js';
import { defaultRadar, suggestRings } from '../src/core/radar/default.js';
import { RadarSchema, type Radar } from '../src/core/radar/schema.js';
import { findTool } from '../src/core/catalogue/catalogue.js';
import { packageRoot } from '../src/app/paths.js';
import { bundledCatalogue } from './helpers/bundled.js';
import { runCli } from './helpers/cli.js';

const cat = bundledCatalogue();
const dir = mkdtempSync(join(tmpdir(), 'mlnav-radar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// A copy of ../shared/fixtures/radar/zalando-config.json (MIT, zalando/tech-radar): see test/fixtures/README.md.
const ZALANDO = join(packageRoot, 'test', 'fixtures', 'radar', 'zalando-config.json');
// Zalando's quadrant names, in our order (clockwise from the top left).
const zFrame: ImportFrame = {
  title: 'Zalando',
  quadrants: ['Datastores', 'Data Management', 'Languages', 'Infrastructure'].map((n) => ({ id: n.toLowerCase().replace(/ /g, '-'), name: n })),
  rings: ['Adopt', 'Trial', 'Assess', 'Hold'].map((n) => ({ id: n.toLowerCase(), name: n })),
};
const ourFrame: ImportFrame = {
  title: 'MLOps adoption radar',
  quadrants: cat.tax.taxonomy.quadrants.map((q) => ({ id: q.id, name: q.name })),
  rings: cat.tax.taxonomy.rings.map((r) => ({ id: r.id, name: r.name })),
};

/** What every format carries: name, quadrant, ring and movement of the current edition. */
const essence = (r: Radar) =>
  editionState(r)
    .map((b) => ({ name: b.name, quadrant: b.quadrant, ring: b.ring, movement: b.movement }))
    .sort((a, b) => a.name.localeCompare(b.name));

describe('radar formats: round trips', () => {
  const zalando = readRadar(ZALANDO, 'zalando-config.json', zFrame);

  it('reads the real Zalando radar: 81 active entries, with its moves', () => {
    expect(zalando.problems).toEqual([]);
    expect(zalando.format).toBe('zalando');
    const state = editionState(zalando.radar!);
    expect(state).toHaveLength(81);
    expect(state.find((b) => b.name === 'Flink')).toMatchObject({ quadrant: 'data-management', ring: 'adopt', movement: 'moved-in' });
    expect(state.find((b) => b.name === 'AWS Athena')).toMatchObject({ ring: 'trial', movement: 'no-change' });
  });

  it('Zalando -> Zalando gives back the same entries', () => {
    const out = join(dir, 'z.json');
    writeRadar(zalando.radar!, out, 'zalando');
    const original = JSON.parse(readFileSync(ZALANDO, 'utf8')) as { date: string; entries: Array<Record<string, unknown>> };
    const back = JSON.parse(readFileSync(out, 'utf8')) as typeof original;
    expect(back.date).toBe(original.date);
    const key = (e: Record<string, unknown>) => `${e.label}`;
    const norm = (es: Array<Record<string, unknown>>) =>
      es
        .filter((e) => e.active !== false)
        .map((e) => ({ quadrant: e.quadrant, ring: e.ring, label: e.label, moved: e.moved ?? 0, link: e.link }))
        .sort((a, b) => key(a).localeCompare(key(b)));
    expect(norm(back.entries)).toEqual(norm(original.entries));
  });

  for (const format of ['ours', 'byor-csv', 'byor-json', 'backstage', 'aoe'] as RadarFormat[]) {
    it(`Zalando -> ${format} -> back keeps every blip, ring, quadrant and move`, () => {
      const out = join(dir, `z-${format}${format === 'aoe' ? '' : format === 'byor-csv' ? '.csv' : format === 'ours' ? '.yaml' : '.json'}`);
      writeRadar(zalando.radar!, out, format);
      const back = readRadar(out, out, zFrame, format, zalando.radar!.editions.at(-1)!.date);
      expect(back.problems).toEqual([]);
      expect(essence(back.radar!)).toEqual(essence(zalando.radar!));
    });
  }

  it('our default radar survives every format, links to catalogue tools included where the format keeps them', () => {
    const radar = defaultRadar(cat, '2026-11');
    expect(RadarSchema.safeParse(radar).success).toBe(true);
    for (const format of ['byor-csv', 'byor-json', 'zalando', 'backstage', 'aoe'] as RadarFormat[]) {
      const out = join(dir, `d-${format}`);
      writeRadar(radar, out, format);
      const back = readRadar(out, out, { ...ourFrame, findTool: (n) => findTool(cat, n)?.id }, format, '2026-11');
      expect(back.problems, format).toEqual([]);
      expect(essence(back.radar!), format).toEqual(essence(radar));
      expect(back.radar!.editions.at(-1)!.blips.find((b) => b.name === 'MLflow')!.tool, format).toBe('mlflow');
    }
  });
});

describe('radar formats: bad input is refused with the row named', () => {
  const write = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));

  it('malformed CSV', () => {
    const r = readRadar(write('bad.csv', 'name,ring,quadrant\n"MLflow,adopt,ml-platforms\n'), 'bad.csv', ourFrame);
    expect(r.radar).toBeUndefined();
    expect(r.problems[0]!.message).toMatch(/malformed CSV/);
  });

  it('malformed JSON', () => {
    const r = readRadar(write('bad.json', '[{"name": "MLflow",'), 'bad.json', ourFrame, 'byor-json');
    expect(r.problems[0]!.message).toMatch(/malformed JSON/);
  });

  it('an unknown ring names the row, unless it is mapped', () => {
    const csv = 'name,ring,quadrant,isNew,description\nMLflow,Adopt,Machine Learning Platforms,FALSE,ok\nKedro,Evaluate,Machine Learning Platforms,TRUE,hmm\n';
    const r = readRadar(write('ring.csv', csv), 'ring.csv', ourFrame);
    expect(r.problems).toEqual([
      expect.objectContaining({ file: 'ring.csv', line: 3, field: 'ring', message: expect.stringMatching(/^row 3: unknown ring "Evaluate"/) }),
    ]);
    const mapped = readRadar(join(dir, 'ring.csv'), 'ring.csv', { ...ourFrame, ringMap: { Evaluate: 'assess' } });
    expect(mapped.problems).toEqual([]);
    expect(editionState(mapped.radar!).find((b) => b.name === 'Kedro')).toMatchObject({ ring: 'assess', movement: 'new' });
  });

  it('an unknown quadrant names its row; a duplicate name is kept', () => {
    const csv = 'name,ring,quadrant,isNew,description\nMLflow,Adopt,Nowhere,FALSE,\n';
    expect(readRadar(write('q.csv', csv), 'q.csv', ourFrame).problems[0]!.message).toMatch(/^row 2: unknown quadrant "Nowhere"/);
    const dup = 'name,ring,quadrant,isNew,description\nMLflow,Adopt,ML Platforms,FALSE,\nmlflow,Trial,Machine Learning Platforms,FALSE,\n';
    // BYOR shows both rows of one name: both are kept, with distinct ids.
    const r = readRadar(write('dup.csv', dup), 'dup.csv', { ...ourFrame, quadrantMap: { 'ML Platforms': 'ml-platforms' } });
    expect(r.problems).toEqual([]);
    expect(r.radar!.editions.at(-1)!.blips.map((b) => [b.id, b.name, b.ring])).toEqual([
      ['mlflow', 'MLflow', 'adopt'],
      ['mlflow-2', 'mlflow', 'trial'],
    ]);
  });

  it('Zalando indexes out of range name the entry', () => {
    const r = readRadar(
      write(
        'z-bad.json',
        JSON.stringify({
          date: '2026.01',
          entries: [
            { quadrant: 0, ring: 0, label: 'A', active: true, moved: 0 },
            { quadrant: 5, ring: 0, label: 'B', active: true, moved: 0 },
          ],
        }),
      ),
      'z-bad.json',
      zFrame,
    );
    expect(r.problems).toEqual([
      expect.objectContaining({ field: 'entries[1].quadrant', message: expect.stringMatching(/^entry 2: quadrant must be 0 to 3/) }),
    ]);
  });

  it('our own format: unknown rings, with the line (two blips may share a name, not an id)', () => {
    const yaml = [
      'title: T',
      'rings: [{id: adopt, name: Adopt}]',
      'quadrants: [{id: a, name: A}, {id: b, name: B}, {id: c, name: C}, {id: d, name: D}]',
      'editions:',
      '  - date: "2026-01"',
      '    blips:',
      '      - {id: x, name: X, quadrant: a, ring: adopt}',
      '      - {id: y, name: x, quadrant: a, ring: nope}',
      '',
    ].join('\n');
    const r = readRadar(write('ours.yaml', yaml), 'ours.yaml', ourFrame);
    expect(r.problems.map((p) => [p.line, p.field])).toEqual([[8, 'editions[0].blips[1].ring']]);
  });
});

describe('radar model and CLI', () => {
  it('an edition that adds blips and moves one leaves the other blips where they were', () => {
    const zalando = readRadar(ZALANDO, 'zalando-config.json', zFrame).radar!;
    const first = zalando.editions.at(-1)!;
    const added = Array.from({ length: 12 }, (_, i) => ({ id: `new-${i}`, name: `New ${i}`, quadrant: zFrame.quadrants[i % 4]!.id, ring: 'adopt' }));
    const movedOne = { ...first.blips[0]!, ring: first.blips[0]!.ring === 'hold' ? 'assess' : 'hold' };
    const radar: Radar = { ...zalando, editions: [first, { date: 'next', blips: [movedOne, ...first.blips.slice(1), ...added] }] };
    const before = new Map(radarPicture(radar, 0).layout.blips.map((b) => [b.id, b]));
    const after = radarPicture(radar, 1).layout;
    expect(after.radius).toBe(radarPicture(radar, 0).layout.radius);
    const kept = after.blips.filter((b) => before.has(b.id) && b.id !== movedOne.id);
    expect(kept).toHaveLength(first.blips.length - 1);
    for (const b of kept) expect([b.x, b.y]).toEqual([before.get(b.id)!.x, before.get(b.id)!.y]);
  });

  it('suggested rings spread out from the software/piecemeal corner', () => {
    const all = suggestRings(cat);
    expect(new Map(all.map((x) => [x.tool, x.ring])).get('git')).toBe('adopt');
    const order = ['adopt', 'trial', 'assess', 'hold'];
    const sorted = [...all].sort((a, b) => a.distance - b.distance);
    for (let i = 1; i < sorted.length; i++) expect(order.indexOf(sorted[i]!.ring)).toBeGreaterThanOrEqual(order.indexOf(sorted[i - 1]!.ring));
    expect(new Set(all.map((x) => x.ring)).size).toBeGreaterThanOrEqual(3);
  });

  it('radar new, render, layout --json and export work end to end', async () => {
    const db = join(dir, 'cli.db');
    const radar = join(dir, 'r.yaml');
    expect((await runCli(['--db', db, 'radar', 'new', '--out', radar, '--date', '2026-11'])).code).toBe(0);
    const layout = JSON.parse((await runCli(['--db', db, 'radar', 'layout', radar, '--json'])).stdout);
    expect(layout.rings).toHaveLength(4);
    expect(layout.blips).toHaveLength(cat.tools.length);
    expect(layout.blips[0]).toEqual({
      id: expect.any(String),
      ring: expect.any(String),
      quadrant: expect.any(String),
      x: expect.any(Number),
      y: expect.any(Number),
      r: expect.any(Number),
    });
    expect((await runCli(['--db', db, 'radar', 'render', radar, '--out', join(dir, 'r.svg')])).code).toBe(0);
    expect(readFileSync(join(dir, 'r.svg'), 'utf8').match(/data-blip-id=/g)).toHaveLength(cat.tools.length);
    expect((await runCli(['--db', db, 'radar', 'export', radar, '--to', 'backstage', '--out', join(dir, 'b.json')])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')).entries).toHaveLength(cat.tools.length);
    // BYOR takes ring names from the sheet; with --rings named, a ring outside them is refused by row.
    const bad = await runCli(['--db', db, 'radar', 'render', write2(dir), '--rings', 'Adopt,Trial,Assess,Hold', '--out', join(dir, 'x.svg')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/row 2: unknown ring "Sometimes"/);
  });
});

function write2(d: string): string {
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'bad-ring.csv'), 'name,ring,quadrant\nX,Sometimes,Cloud Platforms\n');
  return join(d, 'bad-ring.csv');
}
