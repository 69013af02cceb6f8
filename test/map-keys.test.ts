import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ARROW_STEPS, nearestInDirection } from '../web/src/lib/map-keys.js';

const at = (id: string, cx: number, cy: number) => ({ id, cx, cy });

describe('arrow keys between map markers', () => {
  const from = at('here', 100, 100);
  const marks = [from, at('right-near-but-off-line', 130, 160), at('right-in-line', 170, 104), at('left', 40, 100), at('below', 100, 190), at('above', 98, 20)];

  it('moves to the marker most nearly in line with the key, not merely the closest', () => {
    expect(nearestInDirection(from, marks, ARROW_STEPS.ArrowRight!)?.id).toBe('right-in-line');
    expect(nearestInDirection(from, marks, ARROW_STEPS.ArrowLeft!)?.id).toBe('left');
    expect(nearestInDirection(from, marks, ARROW_STEPS.ArrowDown!)?.id).toBe('below');
    expect(nearestInDirection(from, marks, ARROW_STEPS.ArrowUp!)?.id).toBe('above');
  });

  it('stays put at the edge: nothing lies that way', () => {
    expect(nearestInDirection(at('x', 500, 500), marks, ARROW_STEPS.ArrowRight!)).toBeNull();
  });

  it('always lands strictly further in the key direction, on a candidate, never on itself', () => {
    const point = fc.record({ cx: fc.integer({ min: 0, max: 1800 }), cy: fc.integer({ min: 0, max: 1250 }) });
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 60 }), fc.constantFrom(...Object.keys(ARROW_STEPS)), (points, key) => {
        const all = points.map((p, i) => at(`m${i}`, p.cx, p.cy));
        const [sx, sy] = ARROW_STEPS[key]!;
        const next = nearestInDirection(all[0]!, all, [sx, sy]);
        const ahead = all.filter((m) => (m.cx - all[0]!.cx) * sx + (m.cy - all[0]!.cy) * sy > 0);
        if (!ahead.length) return next === null;
        return next !== null && next.id !== 'm0' && ahead.includes(next);
      }),
    );
  });
});
