import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { newSession, sha256, verifyPassword } from '../../app/credentials.js';
import type { AccountStore } from '../../store/store.js';
import { SESSION_COOKIE, type AuthEnv } from '../auth.js';
import { apiError } from '../errors.js';
import { limit, parseBody } from '../body.js';

/** How long a web session lasts. */
export const SESSION_HOURS = 12;
export const SignIn = z.object({ name: z.string().min(1).max(100), password: z.string().min(1).max(1000) }).strict();

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

  app.post('/', limit, async (c) => {
    const b = await parseBody(c, SignIn);
    if (!b.ok) return b.res;
    const user = await accounts.getUser(b.value.name);
    // The same answer (and the same scrypt work) whether the name or the password is wrong.
    if (!(await verifyPassword(b.value.password, user?.passwordHash)) || !user) return apiError(c, 401, 'the name or the password is wrong', 'password');
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
