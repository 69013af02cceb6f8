import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { parseToken, sameHash, sha256 } from '../app/credentials.js';
import { roleRank, type AccountStore, type Role, type User } from '../store/store.js';
import { apiError } from './errors.js';

export const SESSION_COOKIE = 'mlnav_session';
export const CSRF_HEADER = 'X-CSRF-Token';

/** What every route knows about the request's caller. */
export type AuthEnv = { Variables: { user?: User; via?: 'token' | 'session' } };

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Finds the caller: a personal API token (`Authorization: Bearer mlnav_…`) or the web session cookie.
 * A credential that is given but wrong is a 401 at once (never silently anonymous). A write made with
 * the session cookie must carry the session's CSRF token in X-CSRF-Token (the cookie alone, which a
 * browser attaches to cross-site requests, is not enough); tokens need none, as browsers never send them
 * on their own. In private mode every read needs a signed-in viewer too.
 */
export function authenticate(
  accounts: AccountStore | undefined,
  opts: { private?: boolean; open?: (path: string) => boolean } = {},
): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization');
    if (header !== undefined) {
      const bearer = /^Bearer +(\S+)$/i.exec(header);
      const parsed = bearer ? parseToken(bearer[1]!) : undefined;
      const found = parsed && accounts ? await accounts.findToken(parsed.id) : undefined;
      if (!parsed || !found || !sameHash(found.hash, sha256(parsed.secret)))
        return apiError(c, 401, 'the API token is not valid (it may have been revoked)', 'Authorization', { 'WWW-Authenticate': 'Bearer' });
      c.set('user', found.user);
      c.set('via', 'token');
    } else {
      const cookie = getCookie(c, SESSION_COOKIE);
      if (cookie && accounts) {
        const s = await accounts.findSession(sha256(cookie), new Date().toISOString());
        if (s) {
          if (UNSAFE.has(c.req.method) && !c.req.path.startsWith('/api/session')) {
            const sent = c.req.header(CSRF_HEADER) ?? '';
            if (!sameHash(sent, s.csrf)) return apiError(c, 403, `a write from the web app must carry the session's ${CSRF_HEADER} header`, CSRF_HEADER);
          }
          c.set('user', s.user);
          c.set('via', 'session');
        }
      }
    }
    if (opts.private && !c.get('user') && c.req.path.startsWith('/api/') && !(opts.open?.(c.req.path) ?? false))
      return apiError(c, 401, 'this server is private: sign in or send an API token', 'Authorization', { 'WWW-Authenticate': 'Bearer' });
    await next();
  };
}

/** 401 without a caller, 403 with too low a role; otherwise the caller. */
export function requireRole(c: Context<AuthEnv>, role: Role): User | Response {
  const user = c.get('user');
  if (!user)
    return apiError(c, 401, `sign in or send an API token (Authorization: Bearer …); this needs the ${role} role`, 'Authorization', {
      'WWW-Authenticate': 'Bearer',
    });
  if (roleRank(user.role) < roleRank(role)) return apiError(c, 403, `${user.name} is a ${user.role}; this needs the ${role} role`);
  return user;
}
