import { z } from 'zod';
import { Id } from '../ids.js';

export const Offering = z.enum(['library', 'self-hosted', 'managed', 'cloud-service']);
export type Offering = z.infer<typeof Offering>;

/** Acquisition is not a state: an acquired product that lives on is `active` with `acquired`. */
export const StatusState = z.enum(['active', 'maintenance', 'archived', 'discontinued']);
export type StatusState = z.infer<typeof StatusState>;

/** "2023" or "2023-06" or "2023-06-01": precision varies with what the public record says. */
const PartialDate = z.union([
  z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD'),
  z.number().int().min(1970).max(2100).transform(String),
]);

/** YAML turns an unquoted 2026-11-27 into a Date; accept both and keep the ISO day. */
const Day = z.union([z.date().transform((d) => d.toISOString().slice(0, 10)), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD')]);

export const Status = z
  .object({
    state: StatusState,
    checked: Day.describe('the day the facts were last checked'),
    acquired: z
      .object({ by: z.string().min(1), date: PartialDate, source: z.url({ protocol: /^https?$/ }).optional() })
      .strict()
      .optional()
      .describe('who bought the product, and when; the product itself may live on'),
    since: PartialDate.optional().describe('when an archived or discontinued tool stopped'),
    replacedBy: z.array(Id).optional().describe('catalogue ids users move to from a retired tool'),
    note: z.string().optional(),
  })
  .superRefine((s, ctx) => {
    if ((s.state === 'archived' || s.state === 'discontinued') && !s.since)
      ctx.addIssue({ code: 'custom', path: ['since'], message: `a ${s.state} tool needs since: (when it stopped)` });
  });
export type Status = z.infer<typeof Status>;

export const Override = z.object({
  x: z.number().min(-1).max(1),
  y: z.number().min(-1).max(1),
  reason: z.string().min(10, 'an override needs a written reason'),
});
export type Override = z.infer<typeof Override>;

const Url = z.url({ protocol: /^https?$/ });

export const Strength = z.enum(['core', 'partial', 'via']);
export type Strength = z.infer<typeof Strength>;

/**
 * How a tool provides one capability. `core`: a production feature it is known for, with the page that
 * shows it; `partial`: it can, with limits; `via`: through another catalogue entry (a general cloud
 * serves models via its AI platform, which is its own entry).
 */
export const CapabilityClaim = z
  .object({
    strength: Strength,
    via: Id.optional().describe('for strength via: the catalogue entry that provides it'),
    source: Url.optional().describe('for strength core: the documentation page that shows the feature'),
    checked: Day.optional().describe('the day the source was read'),
    note: z.string().min(1).optional().describe('the limits of a partial claim, or anything a reader should know'),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.strength === 'core' && !c.source)
      ctx.addIssue({ code: 'custom', path: ['source'], message: 'a core capability needs source: (the documentation page that shows it)' });
    if (c.strength === 'core' && !c.checked)
      ctx.addIssue({ code: 'custom', path: ['checked'], message: 'a core capability needs checked: (the day its source was read)' });
    if (c.strength === 'via' && !c.via)
      ctx.addIssue({ code: 'custom', path: ['via'], message: 'a via capability needs via: (the catalogue entry that provides it)' });
    if (c.strength !== 'via' && c.via) ctx.addIssue({ code: 'custom', path: ['via'], message: `via: is only for strength via, not ${c.strength}` });
  });
export type CapabilityClaim = z.infer<typeof CapabilityClaim>;

/** `partial` alone is short for {strength: partial}. */
const ClaimInput = z.union([z.literal('partial').transform((): CapabilityClaim => ({ strength: 'partial' })), CapabilityClaim]);

/** What a tool's GitHub repository says, read by `mlnav enrich` (never typed by hand). */
export const Activity = z
  .object({
    stars: z.number().int().min(0),
    latestRelease: z
      .object({ tag: z.string().min(1), date: Day })
      .strict()
      .nullable()
      .describe('null when the repository publishes no releases'),
    archived: z.boolean(),
    license: z.string().min(1).nullable().describe("the repository's SPDX licence id as GitHub detects it"),
    pushedAt: Day,
    source: Url.describe('the API resource read'),
    checked: Day,
  })
  .strict();
export type Activity = z.infer<typeof Activity>;

/** A fact a source now contradicts: kept as it is and flagged for a person, never overwritten. */
export const ReviewItem = z
  .object({
    field: z.string().min(1),
    found: z.string().min(1).describe('what the source says now'),
    source: Url,
    checked: Day,
  })
  .strict();
export type ReviewItem = z.infer<typeof ReviewItem>;

/** A public page that backs a fact, and the day it was read. */
export const Source = z.object({ url: Url, checked: Day }).strict();
export type Source = z.infer<typeof Source>;

export const ToolSchema = z
  .object({
    id: Id,
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    homepage: Url,
    repository: Url.optional(),
    license: z.string().regex(/^(proprietary|[A-Za-z0-9.+-]+(?: (?:OR|AND|WITH) [A-Za-z0-9.+-]+)*)$/, 'an SPDX expression or "proprietary"'),
    openSource: z.boolean(),
    offering: z.array(Offering).min(1),
    vendor: z.string().min(1).optional(),
    description: z.string().min(20).max(600),
    capabilities: z
      .record(Id, ClaimInput)
      .refine((r) => Object.values(r).some((c) => c.strength !== 'via'), 'a tool needs at least one capability of its own (core or partial)')
      .describe('capability id -> how the tool provides it'),
    categories: z.array(Id).min(1),
    worksWith: z.array(Id).default([]),
    competesWith: z.array(Id).default([]),
    status: Status,
    firstRelease: z.number().int().min(1970).max(2100),
    override: Override.optional(),
    activity: Activity.optional().describe("what the tool's repository says, as `mlnav enrich` read it"),
    review: z.array(ReviewItem).optional().describe('facts that a source now contradicts, left for a person to decide'),
    sources: z
      .object({
        license: Source.describe("the repository's LICENSE file or the vendor's terms"),
        status: Source.describe('a release page, announcement or archive notice'),
      })
      .strict()
      .describe('where the licence and status were checked (required: every fact has a source)'),
  })
  .strict();

export type Tool = z.infer<typeof ToolSchema>;
/** The shape written in a YAML file, before defaults apply. */
export type ToolInput = z.input<typeof ToolSchema>;

export const RETIRED_STATES: ReadonlySet<StatusState> = new Set(['archived', 'discontinued']);

/** Retired means the product no longer lives: archived or discontinued. An acquired product that lives on is not retired. */
export function isRetired(tool: Pick<Tool, 'status'>): boolean {
  return RETIRED_STATES.has(tool.status.state);
}

// Zod-free helpers in their own module, so the web app's search does not bring the schemas into the first view's code.
export { capabilitiesAt, ownCapabilities, strengthOf } from './capabilities.js';
