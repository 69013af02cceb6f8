import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { exportBackstage, importBackstage, isoDate } from '../src/formats/radar/backstage.js';
import { QUARTER_SIGNS } from '../src/core/radar/layout.js';
import { RadarSchema, type Radar } from '../src/core/radar/schema.js';
import { defaultRadar } from '../src/core/radar/default.js';
import { packageRoot } from '../src/app/paths.js';
import { bundledCatalogue } from './helpers/bundled.js';

/**
 * The Backstage tech-radar plugin's loader response as its own parser accepts it, rewritten here from the
 * plugin's published contract (backstage/community-plugins, workspaces/tech-radar/plugins/tech-radar-common/src/
 * schema.ts, Apache-2.0): dates are coerced to Date and must be valid, `moved` is -1, 0 or 1.
 */
const PluginResponse = z.object({
  quadrants: z.array(z.object({ id: z.string(), name: z.string() })),
  rings: z.array(z.object({ id: z.string(), name: z.string(), color: z.string(), description: z.string().optional() })),
  entries: z.array(
    z.object({
      key: z.string(),
      id: z.string(),
      quadrant: z.string(),
      title: z.string(),
      url: z.string().optional(),
      timeline: z.array(
        z.object({
          date: z.coerce.date().refine((d) => !Number.isNaN(d.getTime()), 'an invalid date'),
          ringId: z.string(),
          description: z.string().optional(),
          moved: z.union([z.literal(-1), z.literal(0), z.literal(1)]).optional(),
        }),
      ),
      description: z.string().optional(),
      links: z.array(z.object({ url: z.string(), title: z.string() })).optional(),
    }),
  ),
});

const sampleFile = join(packageRoot, '..', 'shared', 'fixtures', 'radar', 'backstage', 'sampleTechRadarResponse.json');
const frame = { title: 'Backstage sample', rings: [], quadrants: [] } as never;

