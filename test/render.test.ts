import { describe, expect, it } from 'vitest';
import { FORCE_LAYOUT_MAX, layoutLandscape, levelCss, renderLandscapeSvg, toPixel, type LandscapePoint } from '../src/core/render/landscape.js';
import { clusterRadiusEm, levelFor, MARK_R_EM, SPOTS } from '../src/core/render/levels.js';
import { textWidth } from '../src/core/render/text-metrics.js';
import { overlaps } from '../src/core/render/label-layout.js';
import { svgToPng } from '../src/export/png.js';
import { isRetired } from '../src/core/catalogue/tool.js';
import { bundledCatalogue } from './helpers/bundled.js';

function bundledPoints(): LandscapePoint[] {
  const cat = bundledCatalogue();
  return cat.tools.map((t) => {
    const p = cat.placement.get(t.id)!;
    return { id: t.id, name: t.name, x: p.x, y: p.y, quadrant: p.quadrant, retired: isRetired(t) };
  });
}

describe('landscape map', () => {
  const points = bundledPoints();
  const quadrants = bundledCatalogue().tax.taxonomy.quadrants;
  const layout = layoutLandscape(points, { quadrants });

  it('labels every tool, with no two labels overlapping and no label over a marker', () => {
    expect(layout.marks).toHaveLength(points.length);
    // At 400 tools a few labels have no free spot: they are left out rather than drawn over another (the
    // marker's title names it). Levels of detail (clusters, labels by zoom) are the real fix (issue #14).
    const unplaced = layout.marks.filter((m) => !m.labelFree).map((m) => m.id);
    console.log(`map labels: ${layout.marks.length - unplaced.length}/${layout.marks.length} placed; without a free spot: ${unplaced.join(', ') || 'none'}`);
    expect(unplaced.length / layout.marks.length).toBeLessThanOrEqual(0.02);
    // Only drawn labels can overlap.
    const marks = layout.marks.filter((m) => m.labelFree);
    for (let i = 0; i < marks.length; i++) {
      for (let j = i + 1; j < marks.length; j++) {
        expect(overlaps(marks[i]!.label, marks[j]!.label), `${marks[i]!.id} / ${marks[j]!.id}`).toBe(false);
      }
      for (const m of layout.marks) {
        const dot = { x: m.cx - m.r, y: m.cy - m.r, w: 2 * m.r, h: 2 * m.r };
        expect(overlaps(marks[i]!.label, dot), `${marks[i]!.id} label over ${m.id}`).toBe(false);
      }
    }
  });

  it('keeps every label inside the plot and every marker near its computed position', () => {
    const { plot } = layout;
    for (const m of layout.marks) {
      expect(m.label.x).toBeGreaterThanOrEqual(plot.x);
      expect(m.label.x + m.label.w).toBeLessThanOrEqual(plot.x + plot.w);
      const p = points.find((q) => q.id === m.id)!;
      const tx = plot.x + ((p.x + 1.08) / 2.16) * plot.w;
      expect(Math.abs(m.cx - tx)).toBeLessThan(40);
    }
  });

  it('renders a deterministic SVG with a data-tool-id per tool, axes and quadrant names', () => {
    const svg = renderLandscapeSvg(layout);
    expect(renderLandscapeSvg(layoutLandscape(points, { quadrants }))).toBe(svg);
    expect(svg.match(/data-tool-id="/g)).toHaveLength(points.length);
    for (const text of [
      'Software-focused',
      'Model-focused',
      'All-in-one',
      'Piecemeal',
      'CLOUD PLATFORMS',
      'MACHINE LEARNING PLATFORMS',
      'SPECIALIZED ML TOOLS',
      'STANDARD SWE TOOLS',
    ])
      expect(svg).toContain(text);
    expect(svg).toContain('data-tool-id="mlflow"');
  });

  it('draws the same map in compact form (for the first paint): every marker and label, a fraction of the elements', () => {
    const full = renderLandscapeSvg(layout, { interactive: true });
    const compact = renderLandscapeSvg(layout, { compact: true });
    expect(compact).not.toContain('data-tool-id');
    // One arc pair per marker, every label's text, and the axes and quadrant names the full picture has.
    expect(compact.match(/a4 4 0 1 0 8 0/g)).toHaveLength(layout.marks.length);
    const labels = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).sort();
    expect(labels(compact)).toEqual(labels(full));
    const elements = (svg: string) => svg.match(/<[a-z]/g)!.length;
    expect(elements(compact)).toBeLessThan(elements(full) / 2);
  });

  it('escapes names and mutes everything but the highlighted tools', () => {
    const svg = renderLandscapeSvg(
      layoutLandscape([...points.slice(0, 5), { id: 'x', name: '<b>&"', x: 0.5, y: 0.5, quadrant: 'ml-platforms' }], { highlight: new Set(['x']), quadrants }),
    );
    expect(svg).toContain('&lt;b&gt;&amp;&quot;');
    expect(svg).not.toContain('<b>');
    expect(svg.match(/opacity="0.25"/g)).toHaveLength(5);
  });

  it('rasterises to PNG', () => {
    const png = svgToPng(renderLandscapeSvg(layoutLandscape(points.slice(0, 20), { width: 600, height: 400, quadrants })));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(600);
  });
});

describe('landscape layout at scale', () => {
  const quadrants = bundledCatalogue().tax.taxonomy.quadrants;
  it('beyond FORCE_LAYOUT_MAX markers, tools sharing a position fan out (no two markers on one pixel) and every label is decided', () => {
    const corners = [
      [0.5, 0.5],
      [-0.5, 0.5],
      [-0.5, -0.5],
      [0.5, -0.5],
      [0, 0],
    ] as const;
    const many: LandscapePoint[] = Array.from({ length: FORCE_LAYOUT_MAX + 500 }, (_, i) => ({
      id: `t${i}`,
      name: `Tool ${i}`,
      x: corners[i % 5]![0],
      y: corners[i % 5]![1],
      quadrant: quadrants[0]!.id,
    }));
    const layout = layoutLandscape(many, { quadrants });
    expect(layout.marks).toHaveLength(many.length);
    expect(new Set(layout.marks.map((m) => `${m.cx},${m.cy}`)).size).toBe(many.length);
    expect(layout.marks.filter((m) => m.labelFree).length).toBeGreaterThan(50);
    for (const m of layout.marks) expect(Number.isFinite(m.label.x) && Number.isFinite(m.label.y), m.id).toBe(true);
  });
});

describe('landscape lines', () => {
  const quadrants = bundledCatalogue().tax.taxonomy.quadrants;
  it('draws each line corner to corner under the markers, with its label escaped', () => {
    const layout = layoutLandscape([{ id: 'a', name: 'A', x: 0.5, y: 0.5, quadrant: quadrants[0]!.id }], { width: 600, height: 400, quadrants });
    const svg = renderLandscapeSvg(layout, { lines: [{ from: [-1, -1], to: [1, 1], label: 'Up <&> right', color: '#c2571a' }] });
    const a = toPixel(layout, -1, -1);
    const b = toPixel(layout, 1, 1);
    const r = (v: number) => Math.round(v * 10) / 10;
    expect(svg).toContain(`<line x1="${r(a.px)}" y1="${r(a.py)}" x2="${r(b.px)}" y2="${r(b.py)}" stroke="#c2571a"`);
    expect(svg).toContain('>Up &lt;&amp;&gt; right</text>');
    expect(svg.indexOf('class="line"')).toBeLessThan(svg.indexOf('class="mark"'));
    expect(renderLandscapeSvg(layout)).not.toContain('class="line"');
  });
});

describe('landscape levels of detail (issue 14)', () => {
  const cat = bundledCatalogue();
  const layout = layoutLandscape(bundledPoints(), { quadrants: cat.tax.taxonomy.quadrants });
  const lv = layout.levels!;
  const N = lv.fonts.length;
  // A label's box at a level, as the renderer draws it (em offsets from the marker, in the level's font).
  const box = (j: number, L: number) => {
    const m = layout.marks[j]!;
    const s = SPOTS[lv.marks[j]!.spot]!;
    const f = lv.fonts[L]!;
    const w = textWidth(m.name, 1);
    const x0 = s.anchor === 'start' ? s.dx : s.anchor === 'end' ? s.dx - w : -w / 2;
    return { x: m.cx + x0 * f, y: m.cy + s.top * f, w: w * f, h: 1.2 * f };
  };

  it('at every level, the markers shown on their own and the clusters account for every tool once', () => {
    for (let L = 0; L < N; L++) {
      const alone = lv.marks.filter((m) => m.open <= L).length;
      const clustered = lv.clusters.filter((c) => c.from <= L && L <= c.to).reduce((s, c) => s + c.n, 0);
      expect(alone + clustered, `level ${L}`).toBe(layout.marks.length);
    }
    // Coarse levels cluster, the finest shows every marker; a clustered marker's cluster chain reaches the top.
    expect(lv.clusters.filter((c) => c.from === 0).length).toBeGreaterThan(0);
    expect(lv.marks.every((m) => m.open < N)).toBe(true);
    for (const m of lv.marks) if (m.open > 0) expect(lv.clusters[m.cluster]!.to).toBe(m.open - 1);
  });

  it('labels never overlap each other, a marker or a cluster at any level, and once shown stay shown', () => {
    const bad: string[] = [];
    for (let L = 0; L < N; L++) {
      const f = lv.fonts[L]!;
      const shown = lv.marks.map((m, j) => (m.label >= 0 && m.label <= L ? j : -1)).filter((j) => j >= 0);
      for (const j of shown) if (lv.marks[j]!.open > lv.marks[j]!.label) bad.push(`${layout.marks[j]!.id}: labelled inside a cluster`);
      const boxes = shown.map((j) => box(j, L));
      for (let a = 0; a < boxes.length; a++)
        for (let b = a + 1; b < boxes.length; b++)
          if (overlaps(boxes[a]!, boxes[b]!)) bad.push(`level ${L}: ${layout.marks[shown[a]!]!.id} / ${layout.marks[shown[b]!]!.id}`);
      const circles = [
        ...layout.marks.filter((_, j) => lv.marks[j]!.open <= L).map((m) => ({ id: m.id, x: m.cx, y: m.cy, r: MARK_R_EM * f })),
        ...lv.clusters.filter((c) => c.from <= L && L <= c.to).map((c, k) => ({ id: `cluster ${k}`, x: c.x, y: c.y, r: clusterRadiusEm(c.n) * f })),
      ];
      boxes.forEach((b, a) => {
        for (const c of circles)
          if (overlaps(b, { x: c.x - c.r, y: c.y - c.r, w: 2 * c.r, h: 2 * c.r })) bad.push(`level ${L}: ${layout.marks[shown[a]!]!.id} over ${c.id}`);
      });
    }
    expect(bad).toEqual([]);
    // The finest level labels nearly every tool (the rest are named by their marker's aria-label).
    expect(lv.marks.filter((m) => m.label >= 0).length / lv.marks.length).toBeGreaterThan(0.9);
    // More labels at each finer level.
    const counts = Array.from({ length: N }, (_, L) => lv.marks.filter((m) => m.label >= 0 && m.label <= L).length);
    for (let L = 1; L < N; L++) expect(counts[L]).toBeGreaterThanOrEqual(counts[L - 1]!);
    expect(counts[N - 1]).toBeGreaterThan(counts[0]! * 10);
  });

  it('the level shown follows the screen scale: the finest whose labels are at least 11 px', () => {
    for (const pxPerUnit of [0.2, 0.78, 1, 3, 9]) {
      const L = levelFor(lv.fonts, pxPerUnit);
      expect(lv.fonts[L]! * pxPerUnit).toBeGreaterThanOrEqual(11);
      if (L < N - 1) expect(lv.fonts[L + 1]! * pxPerUnit).toBeLessThan(11);
    }
  });

  it('draws levels for the web app: a level on the root, labels and clusters marked with theirs; the default export is unchanged', () => {
    const svg = renderLandscapeSvg(layout, { interactive: true, levels: true });
    expect(svg).toMatch(/<svg [^>]*class="lod" data-lod="\d+"/);
    expect(svg.match(/data-tool-id="/g)).toHaveLength(layout.marks.length);
    expect(svg.match(/<g class="cluster /g)).toHaveLength(lv.clusters.length);
    expect(svg.match(/aria-label="/g)!.length).toBe(layout.marks.length + lv.clusters.length);
    expect(svg.match(/<text [^>]*data-label="/g)).toHaveLength(lv.marks.filter((m) => m.label >= 0).length);
    expect(renderLandscapeSvg(layout)).not.toContain('data-lod');
    expect(levelCss(lv)).toContain(`svg.lod[data-lod="${N - 1}"]`);
  });
});
