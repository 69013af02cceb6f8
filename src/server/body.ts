import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { fieldPath } from '../core/problems.js';
import { apiError } from './errors.js';

export const MAX_BODY_BYTES = 256 * 1024;

/** Refuses a body over MAX_BODY_BYTES with 413 naming the body. */
export const limit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => apiError(c, 413, `the body is larger than ${MAX_BODY_BYTES / 1024} KiB`, 'body') });

/** The JSON body, or an error response naming the body (415 for another media type, 400 for bad JSON). */
export async function jsonBody(c: Context): Promise<{ ok: true; body: unknown } | { ok: false; res: Response }> {
  // Media types are case-insensitive (RFC 9110): APPLICATION/JSON is JSON.
  if (!/^application\/json\s*(;|$)/i.test(c.req.header('Content-Type') ?? ''))
    return { ok: false, res: apiError(c, 415, 'send JSON (Content-Type: application/json)', 'body') };
  try {
    return { ok: true, body: await c.req.json() };
  } catch {
    return { ok: false, res: apiError(c, 400, 'the body is not valid JSON', 'body') };
  }
}

export type Problems = Array<{ field: string; message: string }>;

/** 400 naming the first problem's field, with all of them listed. */
export const invalid = (c: Context, problems: Problems) =>
  c.json(
    { error: { status: 400, message: `${problems[0]!.field || 'body'}: ${problems[0]!.message}`, parameter: problems[0]!.field || 'body' }, problems },
    400,
  );

/** Parses a JSON body with a zod schema: the value, or the error response. */
export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<{ ok: true; value: z.output<S> } | { ok: false; res: Response }> {
  const b = await jsonBody(c);
  if (!b.ok) return b;
  const r = schema.safeParse(b.body);
  if (!r.success)
    return {
      ok: false,
      res: invalid(
        c,
        r.error.issues.map((i) => ({ field: fieldPath(i.path), message: i.message })),
      ),
    };
  return { ok: true, value: r.data };
}
