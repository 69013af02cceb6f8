import { z } from 'zod';
import { Offering, StatusState } from '../core/catalogue/tool.js';
import type { Catalogue } from '../core/catalogue/catalogue.js';

/** The query of GET /api/tools. Every parameter is validated; unknown ones are refused. */
export const ToolsQuery = z
  .object({
    q: z.string().max(200).optional().describe('full-text search over names, aliases, descriptions, vendors, capabilities'),
    quadrant: z.string().max(80).optional(),
    category: z.string().max(80).optional(),
    capability: z.string().max(80).optional(),
    stage: z.string().max(80).optional(),
    oss: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .describe('open source only (true) or closed only (false)'),
    offering: Offering.optional(),
    status: StatusState.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export type ToolsQuery = z.output<typeof ToolsQuery>;

export type QueryResult<T> = { ok: true; value: T } | { ok: false; parameter: string; message: string };

/** Validates a flat query (one value per key; repeated keys are refused) and checks ids against the taxonomy. */
export function parseToolsQuery(raw: Record<string, string[]>, cat: Catalogue): QueryResult<ToolsQuery> {
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v.length > 1) return { ok: false, parameter: k, message: `"${k}" may be given only once` };
    flat[k] = v[0]!;
  }
  const r = ToolsQuery.safeParse(flat);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const parameter = issue.code === 'unrecognized_keys' ? issue.keys[0]! : String(issue.path[0] ?? '');
    const message = issue.code === 'unrecognized_keys' ? `unknown parameter "${parameter}"` : `"${parameter}": ${issue.message}`;
    return { ok: false, parameter, message };
  }
  for (const [param, kind] of [
    ['quadrant', 'quadrantName'],
    ['category', 'category'],
    ['capability', 'capability'],
    ['stage', 'stage'],
  ] as const) {
    const id = r.data[param];
    if (id && !cat.tax[kind].has(id)) return { ok: false, parameter: param, message: `"${param}": unknown ${param} "${id}"` };
  }
  return { ok: true, value: r.data };
}

/** The body of POST /api/recommend (the CLI's options, as JSON). */
export const RecommendBody = z
  .object({
    needs: z.array(z.string().max(80)).min(1).max(200),
    openSourceOnly: z.boolean().optional(),
    selfHosted: z.boolean().optional(),
    cloud: z.string().max(80).optional(),
    keep: z.array(z.string().max(80)).max(200).optional(),
    exclude: z.array(z.string().max(80)).max(5000).optional(),
    maxTools: z.number().int().min(1).max(200).optional(),
    policy: z.enum(['specialised-first', 'prefer-platforms']).optional(),
    alternatives: z.boolean().optional().describe('also solve the alternative kinds of stack (default true)'),
  })
  .strict();
