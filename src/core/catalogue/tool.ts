import { z } from 'zod';
import { Id } from '../ids.js';

export const Offering = z.enum(['library', 'self-hosted', 'managed', 'cloud-service']);
export type Offering = z.infer<typeof Offering>;

export const StatusState = z.enum(['active', 'maintenance', 'archived', 'acquired', 'discontinued']);
export type StatusState = z.infer<typeof StatusState>;

/** "2023" or "2023-06" or "2023-06-01": precision varies with what the public record says. */
const PartialDate = z.union([
  z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD'),
  z.number().int().min(1970).max(2100).transform(String),
]);

/** YAML turns an unquoted 2026-11-27 into a Date; accept both and keep the ISO day. */
const Day = z.union([
  z.date().transform((d) => d.toISOString().slice(0, 10)),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD'),
]);

export const Status = z
  .object({
    state: StatusState,
    checked: Day.describe('the day the facts were last checked'),
    acquired: z.object({ by: z.string().min(1), date: PartialDate }).optional(),
    since: PartialDate.optional().describe('when an archived or discontinued tool stopped'),
    replacedBy: z.array(Id).optional().describe('catalogue ids users move to from a retired tool'),
    note: z.string().optional(),
  })
  .superRefine((s, ctx) => {
    if (s.state === 'acquired' && !s.acquired)
      ctx.addIssue({ code: 'custom', path: ['acquired'], message: 'an acquired tool needs acquired: {by, date}' });
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

export const ToolSchema = z
  .object({
    id: Id,
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    homepage: Url,
    repository: Url.optional(),
    license: z
      .string()
      .regex(/^(proprietary|[A-Za-z0-9.+-]+(?: (?:OR|AND|WITH) [A-Za-z0-9.+-]+)*)$/, 'an SPDX expression or "proprietary"'),
    openSource: z.boolean(),
    offering: z.array(Offering).min(1),
    vendor: z.string().min(1).optional(),
    description: z.string().min(20).max(600),
    capabilities: z.object({
      primary: z.array(Id).min(1),
      secondary: z.array(Id).default([]),
    }),
    categories: z.array(Id).min(1),
    worksWith: z.array(Id).default([]),
    competesWith: z.array(Id).default([]),
    status: Status,
    firstRelease: z.number().int().min(1970).max(2100),
    override: Override.optional(),
  })
  .strict();

export type Tool = z.infer<typeof ToolSchema>;
/** The shape written in a YAML file, before defaults apply. */
export type ToolInput = z.input<typeof ToolSchema>;

export const RETIRED_STATES: ReadonlySet<StatusState> = new Set(['archived', 'discontinued']);

/** Retired means no longer a safe choice: archived, discontinued, or acquired and folded away. */
export function isRetired(tool: Pick<Tool, 'status'>): boolean {
  return RETIRED_STATES.has(tool.status.state) || tool.status.state === 'acquired';
}
