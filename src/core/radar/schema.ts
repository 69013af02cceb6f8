import { z } from 'zod';
import { Id } from '../ids.js';

/**
 * Whether a link may go into a page or an export: an http(s) URL, or a path relative to the radar's site
 * ("/radar/tools/x", "docs/x.html", "#x"). Any other scheme (javascript:, data:, vbscript:, file:), a
 * protocol-relative "//host", a backslash, whitespace or a control character is refused.
 */
export function isSafeLink(s: string): boolean {
  if (!s || /[\\\s]/.test(s) || [...s].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127)) return false;
  if (/^[a-z][a-z0-9+.-]*:/i.test(s)) return /^https?:\/\/[^/]/i.test(s) && URL.canParse(s);
  return !s.startsWith('//');
}
export const Link = z
  .string()
  .max(2000)
  .refine(isSafeLink, { error: 'a link must be an http(s) URL or a relative path (not javascript:, data: or any other scheme)' });

/** One blip in one edition: where the owner put it and why. */
export const Blip = z
  .object({
    id: Id,
    name: z.string().min(1),
    quadrant: Id,
    ring: Id,
    /** The catalogue tool this blip stands for, if any (free items are allowed). */
    tool: Id.optional(),
    /** Markdown; rendered sanitised. */
    rationale: z.string().optional(),
    /** An http(s) URL or a path relative to the radar's site (Zalando's and BYOR's radars link both ways). */
    link: Link.optional(),
    /** Names of related blips, as BYOR's relatedBlips column gives them. */
    relatedBlips: z.array(z.string().min(1)).optional(),
    /** Kept for history but not on the radar (Zalando's active: false). */
    inactive: z.literal(true).optional(),
    /** What the item is (Markdown), beside this edition's rationale for its ring: Backstage's entry description. */
    description: z.string().optional(),
    /** Further links with their titles (Backstage's `links`). */
    links: z
      .array(z.object({ url: z.url({ protocol: /^https?$/ }), title: z.string().min(1) }).strict())
      .max(50)
      .optional(),
    /**
     * The source's own trend mark for this edition (-1 moved out, 0 none, 1 moved in), kept when the editions
     * themselves do not show the move (a file with one edition whose entries say they moved).
     */
    moved: z.union([z.literal(-1), z.literal(0), z.literal(1)]).optional(),
  })
  .strict();
export type Blip = z.infer<typeof Blip>;

export const Edition = z
  .object({
    /** A date (2026-11, 2026-11-27, 2026.05) or a label such as "before 2026.05" for a reconstructed edition. */
    date: z.string().min(1).max(60),
    blips: z.array(Blip),
  })
  .strict();
export type Edition = z.infer<typeof Edition>;

export const RadarSchema = z
  .object({
    title: z.string().min(1),
    /** Innermost first. */
    rings: z
      .array(z.object({ id: Id, name: z.string().min(1), description: z.string().optional() }).strict())
      .min(1)
      .max(8),
    quadrants: z.array(z.object({ id: Id, name: z.string().min(1) }).strict()).length(4),
    /** Oldest first; the last is the current edition. */
    editions: z.array(Edition).min(1),
  })
  .strict()
  .superRefine((r, ctx) => {
    const rings = new Set(r.rings.map((x) => x.id));
    const quadrants = new Set(r.quadrants.map((x) => x.id));
    r.editions.forEach((e, i) => {
      // Two blips may share a name (BYOR shows both); their ids must differ.
      const seen = new Set<string>();
      e.blips.forEach((b, j) => {
        const at = ['editions', i, 'blips', j];
        if (!rings.has(b.ring)) ctx.addIssue({ code: 'custom', path: [...at, 'ring'], message: `unknown ring "${b.ring}"` });
        if (!quadrants.has(b.quadrant)) ctx.addIssue({ code: 'custom', path: [...at, 'quadrant'], message: `unknown quadrant "${b.quadrant}"` });
        if (seen.has(b.id)) ctx.addIssue({ code: 'custom', path: [...at, 'id'], message: `duplicate blip id "${b.id}"` });
        seen.add(b.id);
      });
    });
  });
export type Radar = z.infer<typeof RadarSchema>;

export type Movement = 'new' | 'moved-in' | 'moved-out' | 'no-change';
