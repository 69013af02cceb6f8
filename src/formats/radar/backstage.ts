import { z } from 'zod';
import type { Problem } from '../../core/problems.js';
import type { Blip, Radar } from '../../core/radar/schema.js';
import { compareEditionDates, slug, type ImportFrame } from './frame.js';

/**
 * Backstage's tech-radar plugin reads a `TechRadarLoaderResponse`. Its quadrants are drawn in array order
 * clockwise from the BOTTOM RIGHT (backstage/community-plugins, workspaces/tech-radar/plugins/tech-radar-common,
 * model.ts); ours go clockwise from the top left. Its timeline dates go through `z.coerce.date()`, so a
 * label such as "before 2026.05" would make the plugin reject the whole file: dates go out as ISO.
 */
const Link = z.object({ url: z.string().min(1), title: z.string() });
const Snapshot = z.object({
  date: z.union([z.string().min(1), z.number()]),
  ringId: z.string().min(1),
  description: z.string().optional(),
  moved: z.union([z.literal(-1), z.literal(0), z.literal(1)]).optional(),
});
const Entry = z.object({
  key: z.string().optional(),
  id: z.string().min(1),
  quadrant: z.string().min(1),
  title: z.string().min(1),
  url: z.string().optional(),
  timeline: z.array(Snapshot).min(1, 'an entry needs at least one timeline snapshot'),
  description: z.string().optional(),
  links: z.array(Link).optional(),
});
export const BackstageResponse = z.object({
  quadrants: z.array(z.object({ id: z.string().min(1), name: z.string().min(1) })).length(4, 'our radars have four quadrants'),
  rings: z
    .array(z.object({ id: z.string().min(1), name: z.string().min(1), color: z.string().optional(), description: z.string().optional() }))
    .min(1)
    .max(8),
  entries: z.array(Entry),
});
export type TechRadarLoaderResponse = {
  quadrants: Array<{ id: string; name: string }>;
  rings: Array<{ id: string; name: string; color: string; description?: string }>;
  entries: Array<{
    id: string;
    key: string;
    title: string;
    quadrant: string;
    url?: string;
    description?: string;
    links?: Array<{ url: string; title: string }>;
    timeline: Array<{ moved: -1 | 0 | 1; ringId: string; date: string; description?: string }>;
  }>;
};

const RING_COLOURS = ['#5BA300', '#009EB0', '#C7BA00', '#E09B96', '#8a93a0', '#6b4fb3', '#c2571a', '#2f6db5'];

/** Backstage's position k (clockwise from the bottom right) holds our quadrant FROM_OURS[k] (clockwise from the top left). */
const FROM_OURS = [2, 3, 0, 1] as const;

/**
 * An edition's date as the ISO instant the plugin parses: a day at midnight UTC; a month (2026-11, 2026.05)
 * its first day; "before X" the day before X begins. Anything else cannot be dated: undefined.
 */
export function isoDate(date: string): string | undefined {
  const before = date.startsWith('before ');
  const d = before ? date.slice(7) : date;
  const m = /^(\d{4})[-.](\d{2})(?:[-.](\d{2}))?$/.exec(d.trim());
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, m[3] ? Number(m[3]) : 1) - (before ? 86_400_000 : 0);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** What the export could not carry: editions without a readable date, dated from their neighbours instead. */
export interface BackstageExport {
  response: TechRadarLoaderResponse;
  undated: string[];
}

/** Newest first in each timeline, as the plugin shows it. */
export function exportBackstage(radar: Radar): TechRadarLoaderResponse {
  return exportBackstageWithNotes(radar).response;
}

export function exportBackstageWithNotes(radar: Radar): BackstageExport {
  const ringIndex = new Map(radar.rings.map((r, i) => [r.id, i]));
  const latest = radar.editions.at(-1)!;
  // An edition with no readable date takes the date of the last dated one before it (or 1970 when none is):
  // the plugin refuses the whole file for one date it cannot parse, and then shows its own sample data.
  const undated: string[] = [];
  let last = new Date(0).toISOString();
  const when = new Map<string, string>();
  for (const e of radar.editions) {
    const iso = isoDate(e.date);
    if (iso) last = iso;
    else undated.push(e.date);
    when.set(e.date, iso ?? last);
  }
  // Each blip's history, oldest edition first: one pass over the editions (a search per blip was quadratic).
  const histories = new Map<string, Array<{ date: string; blip: Blip }>>();
  for (const e of radar.editions)
    for (const x of e.blips) {
      const list = histories.get(x.id) ?? [];
      if (!list.length) histories.set(x.id, list);
      list.push({ date: e.date, blip: x });
    }
  const quadrants = radar.quadrants.length === 4 ? FROM_OURS.map((i) => radar.quadrants[i]!) : radar.quadrants;
  return {
    undated,
    response: {
      quadrants: quadrants.map((q) => ({ id: q.id, name: q.name })),
      rings: radar.rings.map((r, i) => ({
        id: r.id,
        name: r.name,
        color: RING_COLOURS[i % RING_COLOURS.length]!,
        ...(r.description ? { description: r.description } : {}),
      })),
      entries: latest.blips.map((b) => {
        // A snapshot where something happened: the first, a ring change, a new rationale (not one per edition).
        const history = histories
          .get(b.id)!
          .filter((h, i, all) => i === 0 || h.blip.ring !== all[i - 1]!.blip.ring || h.blip.rationale !== all[i - 1]!.blip.rationale);
        const timeline = history.map((h, i) => {
          const prev = history[i - 1];
          // the source's own mark wins (a file may say 0 for a change it does not want flagged); else the editions tell
          const moved: -1 | 0 | 1 =
            h.blip.moved ?? (prev && prev.blip.ring !== h.blip.ring ? (ringIndex.get(h.blip.ring)! < ringIndex.get(prev.blip.ring)! ? 1 : -1) : 0);
          return { moved, ringId: h.blip.ring, date: when.get(h.date)!, ...(h.blip.rationale ? { description: h.blip.rationale } : {}) };
        });
        return {
          id: b.id,
          key: b.id,
          title: b.name,
          quadrant: b.quadrant,
          ...(b.link ? { url: b.link } : {}),
          ...(b.description ? { description: b.description } : {}),
          ...(b.links?.length ? { links: b.links } : {}),
          timeline: timeline.reverse(),
        };
      }),
    },
  };
}

