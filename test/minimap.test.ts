import { describe, expect, it } from 'vitest';
import { renderMiniMapSvg } from '../src/core/render/minimap.js';
import { svgToPng } from '../src/export/png.js';
import { bundledCatalogue } from './helpers/bundled.js';

const cat = bundledCatalogue();
const quadrants = cat.tax.taxonomy.quadrants;
const points = cat.tools.map((t) => cat.placement.get(t.id)!);

describe('mini map (pure render)', () => {
  it('draws the four quadrants, every tool as a dot and the focus where its position says', () => {
    const svg = renderMiniMapSvg({ quadrants, points, focus: { name: 'Top right', x: 1, y: 1 }, size: 220 });
    expect(svg.match(/<rect /g)).toHaveLength(4);
    expect(svg.match(/r="1.6"/g)).toHaveLength(points.length);
    // x = y = 1 sits near the top-right corner of the 6 px padded frame: 6 + (2.08 / 2.16) * 208
    const [, cx, cy] = /<g class="focus"><circle cx="([\d.]+)" cy="([\d.]+)"/.exec(svg)!;
    expect(Number(cx)).toBeCloseTo(6 + (2.08 / 2.16) * 208, 0);
    expect(Number(cy)).toBeCloseTo(6 + (0.08 / 2.16) * 208, 0);
    const bottomLeft = renderMiniMapSvg({ quadrants, points: [], focus: { name: 'b', x: -5, y: -5 } });
    const [, bx, by] = /<g class="focus"><circle cx="([\d.]+)" cy="([\d.]+)"/.exec(bottomLeft)!;
    expect(Number(bx)).toBe(6); // clamped into the frame
    expect(Number(by)).toBe(214);
  });

  it('escapes the name and stays well-formed XML whatever it is called', () => {
    const svg = renderMiniMapSvg({ quadrants, points: [], focus: { name: '<script>alert(1)</script> & "x"\u0007', x: 0, y: 0 } });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
    // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids
    expect(svg).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    // resvg parses it as XML: a PNG comes out
    expect(svgToPng(svg).subarray(1, 4).toString()).toBe('PNG');
  });
});
