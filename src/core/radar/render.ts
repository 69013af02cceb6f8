import { escapeXml, textWidth } from '../render/text-metrics.js';
import { QUARTER_SIGNS, type RadarLayout } from './layout.js';
import type { BlipState } from './movement.js';

const QUARTER_COLOURS = ['#2f6db5', '#6b4fb3', '#c2571a', '#2e8a4a'];

export interface RadarPicture {
  title: string;
  date: string;
  rings: Array<{ id: string; name: string }>;
  quadrants: Array<{ id: string; name: string }>;
}

/**
 * Where the render puts things: the radar's centre, the picture's size (for zooming on a quarter) and the
 * legend's grid. The legend has one column per quadrant, as many side by side as the picture is wide for,
 * wrapping onto further rows (a narrow radar used to cut its last column off). `legend`: the lines each
 * quadrant's column takes (a single number: one row of that height).
 */
export function radarGeometry(layout: RadarLayout, legend: number | readonly number[]) {
  const pad = 40,
    legendW = 300,
    lineH = 15;
  const R = layout.radius;
  const width = 2 * R + 2 * pad;
  const cx = width / 2,
    cy = pad + 70 + R;
  const legendTop = cy + R + 80;
  const lines = typeof legend === 'number' ? [legend] : legend;
  const cols = Math.max(1, Math.min(4, Math.floor((width - 2 * pad) / legendW)));
  // Each row of columns starts below the tallest column of the row before, one and a half lines apart.
  const rowTop: number[] = [];
  let at = 0;
  for (let r = 0; r * cols < lines.length; r++) {
    rowTop.push(at);
    at += Math.max(...lines.slice(r * cols, (r + 1) * cols)) + (r * cols + cols < lines.length ? 1.5 : 0);
  }
  const column = (i: number) => ({ x: pad + (i % cols) * legendW, y: legendTop + (rowTop[Math.floor(i / cols)] ?? 0) * lineH });
  return { pad, legendW, lineH, R, width, height: legendTop + at * lineH + pad, cx, cy, legendTop, cols, column };
}

/** The lines each quadrant's legend column takes: a heading, its blips, and a ring heading with a gap per ring. */
export function legendLines(layout: RadarLayout, pic: Pick<RadarPicture, 'quadrants' | 'rings'>): number[] {
  return pic.quadrants.map((q) => layout.blips.filter((b) => b.quadrant === q.id).length + pic.rings.length * 1.6 + 2);
}

/**
 * The radar as an SVG document: rings, quarters, numbered blips (new ones ringed, moved ones with an
 * arrow-like notch), and a legend listing every blip by number. Pure: same input, same bytes.
 */
