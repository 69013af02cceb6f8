import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every API error has this shape, so clients can show `message` and point at `parameter`. */
export interface ApiError {
  error: { status: number; message: string; parameter?: string };
}

export function apiError(c: Context, status: ContentfulStatusCode, message: string, parameter?: string, headers: Record<string, string> = {}) {
  // An error is never cacheable, whatever a middleware prepared for the success case.
  c.header('Cache-Control', 'no-store');
  c.header('ETag', undefined);
  for (const [k, v] of Object.entries(headers)) c.header(k, v);
  return c.json<ApiError>({ error: { status, message, ...(parameter ? { parameter } : {}) } }, status);
}
