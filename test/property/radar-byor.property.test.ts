import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportByorCsv, exportByorJson, importByorCsv, importByorJson } from '../../src/formats/radar/byor.js';
import type { ImportFrame } from '../../src/formats/radar/frame.js';
import { RadarSchema, type Radar } from '../../src/core/radar/schema.js';
import { distinctIds, nameKey } from '../../src/core/ids.js';

/** Letters of several scripts, digits, and the characters CSV and ids find awkward. */
const CHARS = [...'aZé', ...'Прин', ...'採用評価', ...'αΩ', ...'عرب', ...'한국', ...'हि', '😀', ...'09', ' ', '"', ',', ';', '+', '#', '&', "'", '\n'];
const text = fc
  .array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 12 })
  .map((cs) => cs.join('').trim())
  // A name that is only punctuation has no letters to tell it apart; a leading = + - @ is neutralised for spreadsheets.
  .filter((s) => nameKey(s).length > 0 && !/^[=+\-@]/.test(s));
const distinctNames = (min: number, max: number) => fc.uniqueArray(text, { minLength: min, maxLength: max, selector: (s) => nameKey(s) });

/** A radar whose every ring and quadrant has a blip (BYOR knows rings and quadrants only through its blips). */
const radarArb: fc.Arbitrary<Radar> = fc.record({ rings: distinctNames(1, 4), quadrants: distinctNames(4, 4) }).chain(({ rings, quadrants }) =>
  fc
    .array(fc.record({ name: fc.oneof(text, fc.constantFrom('C', 'C++', 'C#')), ring: fc.nat(rings.length - 1), quadrant: fc.nat(3) }), { maxLength: 20 })
    .map((extra) => {
      // One blip per ring and per quadrant first, so none is empty.
      const cover = Array.from({ length: Math.max(rings.length, 4) }, (_, i) => ({
        name: `${rings[i % rings.length]}·${i}`,
        ring: i % rings.length,
        quadrant: i % 4,
      }));
      const blips = [...cover, ...extra];
      const ringIds = distinctIds(rings),
        quadrantIds = distinctIds(quadrants),
        ids = distinctIds(blips.map((b) => b.name));
      return {
        title: 'T',
        rings: rings.map((name, i) => ({ id: ringIds[i]!, name })),
        quadrants: quadrants.map((name, i) => ({ id: quadrantIds[i]!, name })),
        editions: [
          { date: '2026-01', blips: blips.map((b, i) => ({ id: ids[i]!, name: b.name, ring: ringIds[b.ring]!, quadrant: quadrantIds[b.quadrant]! })) },
        ],
      };
    }),
);

const frame: ImportFrame = {
  title: 'T',
  rings: [{ id: 'x', name: 'X' }],
  quadrants: ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id })),
  fromFile: { rings: true, quadrants: true },
};
/** Each blip as BYOR carries it: its name, its ring's name and its quadrant's name. */
const carried = (r: Radar) =>
  r.editions
    .at(-1)!
    .blips.map((b) => [b.name, r.rings.find((x) => x.id === b.ring)!.name, r.quadrants.find((x) => x.id === b.quadrant)!.name].join('\u0000'))
    .sort();

describe('property: BYOR CSV and JSON keep names, rings and quadrants of any script', () => {
  for (const [format, write, read] of [
    ['CSV', exportByorCsv, importByorCsv],
    ['JSON', exportByorJson, importByorJson],
  ] as const)
    it(`radar -> BYOR ${format} -> radar`, () => {
      fc.assert(
        fc.property(radarArb, (radar) => {
          expect(RadarSchema.safeParse(radar).success).toBe(true);
          const back = read(write(radar), frame, 'p', '2026-01');
          expect(back.problems).toEqual([]);
          expect(carried(back.radar!)).toEqual(carried(radar));
          // Rings keep their order (the export writes innermost first); quadrants keep their names.
          expect(back.radar!.rings.map((x) => x.name)).toEqual(radar.rings.map((x) => x.name));
          expect(new Set(back.radar!.quadrants.map((x) => x.name))).toEqual(new Set(radar.quadrants.map((x) => x.name)));
          expect(new Set(back.radar!.editions.at(-1)!.blips.map((b) => b.id)).size).toBe(radar.editions.at(-1)!.blips.length);
        }),
        { numRuns: 150 },
      );
    });
});
