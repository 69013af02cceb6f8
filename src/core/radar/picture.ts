import type { Radar } from './schema.js';
import { layoutRadar, type RadarLayout, type RadarLayoutInput } from './layout.js';
import { editionState, type BlipState } from './movement.js';
import { renderRadarSvg } from './render.js';

/**
 * The layout input for one edition. Each blip carries the edition since which it has stood in its current ring
 * and quadrant, so blips that arrive (or move) in a later edition are placed after the ones already there and
 * the picture changes little from one edition to the next.
 */
export function editionLayoutInput(radar: Radar, editionIndex: number): RadarLayoutInput {
  const edition = radar.editions[editionIndex]!;
  const cellOf = (e: number) => new Map(radar.editions[e]!.blips.map((b) => [b.id, `${b.quadrant}|${b.ring}`]));
  const since = new Map(edition.blips.map((b) => [b.id, editionIndex]));
  let stillThere = new Set(edition.blips.map((b) => b.id));
  const current = cellOf(editionIndex);
  for (let e = editionIndex - 1; e >= 0 && stillThere.size > 0; e--) {
    const cells = cellOf(e);
    stillThere = new Set([...stillThere].filter((id) => cells.get(id) === current.get(id)));
    for (const id of stillThere) since.set(id, e);
  }
  return {
    rings: radar.rings,
    quadrants: radar.quadrants,
    blips: edition.blips.map((b) => ({ id: b.id, ring: b.ring, quadrant: b.quadrant, since: since.get(b.id)! })),
  };
}

/** One edition as a picture: its layout, each blip's state, and the SVG (shared by the CLI and the web app). */
export function radarPicture(radar: Radar, editionIndex = radar.editions.length - 1): { layout: RadarLayout; states: BlipState[]; svg: string } {
  const edition = radar.editions[editionIndex]!;
  const layout = layoutRadar(editionLayoutInput(radar, editionIndex));
  const states = editionState(radar, editionIndex);
  const svg = renderRadarSvg({ title: radar.title, date: edition.date, rings: radar.rings, quadrants: radar.quadrants }, layout, states);
  return { layout, states, svg };
}
