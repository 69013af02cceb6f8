import { CORNER_COLORS, cornerOf, type QuadrantSpec } from './landscape.js';
import { escapeXml } from './text-metrics.js';

export interface MiniMapInput {
  quadrants: readonly QuadrantSpec[];
  /** Every tool's position in landscape coordinates (-1..1 on both axes), drawn faintly for context. */
  points: ReadonlyArray<{ x: number; y: number }>;
  /** The tool the picture is about. */
  focus: { name: string; x: number; y: number };
  size?: number;
}

/**
 * A small landscape for a tool's page: the four quadrants, every tool as a faint dot, the tool itself
 * as a ringed marker. Pure: data in, SVG out; the name is escaped.
 */
export function renderMiniMapSvg({ quadrants, points, focus, size = 220 }: MiniMapInput): string {
  const pad = 6;
  const inner = size - 2 * pad;
  const half = inner / 2;
  // Positions run a little past -1..1 (the layout clamps at 1.08); keep every dot inside the frame.
  const sx = (v: number) => pad + ((Math.max(-1.08, Math.min(1.08, v)) + 1.08) / 2.16) * inner;
  const sy = (v: number) => pad + ((1.08 - Math.max(-1.08, Math.min(1.08, v))) / 2.16) * inner;
  const r1 = (v: number) => Math.round(v * 10) / 10;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}" role="img" aria-label="${escapeXml(`Where ${focus.name} sits on the landscape`)}" class="minimap">`,
  );
  for (const q of quadrants) {
    const corner = cornerOf(q);
    const x = corner.endsWith('left') ? pad : pad + half;
    const y = corner.startsWith('top') ? pad : pad + half;
    out.push(`<rect x="${x}" y="${y}" width="${half}" height="${half}" fill="${CORNER_COLORS[corner].fill}"><title>${escapeXml(q.name)}</title></rect>`);
  }
  out.push(`<line x1="${pad + half}" y1="${pad}" x2="${pad + half}" y2="${pad + inner}" stroke="#9aa3b2" stroke-width="1"/>`);
  out.push(`<line x1="${pad}" y1="${pad + half}" x2="${pad + inner}" y2="${pad + half}" stroke="#9aa3b2" stroke-width="1"/>`);
  out.push('<g fill="#8a93a3" fill-opacity="0.45">');
  for (const p of points) out.push(`<circle cx="${r1(sx(p.x))}" cy="${r1(sy(p.y))}" r="1.6"/>`);
  out.push('</g>');
  const fx = r1(sx(focus.x)),
    fy = r1(sy(focus.y));
  out.push(
    `<g class="focus"><circle cx="${fx}" cy="${fy}" r="9" fill="none" stroke="#1b1f27" stroke-width="2"/><circle cx="${fx}" cy="${fy}" r="4" fill="#1b1f27"/><title>${escapeXml(focus.name)}</title></g>`,
  );
  out.push('</svg>');
  return out.join('');
}
