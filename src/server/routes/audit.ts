import { Hono } from 'hono';
import type { AuditLog } from '../../store/store.js';
import { requireRole, type AuthEnv } from '../auth.js';
import { apiError } from '../errors.js';

const int = (s: string | undefined, max: number) => (s === undefined ? undefined : /^\d{1,10}$/.test(s) && Number(s) <= max ? Number(s) : NaN);

/** The append-only audit log: every write, who, when, what, why, before and after. Admins only. */
export function auditRoutes(log: AuditLog): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.get('/', async (c) => {
    const user = requireRole(c, 'admin');
    if (user instanceof Response) return user;
    const after = int(c.req.query('after'), 1e10);
    const lim = int(c.req.query('limit'), 1000);
    if (Number.isNaN(after)) return apiError(c, 400, 'after must be an entry id', 'after');
    if (Number.isNaN(lim) || lim === 0) return apiError(c, 400, 'limit must be 1 to 1000', 'limit');
    const target = c.req.query('target');
    return c.json(await log.audit({ target, after, limit: lim ?? 1000 }));
  });
  return app;
}