const safeLink = (url: string) => /^https?:\/\//i.test(url);

/** Reads a TechRadarLoaderResponse: quadrants and rings come from the file; editions from the timelines' dates. */
export function importBackstage(text: string, frame: ImportFrame, file: string): { radar?: Radar; problems: Problem[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { problems: [{ file, field: '', message: `malformed JSON: ${(e as Error).message}`, severity: 'error' }] };
  }
  const parsed = BackstageResponse.safeParse(json);
  if (!parsed.success)
    return {
      problems: parsed.error.issues.slice(0, 20).map((i) => ({
        file,
        field: i.path
          .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
          .join('')
          .replace(/^\./, ''),
        message: `not a Backstage tech-radar response: ${i.message}`,
        severity: 'error' as const,
      })),
    };
  const data = parsed.data;
  const problems: Problem[] = [];
  // Backstage position k is our quadrant FROM_OURS[k]: put each back where we draw it.
  const ours = new Array<{ id: string; name: string }>(4);
  data.quadrants.forEach((q, k) => (ours[FROM_OURS[k]!] = { id: slug(q.id), name: q.name }));
  const quadrants = ours;
  const rings = data.rings.map((r) => ({ id: slug(r.id), name: r.name, ...(r.description ? { description: r.description } : {}) }));
  const qIds = new Set(quadrants.map((q) => q.id)),
    rIds = new Set(rings.map((r) => r.id));
  const dayOf = (d: string | number) => {
    const t = new Date(d);
    return Number.isNaN(t.getTime()) ? undefined : t.toISOString().slice(0, 10);
  };
  const dates = new Set<string>();
  data.entries.forEach((e, i) => {
    if (!qIds.has(slug(e.quadrant)))
      problems.push({ file, field: `entries[${i}].quadrant`, message: `entry ${i + 1} ("${e.title}"): unknown quadrant "${e.quadrant}"`, severity: 'error' });
    e.timeline.forEach((t, j) => {
      if (!rIds.has(slug(t.ringId)))
        problems.push({
          file,
          field: `entries[${i}].timeline[${j}].ringId`,
          message: `entry ${i + 1} ("${e.title}"): unknown ring "${t.ringId}"`,
          severity: 'error',
        });
      const day = dayOf(t.date);
      if (!day)
        problems.push({
          file,
          field: `entries[${i}].timeline[${j}].date`,
          message: `entry ${i + 1} ("${e.title}"): "${t.date}" is not a date`,
          severity: 'error',
        });
      else dates.add(day);
    });
    for (const [j, l] of (e.links ?? []).entries())
      if (!safeLink(l.url))
        problems.push({
          file,
          field: `entries[${i}].links[${j}].url`,
          message: `entry ${i + 1} ("${e.title}"): only http(s) links are kept, not "${l.url}"`,
          severity: 'error',
        });
    if (e.url && e.url !== '#' && !safeLink(e.url))
      problems.push({
        file,
        field: `entries[${i}].url`,
        message: `entry ${i + 1} ("${e.title}"): only http(s) links are kept, not "${e.url}"`,
        severity: 'error',
      });
  });
  if (problems.length) return { problems };
  const ordered = [...dates].sort(compareEditionDates);
  // An entry is in every edition from its first timeline date on, in the ring of its latest event so far.
  const editions = ordered.map((date) => ({
    date,
    blips: data.entries.flatMap((e): Blip[] => {
      const past = e.timeline.filter((t) => dayOf(t.date)! <= date).sort((a, b) => (dayOf(a.date)! < dayOf(b.date)! ? -1 : 1));
      const now = past.at(-1);
      if (!now) return [];
      const tool = frame.findTool?.(e.title);
      return [
        {
          id: slug(e.id),
          name: e.title,
          quadrant: slug(e.quadrant),
          ring: slug(now.ringId),
          ...(tool ? { tool } : {}),
          ...(now.description ? { rationale: now.description } : {}),
          ...(e.url && e.url !== '#' ? { link: e.url } : {}),
          ...(e.description ? { description: e.description } : {}),
          ...(e.links?.length ? { links: e.links } : {}),
          // the file's own trend mark, where this edition is the entry's newest snapshot on that day
          ...(now.moved !== undefined && dayOf(now.date) === date ? { moved: now.moved } : {}),
        },
      ];
    }),
  }));
  return { radar: { title: frame.title, rings, quadrants, editions }, problems: [] };
}
