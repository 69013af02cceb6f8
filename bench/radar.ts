/** Radar layout and SVG render in Node for 400 blips (issue #5). */
import { radarPicture } from '../src/core/radar/picture.js';
import type { Radar } from '../src/core/radar/schema.js';
import { rng } from './synthetic.js';

export function syntheticRadar(n: number, seed = 1): Radar {
  const r = rng(seed);
  const rings = ['adopt', 'trial', 'assess', 'hold'].map((id) => ({ id, name: id[0]!.toUpperCase() + id.slice(1) }));
  const quadrants = ['a', 'b', 'c', 'd'].map((id) => ({ id, name: `Quadrant ${id.toUpperCase()}` }));
  const blips = Array.from({ length: n }, (_, i) => ({
    id: `blip-${i}`,
    name: `Blip ${i}`,
    ring: rings[Math.floor(r() * 4)]!.id,
    quadrant: quadrants[Math.floor(r() * 4)]!.id,
  }));
  return { title: 'Synthetic radar', rings, quadrants, editions: [{ date: '2026-11', blips }] };
}

export function benchRadar(n = 400, runs = 20) {
  const radar = syntheticRadar(n);
  const times: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const t0 = performance.now();
    radarPicture(radar);
    if (i >= 3) times.push(performance.now() - t0); // three warm-up runs
  }
  times.sort((a, b) => a - b);
  return { blips: n, median: times[Math.floor(times.length / 2)]!, max: times.at(-1)! };
}
