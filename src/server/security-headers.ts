import type { MiddlewareHandler } from 'hono';

/** Content-Security-Policy: everything from our own origin; styles only through the CSSOM, no inline scripts. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'no-referrer'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
];

/**
 * The usual security headers, fixed at start-up and set before the handler runs, so they travel
 * with the response it builds. Hono's secureHeaders builds them per request and rewrites the finished
 * response, which halved the API's throughput in `npm run bench` (see BENCHMARKS.md).
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  for (const [k, v] of HEADERS) c.header(k, v);
  await next();
  // Responses made without the context (static files) do not carry the prepared headers.
  if (!c.res.headers.has('Content-Security-Policy')) for (const [k, v] of HEADERS) c.res.headers.set(k, v);
};
