import { Hono, type Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { newSession, sha256, verifyPassword } from '../../app/credentials.js';
import type { AccountStore } from '../../store/store.js';
import { SESSION_COOKIE, type AuthEnv } from '../auth.js';
import { apiError } from '../errors.js';
import { limit, parseBody } from '../body.js';

/** The client's address on a real connection (not behind a proxy we do not know of); "local" in tests. */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}

/** How long a web session lasts. */
export const SESSION_HOURS = 12;
export const SignIn = z.object({ name: z.string().min(1).max(100), password: z.string().min(1).max(1000) }).strict();

/**
 * Failed sign-ins allowed in a window, then 429 until it ends: 10 per name, and 100 per client address (higher,
 * because behind a load balancer every client has the balancer's address).
 */
export const SIGN_IN_LIMIT = { failures: 10, perAddress: 100, windowMs: 15 * 60_000, maxKeys: 10_000 };

/** Counts failed sign-ins by key in a fixed window; bounded in memory (the oldest keys go first). Per process. */
class FailureLimiter {
  private readonly seen = new Map<string, { count: number; until: number }>();
  blockedFor(key: string, now: number): number {
    const e = this.seen.get(key);
    if (!e || e.until <= now) return 0;
    return e.count >= (key.startsWith('addr:') ? SIGN_IN_LIMIT.perAddress : SIGN_IN_LIMIT.failures) ? e.until - now : 0;
  }
  fail(key: string, now: number): void {
    const e = this.seen.get(key);
    if (!e || e.until <= now) this.seen.set(key, { count: 1, until: now + SIGN_IN_LIMIT.windowMs });
    else e.count++;
    while (this.seen.size > SIGN_IN_LIMIT.maxKeys) this.seen.delete(this.seen.keys().next().value!);
  }
  clear(key: string): void {
    this.seen.delete(key);
  }
}

/** Signing in and out of the web app: a session cookie (HttpOnly, SameSite=Lax) and the CSRF token writes must send back. */
export function sessionRoutes(accounts: AccountStore): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.get('/', async (c) => {
    const user = c.get('user');
    if (!user) return c.json({ user: null, accounts: true });
    const cookie = getCookie(c, SESSION_COOKIE);
    const s = cookie && c.get('via') === 'session' ? await accounts.findSession(sha256(cookie), new Date().toISOString()) : undefined;
    return c.json({ user: { name: user.name, role: user.role }, accounts: true, ...(s ? { csrf: s.csrf } : {}) });
  });

  const limiter = new FailureLimiter();
  app.post('/', limit, async (c) => {
    const b = await parseBody(c, SignIn);
    if (!b.ok) return b.res;
    // Guessing is slowed by scrypt and stopped by a limit per name and per client address.
    const keys = [`name:${b.value.name}`, `addr:${clientAddress(c)}`];
    const now = Date.now();
    const wait = Math.max(...keys.map((k) => limiter.blockedFor(k, now)));
    if (wait > 0)
      return apiError(c, 429, `too many failed sign-ins: try again in ${Math.ceil(wait / 60_000)} minute(s)`, 'password', {
        'Retry-After': String(Math.ceil(wait / 1000)),
      });
    const user = await accounts.getUser(b.value.name);
    // The same answer (and the same scrypt work) whether the name or the password is wrong.
    if (!(await verifyPassword(b.value.password, user?.passwordHash)) || !user) {
      for (const k of keys) limiter.fail(k, now);
      return apiError(c, 401, 'the name or the password is wrong', 'password');
    }
    limiter.clear(keys[0]!);
    const s = newSession();
    const expires = new Date(Date.now() + SESSION_HOURS * 3600_000);
    await accounts.addSession({ hash: s.hash, user: user.name, csrf: s.csrf, expiresAt: expires.toISOString() });
    const secure = new URL(c.req.url).protocol === 'https:' || c.req.header('X-Forwarded-Proto') === 'https';
    setCookie(c, SESSION_COOKIE, s.cookie, { httpOnly: true, sameSite: 'Lax', path: '/', secure, maxAge: SESSION_HOURS * 3600 });
    return c.json({ user: { name: user.name, role: user.role }, csrf: s.csrf }, 201);
  });

  app.delete('/', async (c) => {
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie) await accounts.removeSession(sha256(cookie));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  return app;
}