export function renderRadarSvg(pic: RadarPicture, layout: RadarLayout, states: readonly BlipState[]): string {
  const state = new Map(states.map((s) => [s.id, s]));
  const quarterOf = new Map(pic.quadrants.map((q, i) => [q.id, i]));
  const byQuadrant = pic.quadrants.map((q) => layout.blips.filter((b) => b.quadrant === q.id));
  const g = radarGeometry(layout, legendLines(layout, pic));
  const { R, legendW, pad, lineH, width, height, cx, cy } = g;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" role="img" aria-label="${escapeXml(pic.title)}">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${pad}" y="${pad}" font-size="22" font-weight="700" fill="#1d2430">${escapeXml(pic.title)}</text>`,
    `<text x="${pad}" y="${pad + 22}" font-size="13" fill="#5b6472">Edition ${escapeXml(pic.date)} · ${layout.blips.length} blips</text>`,
    `<g transform="translate(${cx},${cy})">`,
  ];
  for (const [i, ring] of [...layout.rings].reverse().entries()) {
    const shade = ['#f4f6f9', '#eceff4', '#e3e7ee', '#dadfe8', '#d1d7e2', '#c8cfdc', '#bfc7d6', '#b6bfd0'][layout.rings.length - 1 - i] ?? '#eee';
    out.push(`<circle r="${ring.outer}" fill="${shade}" stroke="#fff" stroke-width="2"/>`);
  }
  out.push(
    `<line x1="${-R}" y1="0" x2="${R}" y2="0" stroke="#fff" stroke-width="6"/><line x1="0" y1="${-R}" x2="0" y2="${R}" stroke="#fff" stroke-width="6"/>`,
  );
  layout.rings.forEach((ring, i) => {
    const mid = (ring.inner + ring.outer) / 2;
    out.push(
      `<text x="0" y="${-mid + 4}" text-anchor="middle" font-size="12" font-weight="700" fill="#8a93a0" letter-spacing="1">${escapeXml(pic.rings[i]!.name.toUpperCase())}</text>`,
    );
  });
  pic.quadrants.forEach((q, i) => {
    const [sx, sy] = QUARTER_SIGNS[i]!;
    // Names outside the circle, above the top quarters and below the bottom ones.
    out.push(
      `<text x="${sx * R}" y="${sy < 0 ? -R - 14 : R + 30}" text-anchor="${sx < 0 ? 'start' : 'end'}" font-size="16" font-weight="700" fill="${QUARTER_COLOURS[i]}">${escapeXml(q.name)}</text>`,
    );
  });
  for (const b of layout.blips) {
    const s = state.get(b.id);
    const colour = QUARTER_COLOURS[quarterOf.get(b.quadrant)!]!;
    const mark = s?.movement === 'new' ? `<circle cx="${b.x}" cy="${b.y}" r="${b.r + 3}" fill="none" stroke="${colour}" stroke-width="1.5"/>` : '';
    const moved =
      s?.movement === 'moved-in' || s?.movement === 'moved-out'
        ? ` stroke="#1d2430" stroke-width="2" stroke-dasharray="${s.movement === 'moved-in' ? '3 2' : '1 2'}"`
        : '';
    out.push(
      `<g class="blip" data-blip-id="${escapeXml(b.id)}"><title>${b.n}. ${escapeXml(s?.name ?? b.id)}${s && s.movement !== 'no-change' ? ` (${s.movement})` : ''}</title>${mark}` +
        `<circle cx="${b.x}" cy="${b.y}" r="${b.r}" fill="${colour}"${moved}/>` +
        `<text x="${b.x}" y="${b.y + 3.5}" text-anchor="middle" font-size="${b.n > 99 ? 7.5 : 9}" font-weight="700" fill="#fff">${b.n}</text></g>`,
    );
  }
  out.push('</g>');
  // Legend.
  pic.quadrants.forEach((q, i) => {
    const { x } = g.column(i);
    let { y } = g.column(i);
    out.push(`<text x="${x}" y="${y}" font-size="15" font-weight="700" fill="${QUARTER_COLOURS[i]}">${escapeXml(q.name)}</text>`);
    y += lineH * 1.5;
    for (const ring of pic.rings) {
      const inRing = byQuadrant[i]!.filter((b) => b.ring === ring.id);
      if (!inRing.length) continue;
      out.push(`<text x="${x}" y="${y}" font-size="12" font-weight="700" fill="#5b6472">${escapeXml(ring.name)}</text>`);
      y += lineH;
      for (const b of inRing) {
        const s = state.get(b.id);
        const name = s?.name ?? b.id;
        const label = `${b.n}. ${name}`;
        const clipped = textWidth(label, 11) > legendW - 16 ? `${label.slice(0, 38)}…` : label;
        out.push(
          `<text x="${x}" y="${y}" font-size="11" fill="#1d2430">${escapeXml(clipped)}${s && s.movement !== 'no-change' ? ` <tspan fill="#8a93a0">(${s.movement})</tspan>` : ''}</text>`,
        );
        y += lineH;
      }
      y += lineH * 0.6;
    }
  });
  out.push('</svg>');
  return out.join('\n');
}
