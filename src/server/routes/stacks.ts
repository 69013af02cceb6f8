import { Hono, type Context } from 'hono';
import { slugify } from '../../core/ids.js';
import type { StackRepository } from '../../store/store.js';
import { requireRole, type AuthEnv } from '../auth.js';
import { apiError } from '../errors.js';
import { invalid, jsonBody, limit } from '../body.js';
import { heavy, stackFrom, withAnalysis } from '../catalogue-app.js';
import type { Current } from '../current.js';

/** Saved stacks: anyone may read; editors save. A new stack's id comes from its name and is never reused (409). */
export function stackRoutes(stacks: StackRepository | undefined, current: Current): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const save = (mode: 'create' | 'update') => async (c: Context<AuthEnv>) => {
    const user = requireRole(c, 'editor');
    if (user instanceof Response) return user;
    if (!stacks) return apiError(c, 503, 'no stack storage configured');
    const b = await jsonBody(c);
    if (!b.ok) return b.res;
    const { catalogue, work } = current();
    const { stack, problems } = stackFrom(catalogue, b.body);
    if (!stack) return invalid(c, problems!);
    const id = mode === 'create' ? slugify(stack.name, 'stack') : c.req.param('id')!;
    const saved = await stacks.saveStack(id, stack, { user: user.name }, mode);
    if (!saved)
      return mode === 'create'
        ? apiError(c, 409, `a stack with the id "${id}" exists: change its name, or PUT /api/stacks/${encodeURIComponent(id)} to save a new revision`, 'name')
        : apiError(c, 404, `no stack "${id}"`, 'id');
    return heavy(c, () => work.analyze(stack), withAnalysis({ id: saved.id, savedAt: saved.savedAt, revision: saved.revision }), mode === 'create' ? 201 : 200);
  };
  app.post('/', limit, save('create'));
  app.put('/:id', limit, save('update'));
  app.get('/', async (c) => c.json(stacks ? await stacks.listStacks() : []));
  app.get('/:id/history', async (c) => {
    const h = stacks ? await stacks.stackHistory(c.req.param('id')) : [];
    if (!h.length) return apiError(c, 404, `no stack "${c.req.param('id')}"`, 'id');
    return c.json(h.map(({ stack: _s, ...rest }) => rest));
  });
  app.get('/:id', async (c) => {
    const saved = stacks ? await stacks.getStack(c.req.param('id')) : undefined;
    if (!saved) return apiError(c, 404, `no stack "${c.req.param('id')}"`, 'id');
    return heavy(c, () => current().work.analyze(saved.stack), withAnalysis(saved));
  });
  return app;
}