describe('Backstage tech-radar format', () => {
  it.skipIf(!existsSync(sampleFile))(
    'reads the plugin sample with every entry, in the quadrant the plugin draws it (clockwise from the bottom right) (needs ../shared)',
    () => {
      const text = readFileSync(sampleFile, 'utf8');
      const sample = JSON.parse(text) as z.infer<typeof PluginResponse>;
      const { radar, problems } = importBackstage(text, frame, sampleFile);
      expect(problems).toEqual([]);
      expect(RadarSchema.safeParse(radar).success).toBe(true);
      expect(radar!.editions.at(-1)!.blips).toHaveLength(sample.entries.length);
      // The plugin's first quadrant is its bottom-right quarter: ours must draw it there too.
      const at = (id: string) => QUARTER_SIGNS[radar!.quadrants.findIndex((q) => q.id === id)]!;
      expect(at(sample.quadrants[0]!.id)).toEqual([1, 1]); // right, down
      expect(at(sample.quadrants[1]!.id)).toEqual([-1, 1]); // left, down
      expect(at(sample.quadrants[2]!.id)).toEqual([-1, -1]); // left, up
      expect(at(sample.quadrants[3]!.id)).toEqual([1, -1]); // right, up
      // Ring descriptions, entry descriptions, links and the file's own moves are kept.
      expect(radar!.rings.map((r) => r.description)).toEqual(sample.rings.map((r) => r.description));
      const js = radar!.editions.at(-1)!.blips.find((b) => b.id === 'javascript')!;
      expect(js.links).toEqual(sample.entries.find((e) => e.id === 'javascript')!.links);
      expect(js.description).toBe(sample.entries.find((e) => e.id === 'javascript')!.description);
    },
  );

  it.skipIf(!existsSync(sampleFile))(
    'a round trip gives the plugin back what it gave: quadrant order, rings, entries, links, descriptions, moves (needs ../shared)',
    () => {
      const text = readFileSync(sampleFile, 'utf8');
      const sample = JSON.parse(text) as z.infer<typeof PluginResponse>;
      const out = exportBackstage(importBackstage(text, frame, sampleFile).radar!);
      expect(PluginResponse.safeParse(out).success).toBe(true);
      expect(out.quadrants).toEqual(sample.quadrants);
      expect(out.rings.map(({ id, name, description }) => ({ id, name, description }))).toEqual(
        sample.rings.map(({ id, name, description }) => ({ id, name, description })),
      );
      const norm = (es: z.infer<typeof PluginResponse>['entries']) =>
        es
          .map((e) => ({
            id: e.id,
            title: e.title,
            quadrant: e.quadrant,
            description: e.description,
            links: e.links,
            timeline: e.timeline.map((t) => ({
              date: new Date(t.date).toISOString().slice(0, 10),
              ringId: t.ringId,
              description: t.description,
              moved: t.moved,
            })),
          }))
          .sort((a, b) => a.id.localeCompare(b.id));
      // Where the file gives no trend mark, ours is derived from the timeline (trial -> adopt moved in): compare the marks the file gives.
      const given = new Map(sample.entries.flatMap((e) => e.timeline.map((t) => [`${e.id}@${new Date(t.date).toISOString()}`, t.moved] as const)));
      const outEntries = (out.entries as never as z.infer<typeof PluginResponse>['entries']).map((e) => ({
        ...e,
        timeline: e.timeline.map((t) => ({ ...t, moved: given.get(`${e.id}@${new Date(t.date).toISOString()}`) })),
      }));
      expect(norm(outEntries)).toEqual(norm(sample.entries));
      const twice = out.entries.find((e) => e.timeline.length === 2)!;
      expect(twice.timeline.map((t) => [t.ringId, t.moved])).toEqual([
        ['adopt', 1],
        ['trial', 0],
      ]);
    },
  );

  it("our catalogue's radar exports to what the plugin's own parser accepts, every quadrant moved to the plugin's order", () => {
    const radar = defaultRadar(bundledCatalogue(), '2026-11');
    const out = exportBackstage(radar);
    const parsed = PluginResponse.safeParse(out);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
    // bottom right first: our third quadrant
    expect(out.quadrants.map((q) => q.id)).toEqual([2, 3, 0, 1].map((i) => radar.quadrants[i]!.id));
    for (const e of out.entries) for (const t of e.timeline) expect(t.date).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/);
  });

  it('editions with labels instead of dates still export as dates the plugin parses (it would otherwise show its mock data)', () => {
    expect(isoDate('2026-11')).toBe('2026-11-01T00:00:00.000Z');
    expect(isoDate('2026.05')).toBe('2026-05-01T00:00:00.000Z');
    expect(isoDate('2026-11-27')).toBe('2026-11-27T00:00:00.000Z');
    expect(isoDate('before 2026.05')).toBe('2026-04-30T00:00:00.000Z');
    expect(isoDate('undated')).toBeUndefined();
    const q = ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id }));
    const radar: Radar = {
      title: 't',
      rings: [
        { id: 'adopt', name: 'Adopt' },
        { id: 'hold', name: 'Hold' },
      ],
      quadrants: q,
      editions: [
        { date: 'before 2026.05', blips: [{ id: 'x', name: 'X', quadrant: 'a', ring: 'hold' }] },
        { date: 'undated', blips: [{ id: 'x', name: 'X', quadrant: 'a', ring: 'adopt' }] },
      ],
    };
    const out = exportBackstage(radar);
    expect(PluginResponse.safeParse(out).success).toBe(true);
    expect(out.entries[0]!.timeline.map((t) => [t.ringId, t.moved])).toEqual([
      ['adopt', 1],
      ['hold', 0],
    ]);
  });

  it('refuses what the plugin could not show or what is unsafe, naming the field', () => {
    const base = { quadrants: ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id })), rings: [{ id: 'adopt', name: 'Adopt', color: '#000' }] };
    const entry = { key: 'k', id: 'k', title: 'K', quadrant: 'a', timeline: [{ ringId: 'adopt', date: '2024-01-01', moved: 0 }] };
    const read = (o: unknown) => importBackstage(JSON.stringify(o), frame, 'r.json').problems;
    expect(read({ ...base, entries: [{ ...entry, id: undefined }] })[0]).toMatchObject({ file: 'r.json', field: 'entries[0].id' });
    expect(read({ ...base, entries: [{ ...entry, links: [{ url: 'javascript:alert(1)', title: 'x' }] }] })[0]).toMatchObject({
      field: 'entries[0].links[0].url',
    });
    expect(read({ ...base, entries: [{ ...entry, timeline: [{ ringId: 'adopt', date: 'someday' }] }] })[0]).toMatchObject({
      field: 'entries[0].timeline[0].date',
    });
    expect(read({ ...base, title: 5, entries: [{ ...entry, title: 7 }] })[0]).toMatchObject({ field: 'entries[0].title' });
  });
});
