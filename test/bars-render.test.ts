import { describe, expect, it } from 'vitest';
import { layoutBars, renderBarsSvg, type BarChart } from '../src/core/render/bars.js';
import { svgToPng } from '../src/export/png.js';

const chart: BarChart = {
  title: 'Tools by quadrant',
  subtitle: '4 tools',
  bars: [
    { label: 'Left', value: 1, key: 'left', color: '#2e8a4a' },
    { label: 'Right side', value: 3, key: 'right' },
    { label: 'None', value: 0, key: 'none' },
  ],
};

describe('bar chart', () => {
  it('renders the golden SVG', async () => {
    const svg = renderBarsSvg(chart, { id: 'q' });
    expect(renderBarsSvg(chart, { id: 'q' })).toBe(svg);
    await expect(svg).toMatchFileSnapshot('fixtures/golden/bars.svg');
  });

  it('bar lengths are proportional to the values; the longest fills the bar area', () => {
    const l = layoutBars(chart);
    expect(l.labels).toBe('column');
    expect(l.rows.map((r) => r.length)).toEqual([Math.round((l.barMax / 3) * 10) / 10, l.barMax, 0]);
    // Rows go down the page, one after another.
    expect(l.rows[1]!.y).toBeGreaterThan(l.rows[0]!.y);
    expect(l.height).toBeGreaterThan(l.rows[2]!.y);
  });

  it('is readable without the picture: a title, and a description with every row and its value', () => {
    const svg = renderBarsSvg(chart, { id: 'q' });
    expect(svg).toContain('role="img" aria-labelledby="q-title q-desc"');
    expect(svg).toContain('<title id="q-title">Tools by quadrant</title>');
    expect(svg).toContain('<desc id="q-desc">Left: 1; Right side: 3; None: 0</desc>');
    expect(svg.match(/<g class="bar"/g)).toHaveLength(3);
    expect(svg).toContain('data-key="right" data-value="3"');
  });

  it('escapes every string and strips control characters', () => {
    const svg = renderBarsSvg(
      { title: 'A <b>&"', subtitle: "it's", bars: [{ label: '<script>x\u0007</script>', value: 2, key: '"><x', color: '"red' }] },
      { id: 'a"b' },
    );
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('\u0007');
    expect(svg).toContain('&lt;script&gt;x\uFFFD&lt;/script&gt;');
    expect(svg).toContain('data-key="&quot;&gt;&lt;x"');
    expect(svg).toContain('fill="&quot;red"');
    expect(svg).toContain('aria-labelledby="a&quot;b-title a&quot;b-desc"');
    expect(svg).toContain('it&#39;s');
  });

  it('a narrow picture puts each label above its bar, and cuts one too long for the width', () => {
    const long = { title: 't', bars: [{ label: 'A capability with a very long name indeed, longer than a phone', value: 5 }] };
    const l = layoutBars(long, { width: 300 });
    expect(l.labels).toBe('above');
    expect(l.rows[0]!.shown.endsWith('…')).toBe(true);
    expect(l.rows[0]!.shown.length).toBeLessThan(long.bars[0]!.label.length);
    expect(l.barX + l.barMax).toBeLessThanOrEqual(300);
    const svg = renderBarsSvg(long, { width: 300 });
    // The row's title still names it whole.
    expect(svg).toContain(`<title>${long.bars[0]!.label}: 5</title>`);
    expect(layoutBars(long, { width: 1400 }).labels).toBe('column');
  });

  it('draws an empty chart and a chart of zeros without dividing by zero', () => {
    expect(renderBarsSvg({ title: 'Nothing', bars: [] })).toContain('</svg>');
    const zeros = renderBarsSvg({ title: 'Zeros', bars: [{ label: 'a', value: 0 }] });
    expect(zeros).not.toContain('NaN');
    expect(zeros).toContain('width="0"');
  });

  it('rasterises to PNG', () => {
    const png = svgToPng(renderBarsSvg(chart, { width: 400 }));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(400);
  });
});
