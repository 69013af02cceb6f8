import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { layoutRadar, QUARTER_SIGNS, type RadarLayoutInput } from '../../src/core/radar/layout.js';

const RINGS = ['adopt', 'trial', 'assess', 'hold', 'r5', 'r6', 'r7', 'r8'];
const QUADRANTS = ['q0', 'q1', 'q2', 'q3'];

/** Random radars: 1-8 rings, up to `max` blips spread unevenly over the cells. */
const radarArb = (max: number) =>
  fc.integer({ min: 1, max: 8 }).chain((ringCount) =>
    fc
      .uniqueArray(
        fc.record({ id: fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/), ring: fc.integer({ min: 0, max: ringCount - 1 }), quadrant: fc.integer({ min: 0, max: 3 }) }),
        { selector: (b) => b.id, maxLength: max },
      )
      .map((bs): RadarLayoutInput => ({
        rings: RINGS.slice(0, ringCount).map((id) => ({ id })),
        quadrants: QUADRANTS.map((id) => ({ id })),
        blips: bs.map((b) => ({ id: b.id, ring: RINGS[b.ring]!, quadrant: QUADRANTS[b.quadrant]! })),
      })),
  );

function checkLayout(input: RadarLayoutInput) {
  const layout = layoutRadar(input);
  expect(layout.blips).toHaveLength(input.blips.length); // never dropped
  const ring = new Map(layout.rings.map((r) => [r.id, r]));
  for (const b of layout.blips) {
    const band = ring.get(b.ring)!;
    const d = Math.hypot(b.x, b.y);
    expect(d - b.r).toBeGreaterThanOrEqual(band.inner - 1e-6);
    expect(d + b.r).toBeLessThanOrEqual(band.outer + 1e-6);
    const [sx, sy] = QUARTER_SIGNS[QUADRANTS.indexOf(b.quadrant)]!;
    expect(b.x * sx).toBeGreaterThanOrEqual(b.r);
    expect(b.y * sy).toBeGreaterThanOrEqual(b.r);
  }
  // No two blips overlap (numbers sit inside the blips, so no label can overlap either).
  const sorted = [...layout.blips].sort((a, b) => a.x - b.x);
  for (let i = 0; i < sorted.length; i++)
    for (let j = i + 1; j < sorted.length && sorted[j]!.x - sorted[i]!.x < 2 * sorted[i]!.r; j++)
      expect(Math.hypot(sorted[i]!.x - sorted[j]!.x, sorted[i]!.y - sorted[j]!.y)).toBeGreaterThanOrEqual(sorted[i]!.r + sorted[j]!.r);
  return layout;
}

describe('radar layout', () => {
  it('puts every blip in its band and quarter, with no overlaps, deterministically', () => {
    fc.assert(
      fc.property(radarArb(150), (input) => {
        const a = checkLayout(input);
        expect(layoutRadar(input)).toEqual(a);
      }),
      { numRuns: 60 },
    );
  });

  it('holds for 2,000 blips, most of them in one cell', () => {
    const blips = Array.from({ length: 2000 }, (_, i) => ({ id: `b${i}`, ring: i % 10 === 0 ? 'hold' : 'trial', quadrant: i % 7 === 0 ? 'q1' : 'q2' }));
    const layout = checkLayout({ rings: RINGS.slice(0, 4).map((id) => ({ id })), quadrants: QUADRANTS.map((id) => ({ id })), blips });
    expect(layout.radius).toBeGreaterThan(320);
  });

  it('is stable: adding one blip moves few of the others, and those little', () => {
    fc.assert(
      fc.property(radarArb(120), fc.stringMatching(/^new-[a-z0-9]{1,6}$/), fc.integer({ min: 0, max: 3 }), (input, id, q) => {
        fc.pre(input.blips.length >= 10);
        const before = layoutRadar(input);
        const after = layoutRadar({ ...input, blips: [...input.blips, { id, ring: input.rings[0]!.id, quadrant: QUADRANTS[q]! }] });
        if (after.radius !== before.radius) return; // the radar grew: everything scales, a different case
        const was = new Map(before.blips.map((b) => [b.id, b]));
        const moved = after.blips.filter((b) => b.id !== id && (b.x !== was.get(b.id)!.x || b.y !== was.get(b.id)!.y));
        // Only blips that would have overlapped the newcomer, or been displaced in turn, move.
        expect(moved.length).toBeLessThanOrEqual(Math.max(2, Math.ceil(input.blips.length * 0.1)));
      }),
      { numRuns: 60 },
    );
  });
});
