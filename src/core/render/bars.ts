import { escapeXml, textWidth } from './text-metrics.js';

export interface Bar {
  label: string;
  value: number;
  /** Fill of the bar; default a neutral blue. */
  color?: string;
  /** Put on the bar's group as data-key, for pages and tests to find it. */
  key?: string;
}

export interface BarChart {
  title: string;
  /** A line under the title. */
  subtitle?: string;
  bars: readonly Bar[];
}

export interface BarOptions {
  /** Width of the picture in pixels (default 720): narrower pictures put each label above its bar. */
  width?: number;
  fontSize?: number;
  /** Prefix of the ids of the title and description (several charts share a page); default "bars". */
  id?: string;
}

/** Where the render puts things, for tests and for a face that wants the numbers. */
export interface BarsLayout {
  width: number;
  height: number;
  /** Labels in a column left of the bars, or each label on its own line above its bar (narrow pictures). */
  labels: 'column' | 'above';
  /** Left edge and full length of the bar area (the longest bar's length). */
  barX: number;
  barMax: number;
  rows: Array<{ label: string; shown: string; value: number; y: number; length: number }>;
}

const DEFAULT_COLOR = '#2f6db5';
const PAD = 12;

/** Lays out a horizontal bar chart. Pure and deterministic. */
export function layoutBars(chart: BarChart, opts: BarOptions = {}): BarsLayout {
  const width = opts.width ?? 720;
  const fs = opts.fontSize ?? 12;
  const max = Math.max(0, ...chart.bars.map((b) => b.value));
  const valueW = textWidth(String(max), fs) + 8;
  const longest = Math.max(0, ...chart.bars.map((b) => textWidth(b.label, fs)));
  const labels = longest + 10 <= width * 0.5 ? 'column' : 'above';
  const barX = labels === 'column' ? PAD + longest + 10 : PAD;
  const barMax = Math.max(10, width - PAD - valueW - barX);
  const top = PAD + fs * 1.5 + (chart.subtitle ? fs * 1.4 : 0) + 8;
  const barH = Math.round(fs * 1.2);
  const rowH = labels === 'column' ? barH + 8 : fs * 1.3 + barH + 8;
  // A label wider than the picture (only when labels go above) is cut with an ellipsis; its row's title names it whole.
  const room = width - 2 * PAD;
  const cut = (s: string) => {
    if (labels === 'column' || textWidth(s, fs) <= room) return s;
    let t = s;
    while (t.length > 1 && textWidth(`${t}…`, fs) > room) t = t.slice(0, -1);
    return `${t.trimEnd()}…`;
  };
  const rows = chart.bars.map((b, i) => ({
    label: b.label,
    shown: cut(b.label),
    value: b.value,
    y: round(top + i * rowH),
    length: max > 0 ? round((Math.max(0, b.value) / max) * barMax) : 0,
  }));
  return { width, height: round(top + chart.bars.length * rowH + PAD), labels, barX: round(barX), barMax: round(barMax), rows };
}

/**
 * A horizontal bar chart as a standalone SVG document: one bar per row with its label and value, a
 * title, and a description listing every row ("label: value") for screen readers. Every string is
 * escaped. Pure: same chart, same bytes.
 */
export function renderBarsSvg(chart: BarChart, opts: BarOptions = {}): string {
  const fs = opts.fontSize ?? 12;
  const l = layoutBars(chart, opts);
  const id = escapeXml(opts.id ?? 'bars');
  const barH = Math.round(fs * 1.2);
  const desc = chart.bars.map((b) => `${b.label}: ${b.value}`).join('; ');
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${l.width} ${l.height}" width="${l.width}" height="${l.height}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" role="img" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">${escapeXml(chart.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(desc)}</desc>`,
    `<rect width="${l.width}" height="${l.height}" fill="#ffffff"/>`,
    `<text x="${PAD}" y="${round(PAD + fs * 1.2)}" font-size="${round(fs * 1.25)}" font-weight="700" fill="#1d2430">${escapeXml(chart.title)}</text>`,
  ];
  if (chart.subtitle) out.push(`<text x="${PAD}" y="${round(PAD + fs * 2.6)}" font-size="${fs}" fill="#5b6472">${escapeXml(chart.subtitle)}</text>`);
  chart.bars.forEach((b, i) => {
    const r = l.rows[i]!;
    const barY = l.labels === 'column' ? r.y : round(r.y + fs * 1.3);
    const labelY = l.labels === 'column' ? round(barY + barH - 3) : round(r.y + fs);
    const labelX = l.labels === 'column' ? l.barX - 8 : PAD;
    out.push(
      `<g class="bar"${b.key !== undefined ? ` data-key="${escapeXml(b.key)}"` : ''} data-value="${b.value}">` +
        `<title>${escapeXml(`${b.label}: ${b.value}`)}</title>` +
        `<text x="${round(labelX)}" y="${labelY}" font-size="${fs}" fill="#1d2430"${l.labels === 'column' ? ' text-anchor="end"' : ''}>${escapeXml(r.shown)}</text>` +
        `<rect x="${l.barX}" y="${barY}" width="${r.length}" height="${barH}" rx="2" fill="${escapeXml(b.color ?? DEFAULT_COLOR)}"/>` +
        `<text x="${round(l.barX + r.length + 5)}" y="${round(barY + barH - 3)}" font-size="${fs}" fill="#39414d">${b.value}</text>` +
        '</g>',
    );
  });
  // The bars' common edge, in a column layout (above its labels, a line would run through them).
  if (l.labels === 'column' && l.rows.length)
    out.push(`<line x1="${l.barX}" y1="${round(l.rows[0]!.y - 4)}" x2="${l.barX}" y2="${round(l.height - PAD)}" stroke="#9aa3ad" stroke-width="1"/>`);
  out.push('</svg>');
  return out.join('\n');
}

const round = (v: number) => Math.round(v * 10) / 10;
