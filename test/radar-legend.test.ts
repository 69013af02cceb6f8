import { describe, expect, it } from 'vitest';
import { radarPicture } from '../src/core/radar/picture.js';
import type { Radar } from '../src/core/radar/schema.js';
import { defaultRadar } from '../src/core/radar/default.js';
import { bundledCatalogue } from './helpers/bundled.js';

const quadrants = ['Tools', 'Platforms', 'Languages & Frameworks', 'Techniques'].map((name, i) => ({ id: `q${i}`, name }));
const rings = ['Adopt', 'Trial', 'Assess', 'Hold'].map((name) => ({ id: name.toLowerCase(), name }));
const small: Radar = {
  title: 'A small radar',
  rings,
  quadrants,
  editions: [
    { date: '2026-12', blips: quadrants.flatMap((q, i) => rings.map((r, j) => ({ id: `b${i}${j}`, name: `Blip ${i}${j}`, quadrant: q.id, ring: r.id }))) },
  ],
};

/** Every legend heading (a quadrant's name) with where it starts: x, y. */
function headings(svg: string, names: string[]) {
  return names.map((n) => {
    const m = new RegExp(`<text x="([\\d.]+)" y="([\\d.]+)" font-size="15" font-weight="700"[^>]*>${n.replace('&', '&amp;')}</text>`).exec(svg);
    return m ? { x: Number(m[1]), y: Number(m[2]) } : undefined;
  });
}

describe('radar legend fits the picture at any width', () => {
  it('a radar narrower than four columns wraps its legend onto another row instead of cutting the last column off', () => {
    const { svg } = radarPicture(small);
    const [, w, h] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!.map(Number) as [number, number, number];
    expect(w).toBeLessThan(1200 + 80); // narrower than four 300 px columns: the case that lost a column
    const hs = headings(
      svg,
      quadrants.map((q) => q.name),
    );
    for (const [i, p] of hs.entries()) {
      expect(p, quadrants[i]!.name).toBeDefined();
      expect(p!.x + 300 - 16, quadrants[i]!.name).toBeLessThanOrEqual(w); // the whole column is inside the picture
      expect(p!.y).toBeLessThan(h);
    }
    // some column went onto a second row
    expect(new Set(hs.map((p) => p!.y)).size).toBeGreaterThan(1);
    // and every blip is still listed
    for (const b of small.editions[0]!.blips) expect(svg).toContain(`. ${b.name}<`);
  });

  it("the catalogue's radar, wide enough, keeps its four columns side by side", () => {
    const { svg } = radarPicture(defaultRadar(bundledCatalogue(), '2026-12'));
    const [, w] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!.map(Number) as [number, number, number];
    const names = defaultRadar(bundledCatalogue(), '2026-12').quadrants.map((q) => q.name);
    const hs = headings(svg, names);
    for (const p of hs) expect(p!.x + 300 - 16).toBeLessThanOrEqual(w);
    if (w >= 1280) expect(new Set(hs.map((p) => p!.y)).size).toBe(1);
  });
});
