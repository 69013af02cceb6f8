import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { layoutRadar, QUARTER_SIGNS, type RadarLayoutInput } from '../../src/core/radar/layout.js';
import { rng } from '../../src/core/stats/random.js';

const RINGS = ['adopt', 'trial', 'assess', 'hold', 'r5', 'r6', 'r7', 'r8'];
const QUADRANTS = ['q0', 'q1', 'q2', 'q3'];

/** Random radars: 1-8 rings, up to `max` blips spread unevenly over the cells. */
const radarArb = (max: number) =>
  fc.integer({ min: 1, max: 8 }).chain((ringCount) =>
    fc
      .uniqueArray(
        fc.record({
          id: fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/),
          ring: fc.integer({ min: 0, max: ringCount - 1 }),
          quadrant: fc.integer({ min: 0, max: 3 }),
        }),
        { selector: (b) => b.id, maxLength: max },
      )
      .map((bs): RadarLayoutInput => ({
        rings: RINGS.slice(0, ringCount).map((id) => ({ id })),
        quadrants: QUADRANTS.map((id) => ({ id })),
        blips: bs.map((b) => ({ id: b.id, ring: RINGS[b.ring]!, quadrant: QUADRANTS[b.quadrant]! })),
      })),
  );

/** Worst case for stability: every blip in one cell, which the newcomer joins. */
const crowdedArb = (max: number) =>
  fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/), { minLength: 10, maxLength: max }).chain((ids) =>
    fc.integer({ min: 1, max: 8 }).map((ringCount): RadarLayoutInput => ({
      rings: RINGS.slice(0, ringCount).map((id) => ({ id })),
      quadrants: QUADRANTS.map((id) => ({ id })),
      blips: ids.map((id) => ({ id, ring: RINGS[0]!, quadrant: QUADRANTS[0]! })),
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
      { numRuns: Number(process.env.FC_RUNS ?? 60) },
    );
  });

  it('holds for 2,000 blips, most of them in one cell', () => {
    const blips = Array.from({ length: 2000 }, (_, i) => ({ id: `b${i}`, ring: i % 10 === 0 ? 'hold' : 'trial', quadrant: i % 7 === 0 ? 'q1' : 'q2' }));
    const layout = checkLayout({ rings: RINGS.slice(0, 4).map((id) => ({ id })), quadrants: QUADRANTS.map((id) => ({ id })), blips });
    expect(layout.radius).toBeGreaterThan(320);
  });

  it('is stable: a blip added in a later edition moves no other blip', () => {
    fc.assert(
      fc.property(fc.oneof(radarArb(120), crowdedArb(60)), fc.stringMatching(/^new-[a-z0-9]{1,6}$/), fc.integer({ min: 0, max: 3 }), (input, id, q) => {
        fc.pre(!input.blips.some((b) => b.id === id));
        const newcomer = { id, ring: input.rings[0]!.id, quadrant: QUADRANTS[q]!, since: 1 };
        const before = layoutRadar(input);
        const after = layoutRadar({ ...input, blips: [...input.blips, newcomer] });
        if (after.radius !== before.radius) return; // the radar grew: everything scales, a different case
        const was = new Map(before.blips.map((b) => [b.id, b]));
        for (const b of after.blips) if (b.id !== id) expect([b.x, b.y]).toEqual([was.get(b.id)!.x, was.get(b.id)!.y]);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 60) },
    );
  });

  it("is stable without edition history too: only the newcomer's own cell changes", () => {
    fc.assert(
      fc.property(fc.oneof(radarArb(120), crowdedArb(60)), fc.stringMatching(/^new-[a-z0-9]{1,6}$/), fc.integer({ min: 0, max: 3 }), (input, id, q) => {
        fc.pre(!input.blips.some((b) => b.id === id));
        const newcomer = { id, ring: input.rings[0]!.id, quadrant: QUADRANTS[q]! };
        const before = layoutRadar(input);
        const after = layoutRadar({ ...input, blips: [...input.blips, newcomer] });
        if (after.radius !== before.radius) return;
        const was = new Map(before.blips.map((b) => [b.id, b]));
        for (const b of after.blips)
          if (b.id !== id && (b.x !== was.get(b.id)!.x || b.y !== was.get(b.id)!.y)) expect([b.ring, b.quadrant]).toEqual([newcomer.ring, newcomer.quadrant]);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 60) },
    );
  });

  it('without edition history, a newcomer in a crowded cell moves few blips, each a short step (seeded sample)', () => {
    const next = rng(2026);
    const counts: number[] = [];
    const steps: number[] = [];
    for (let t = 0; t < 200; t++) {
      const blips = Array.from({ length: 10 + Math.floor(next() * 50) }, (_, i) => ({
        id: `b${i}-${Math.floor(next() * 1e9).toString(36)}`,
        ring: 'adopt',
        quadrant: 'q0',
      }));
      const input = { rings: RINGS.slice(0, 1 + Math.floor(next() * 8)).map((id) => ({ id })), quadrants: QUADRANTS.map((id) => ({ id })), blips };
      const before = layoutRadar(input);
      const after = layoutRadar({ ...input, blips: [...blips, { id: `new-${t}`, ring: 'adopt', quadrant: 'q0' }] });
      if (after.radius !== before.radius) continue;
      const was = new Map(before.blips.map((b) => [b.id, b]));
      const moved = after.blips.filter((b) => !b.id.startsWith('new-') && (b.x !== was.get(b.id)!.x || b.y !== was.get(b.id)!.y));
      counts.push(moved.length);
      for (const b of moved) steps.push(Math.hypot(b.x - was.get(b.id)!.x, b.y - was.get(b.id)!.y) / (2 * b.r));
    }
    const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * p)]!;
    expect(counts.length).toBeGreaterThan(150);
    // Measured on this sample: median 1 moved, p95 4, max 7; steps median 0.69 blip widths, p95 2.96.
    expect(pct(counts, 0.5)).toBeLessThanOrEqual(1);
    expect(pct(counts, 0.95)).toBeLessThanOrEqual(5);
    expect(pct(steps, 0.5)).toBeLessThanOrEqual(1); // a moved blip typically steps less than its own width
    expect(pct(steps, 0.95)).toBeLessThanOrEqual(4);
  });
});
