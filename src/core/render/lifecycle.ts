import type { Taxonomy } from '../taxonomy/schema.js';
import { escapeXml } from './text-metrics.js';

export interface StageMark {
  id: string;
  name: string;
  x: number;
  y: number;
  /** How many tools (or a stack's tools) serve the stage. */
  count: number;
  interlock: boolean;
}

export interface LifecycleLayout {
  width: number;
  height: number;
  stages: StageMark[];
  /** The first loop on the left, the second on the right; `people` names the persona who works it. */
  loops: Array<{ id: string; name: string; people: string; cx: number; cy: number; r: number; stages: string[] }>;
}

/**
 * The two interlocked loops: the taxonomy's first loop on the left, its second on the right, sharing
 * the interlock stages where the circles meet (the first interlock on top, the second below).
 */
export function layoutLifecycle(tax: Taxonomy, counts: Record<string, number>, width = 760, height = 420): LifecycleLayout {
  const interlocks = new Set(tax.interlocks.map((i) => i.stage));
  const people = (persona: string) => tax.personas.find((p) => p.id === persona)?.name ?? persona;
  const r = Math.min(width / 4.2, height / 2.6);
  const cy = height / 2;
  const [model, app] = tax.loops as [Taxonomy['loops'][number], Taxonomy['loops'][number]];
  const centres = { model: { cx: width / 2 - r * 0.78, cy }, application: { cx: width / 2 + r * 0.78, cy } };
  // Interlock stages sit where the circles cross.
  const dy = Math.sqrt(r * r - (r * 0.78) ** 2);
  const pos = new Map<string, { x: number; y: number }>();
  const [top, bottom] = tax.interlocks.map((i) => i.stage);
  if (top) pos.set(top, { x: width / 2, y: cy - dy });
  if (bottom) pos.set(bottom, { x: width / 2, y: cy + dy });
  // Left loop: its own stages on the far left and on the inner arc. Right loop: its own stages walk the
  // far right arc, clockwise from the top crossing to the bottom one.
  const onCircle = (c: { cx: number; cy: number }, a: number) => ({ x: c.cx + r * Math.cos(a), y: c.cy + r * Math.sin(a) });
  const modelOwn = model.cycle.filter((s) => !pos.has(s));
  modelOwn.forEach((s, i) => pos.set(s, onCircle(centres.model, i === 0 ? Math.PI : 0)));
  const appOwn = app.cycle.filter((s) => !pos.has(s));
  const aTop = Math.atan2(-dy, -r * 0.78),
    aBottom = Math.atan2(dy, -r * 0.78);
  appOwn.forEach((s, i) => pos.set(s, onCircle(centres.application, aTop + ((i + 1) / (appOwn.length + 1)) * (aBottom - aTop))));
  return {
    width,
    height,
    loops: [
      { id: model.id, name: model.name, people: people(model.persona), ...centres.model, r, stages: model.cycle },
      { id: app.id, name: app.name, people: people(app.persona), ...centres.application, r, stages: app.cycle },
    ],
    stages: tax.stages.map((s) => ({
      id: s.id,
      name: s.name,
      ...(pos.get(s.id) ?? { x: 0, y: 0 }),
      count: counts[s.id] ?? 0,
      interlock: interlocks.has(s.id),
    })),
  };
}

/** Colour for a stage by how many tools serve it: none is a gap. */
export function coverageColour(count: number): string {
  if (count === 0) return '#d64545';
  if (count === 1) return '#e0a030';
  return '#2e8a4a';
}

export function renderLifecycleSvg(l: LifecycleLayout, opts: { interactive?: boolean } = {}): string {
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${l.width} ${l.height}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" role="img" aria-label="The ML lifecycle: two interlocked loops">`,
  ];
  l.loops.forEach((loop, i) => {
    const colour = i === 0 ? '#6b4fb3' : '#2f6db5';
    out.push(
      `<circle cx="${loop.cx}" cy="${loop.cy}" r="${loop.r}" fill="none" stroke="${colour}" stroke-width="3" stroke-dasharray="${i === 0 ? '0' : '8 5'}"/>`,
    );
    out.push(`<text x="${loop.cx}" y="${loop.cy}" text-anchor="middle" font-size="15" font-weight="700" fill="${colour}">${escapeXml(loop.name)}</text>`);
    out.push(`<text x="${loop.cx}" y="${loop.cy + 18}" text-anchor="middle" font-size="11" fill="#5b6472">${escapeXml(loop.people)}</text>`);
  });
  for (const s of l.stages) {
    const attrs = opts.interactive ? ` tabindex="0" role="button" aria-label="${escapeXml(`${s.name}: ${s.count} tools`)}"` : '';
    out.push(
      `<g class="stage" data-stage-id="${escapeXml(s.id)}"${attrs}><circle cx="${round(s.x)}" cy="${round(s.y)}" r="${s.interlock ? 30 : 24}" fill="#fff" stroke="${coverageColour(s.count)}" stroke-width="${s.interlock ? 4 : 3}"/>` +
        `<text x="${round(s.x)}" y="${round(s.y) + 5}" text-anchor="middle" font-size="14" font-weight="700" fill="#1d2430">${s.count}</text>` +
        `<text x="${round(s.x)}" y="${round(s.y) + (s.interlock ? 48 : 40)}" text-anchor="middle" font-size="12" fill="#1d2430">${escapeXml(s.name)}</text></g>`,
    );
  }
  out.push('</svg>');
  return out.join('\n');
}

const round = (v: number) => Math.round(v * 10) / 10;
