import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import { svgToPng } from './png.js';

/** Writes an SVG document as .svg, or rasterised as .png; the extension decides. */
export function writePicture(out: string, svg: string): 'svg' | 'png' {
  const ext = extname(out).toLowerCase();
  if (ext !== '.svg' && ext !== '.png') throw new Error(`--out must end in .svg or .png, not "${ext || out}"`);
  mkdirSync(dirname(out), { recursive: true });
  if (ext === '.svg') writeFileSync(out, svg);
  else writeFileSync(out, svgToPng(svg, 1.5));
  return ext === '.svg' ? 'svg' : 'png';
}
