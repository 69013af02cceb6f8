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

/** The same policy for the embeddable view, which other sites may frame. */
export const EMBED_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", 'frame-ancestors *');

const HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'no-referrer'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
];

/**
 * Cross-Origin-Opener-Policy: on by default. It puts the app in a browsing-context group of its own. A tab
 * opened blank then needs a new renderer process for it: 180-260 ms in headless Chromium on the 2-core bench
 * machine. A navigation from another site needs one with or without COOP (BENCHMARKS.md, third session). A
 * deployment that prefers that time to the isolation can turn it off (`mlnav serve --no-opener-policy`); the
 * session cookie is HttpOnly and SameSite=Lax either way.
 */
export const OPENER_POLICY: readonly [string, string] = ['Cross-Origin-Opener-Policy', 'same-origin'];

/**
 * The usual security headers, fixed at start-up and set before the handler runs, so they travel
 * with the response it builds. Hono's secureHeaders builds them per request and rewrites the finished
 * response, which halved the API's throughput in `npm run bench` (see BENCHMARKS.md).
 */
export function securityHeaders({ openerPolicy = true } = {}): MiddlewareHandler {
  const headers = openerPolicy ? [...HEADERS, OPENER_POLICY] : HEADERS;
  return async (c, next) => {
    for (const [k, v] of headers) c.header(k, v);
    await next();
    // Responses made without the context (static files) do not carry the prepared headers.
    if (!c.res.headers.has('Content-Security-Policy')) for (const [k, v] of headers) c.res.headers.set(k, v);
  };
}
