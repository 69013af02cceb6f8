import type { Problem } from '../../core/problems.js';
import type { Radar } from '../../core/radar/schema.js';
import { compareEditionDates, slug, type ImportFrame } from './frame.js';

/** Backstage's tech-radar plugin: its TechRadarLoaderResponse, with each entry's timeline of rings. */
export interface TechRadarLoaderResponse {
  quadrants: Array<{ id: string; name: string }>;
  rings: Array<{ id: string; name: string; color: string }>;
  entries: Array<{
    id: string;
    key: string;
    title: string;
    quadrant: string;
    url?: string;
    description?: string;
    timeline: Array<{ moved: -1 | 0 | 1; ringId: string; date: string; description?: string }>;
  }>;
}

const RING_COLOURS = ['#5BA300', '#009EB0', '#C7BA00', '#E09B96', '#8a93a0', '#6b4fb3', '#c2571a', '#2f6db5'];

/** Newest first in each timeline, as the plugin shows it. */
export function exportBackstage(radar: Radar): TechRadarLoaderResponse {
  const ringIndex = new Map(radar.rings.map((r, i) => [r.id, i]));
  const latest = radar.editions.at(-1)!;
  // Each blip's history, oldest edition first: one pass over the editions (a search per blip was quadratic).
  const histories = new Map<string, Array<{ date: string; ring: string; rationale?: string }>>();
  for (const e of radar.editions)
    for (const x of e.blips) {
      const list = histories.get(x.id) ?? [];
      if (!list.length) histories.set(x.id, list);
      list.push({ date: e.date, ring: x.ring, rationale: x.rationale });
    }
  return {
    quadrants: radar.quadrants.map((q) => ({ id: q.id, name: q.name })),
    rings: radar.rings.map((r, i) => ({ id: r.id, name: r.name, color: RING_COLOURS[i % RING_COLOURS.length]! })),
    entries: latest.blips.map((b) => {
      const history = histories.get(b.id)!;
      const timeline = history.map((h, i) => {
        const prev = history[i - 1];
        const moved: -1 | 0 | 1 = !prev || prev.ring === h.ring ? 0 : ringIndex.get(h.ring)! < ringIndex.get(prev.ring)! ? 1 : -1;
        return { moved, ringId: h.ring, date: h.date, ...(h.rationale ? { description: h.rationale } : {}) };
      });
      return {
        id: b.id,
        key: b.id,
        title: b.name,
        quadrant: b.quadrant,
        ...(b.link ? { url: b.link } : {}),
        ...(b.rationale ? { description: b.rationale } : {}),
        timeline: timeline.reverse(),
      };
    }),
  };
}

/** Reads a TechRadarLoaderResponse: quadrants and rings come from the file; editions from the timelines' dates. */
export function importBackstage(text: string, frame: ImportFrame, file: string): { radar?: Radar; problems: Problem[] } {
  let data: Partial<TechRadarLoaderResponse>;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { problems: [{ file, field: '', message: `malformed JSON: ${(e as Error).message}`, severity: 'error' }] };
  }
  const problems: Problem[] = [];
  if (!Array.isArray(data.quadrants) || data.quadrants.length !== 4)
    problems.push({ file, field: 'quadrants', message: 'a Backstage radar has four quadrants', severity: 'error' });
  if (!Array.isArray(data.rings) || !data.rings.length || data.rings.length > 8)
    problems.push({ file, field: 'rings', message: 'a Backstage radar has 1 to 8 rings', severity: 'error' });
  if (!Array.isArray(data.entries)) problems.push({ file, field: 'entries', message: 'a Backstage radar has an entries array', severity: 'error' });
  if (problems.length) return { problems };
  const quadrants = data.quadrants!.map((q) => ({ id: slug(q.id), name: q.name }));
  const rings = data.rings!.map((r) => ({ id: slug(r.id), name: r.name }));
  const qIds = new Set(quadrants.map((q) => q.id)),
    rIds = new Set(rings.map((r) => r.id));
  const dates = new Set<string>();
  data.entries!.forEach((e, i) => {
    if (!qIds.has(slug(String(e.quadrant))))
      problems.push({ file, field: `entries[${i}].quadrant`, message: `entry ${i + 1} ("${e.title}"): unknown quadrant "${e.quadrant}"`, severity: 'error' });
    if (!Array.isArray(e.timeline) || !e.timeline.length)
      problems.push({ file, field: `entries[${i}].timeline`, message: `entry ${i + 1} ("${e.title}"): an empty timeline`, severity: 'error' });
    for (const t of e.timeline ?? []) {
      if (!rIds.has(slug(String(t.ringId))))
        problems.push({ file, field: `entries[${i}].timeline`, message: `entry ${i + 1} ("${e.title}"): unknown ring "${t.ringId}"`, severity: 'error' });
      dates.add(String(t.date));
    }
  });
  if (problems.length) return { problems };
  const ordered = [...dates].sort(compareEditionDates);
  // An entry is in every edition from its first timeline date on, in the ring of its latest event so far.
  const editions = ordered.map((date) => ({
    date,
    blips: data.entries!.flatMap((e) => {
      const past = [...e.timeline]
        .filter((t) => compareEditionDates(String(t.date), date) <= 0)
        .sort((a, b) => compareEditionDates(String(a.date), String(b.date)));
      const now = past.at(-1);
      if (!now) return [];
      const tool = frame.findTool?.(e.title);
      return [
        {
          id: slug(e.id),
          name: e.title,
          quadrant: slug(String(e.quadrant)),
          ring: slug(String(now.ringId)),
          ...(tool ? { tool } : {}),
          ...(now.description ? { rationale: now.description } : {}),
          ...(e.url ? { link: e.url } : {}),
        },
      ];
    }),
  }));
  return { radar: { title: frame.title, rings, quadrants, editions }, problems: [] };
}
