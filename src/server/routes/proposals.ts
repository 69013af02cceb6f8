import { Hono } from 'hono';
import { z } from 'zod';
import { Id } from '../../core/ids.js';
import { ToolSchema, type Tool } from '../../core/catalogue/tool.js';
import { crossCheck } from '../../core/catalogue/cross-check.js';
import type { Catalogue } from '../../core/catalogue/catalogue.js';
import { place } from '../../core/placement/place.js';
import { fieldPath } from '../../core/problems.js';
import { ApplyRefused, roleRank, type CatalogueStore, type Proposal, type ProposalState } from '../../store/store.js';
import { requireRole, type AuthEnv } from '../auth.js';
import { apiError } from '../errors.js';
import { invalid, limit, parseBody, type Problems } from '../body.js';
import type { Current } from '../current.js';

const Reason = z.string().trim().min(3, 'say why (at least a few words)').max(4000);
export const ProposalBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('new-tool'), tool: z.unknown(), reason: Reason }).strict(),
  z.object({ kind: z.literal('change-tool'), tool: Id, changes: z.record(z.string(), z.unknown()), reason: Reason }).strict(),
  z.object({ kind: z.literal('move-blip'), radar: z.string().min(1).max(100), blip: Id, ring: Id, quadrant: Id.optional(), reason: Reason }).strict(),
]);
export const Review = z.object({ decision: z.enum(['approve', 'reject']), comment: z.string().trim().max(4000).default('') }).strict();
export const Vote = z.object({ vote: z.enum(['up', 'down']) }).strict();

/** A tool checked on its own and against the rest of the catalogue: the problems name the request field. */
function checkTool(cat: Catalogue, candidate: unknown, at: string): { tool?: Tool; problems: Problems } {
  const parsed = ToolSchema.safeParse(candidate);
  if (!parsed.success)
    return { problems: parsed.error.issues.map((i) => ({ field: `${at}${i.path.length ? '.' : ''}${fieldPath(i.path)}`, message: i.message })) };
  const others = cat.tools.filter((t) => t.id !== parsed.data.id);
  const problems = crossCheck([...others, parsed.data], cat.tax)
    .filter((p) => p.toolId === parsed.data.id && p.index === others.length && p.severity === 'error')
    .map((p) => ({ field: `${at}.${fieldPath(p.path)}`, message: p.message }));
  return problems.length ? { problems } : { tool: parsed.data, problems: [] };
}

/** What a tool proposal would make of the catalogue: the tool as it would be, with its placement before and after. */
function toolOutcome(cat: Catalogue, p: { kind: string; tool?: unknown; changes?: Record<string, unknown> }): { tool?: Tool; problems: Problems } {
  if (p.kind === 'new-tool') {
    const id = (p.tool as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && cat.byId.has(id))
      return { problems: [{ field: 'tool.id', message: `"${id}" is already in the catalogue: propose a change-tool instead` }] };
    return checkTool(cat, p.tool, 'tool');
  }
  const base = cat.byId.get(p.tool as string);
  if (!base) return { problems: [{ field: 'tool', message: `no tool "${String(p.tool)}" in the catalogue` }] };
  if ('id' in (p.changes ?? {})) return { problems: [{ field: 'changes.id', message: 'a tool keeps its id: propose a new tool instead' }] };
  return checkTool(cat, { ...base, ...p.changes }, 'changes');
}

const where = (cat: Catalogue, tool: Tool) => {
  const pl = place(tool, cat.tax, cat.context);
  return { x: pl.x, y: pl.y, quadrant: pl.quadrant };
};

/**
 * What an open tool proposal would change, against the catalogue as it is now: each field from and to, and
 * the placement before and after (or the problems, when it no longer validates). Reviewers see this.
 */
function withPreview(cat: Catalogue, p: Proposal): Proposal & { preview?: Record<string, unknown> } {
  if (p.state !== 'open' || p.kind === 'move-blip') return p;
  const out = toolOutcome(cat, { kind: p.kind, ...p.payload } as { kind: string; tool?: unknown; changes?: Record<string, unknown> });
  if (!out.tool) return { ...p, preview: { problems: out.problems } };
  const before = p.kind === 'change-tool' ? cat.byId.get(out.tool.id) : undefined;
  const fields = before
    ? Object.keys(p.payload.changes as Record<string, unknown>)
        .filter((k) => JSON.stringify((before as Record<string, unknown>)[k]) !== JSON.stringify((out.tool as Record<string, unknown>)[k]))
        .map((k) => ({ field: k, from: (before as Record<string, unknown>)[k], to: (out.tool as Record<string, unknown>)[k] }))
    : [];
  return { ...p, preview: { fields, placement: { before: before && where(cat, before), after: where(cat, out.tool) } } };
}

/** Proposals: anyone signed in proposes and votes; an editor or admin (not the author, unless an admin) approves or rejects. */
export function proposalRoutes(store: CatalogueStore, current: Current): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.post('/', limit, async (c) => {
    const user = requireRole(c, 'viewer');
    if (user instanceof Response) return user;
    const b = await parseBody(c, ProposalBody);
    if (!b.ok) return b.res;
    const cat = current().catalogue;
    const body = b.value;
    let preview: Record<string, unknown>;
    if (body.kind === 'new-tool' || body.kind === 'change-tool') {
      const out = toolOutcome(cat, body);
      if (!out.tool) return invalid(c, out.problems);
      const before = body.kind === 'change-tool' ? cat.byId.get(body.tool)! : undefined;
      preview = { placement: { before: before && where(cat, before), after: where(cat, out.tool) } };
    } else {
      const r = await store.getRadar(body.radar);
      if (!r) return apiError(c, 404, `no radar "${body.radar}"`, 'radar');
      const blip = r.draft.find((x) => x.id === body.blip);
      if (!blip) return apiError(c, 404, `radar "${body.radar}" has no blip "${body.blip}" in its draft`, 'blip');
      if (!r.rings.some((x) => x.id === body.ring)) return invalid(c, [{ field: 'ring', message: `unknown ring "${body.ring}"` }]);
      if (body.quadrant && !r.quadrants.some((x) => x.id === body.quadrant))
        return invalid(c, [{ field: 'quadrant', message: `unknown quadrant "${body.quadrant}"` }]);
      preview = { from: { ring: blip.ring, quadrant: blip.quadrant } };
    }
    const { kind, reason, ...payload } = body;
    const p = await store.addProposal({ kind, reason, payload }, { user: user.name });
    return c.json({ id: p.id, state: p.state, ...preview }, 201);
  });

  app.get('/', async (c) => {
    const state = c.req.query('state');
    if (state !== undefined && !['open', 'approved', 'rejected'].includes(state)) return apiError(c, 400, 'state must be open, approved or rejected', 'state');
    const cat = current().catalogue;
    return c.json((await store.listProposals(state as ProposalState | undefined)).map((p) => withPreview(cat, p)));
  });

  const idOf = (raw: string) => (/^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : undefined);

  app.get('/:id', async (c) => {
    const id = idOf(c.req.param('id'));
    const p = id === undefined ? undefined : await store.getProposal(id);
    if (!p) return apiError(c, 404, `no proposal "${c.req.param('id')}"`, 'id');
    return c.json(withPreview(current().catalogue, p));
  });

  app.post('/:id/vote', limit, async (c) => {
    const user = requireRole(c, 'viewer');
    if (user instanceof Response) return user;
    const id = idOf(c.req.param('id'));
    if (id === undefined) return apiError(c, 404, `no proposal "${c.req.param('id')}"`, 'id');
    const b = await parseBody(c, Vote);
    if (!b.ok) return b.res;
    const res = await store.vote(id, b.value.vote === 'up' ? 1 : -1, { user: user.name });
    if (res === 'no-proposal') return apiError(c, 404, `no proposal "${id}"`, 'id');
    if (res === 'closed') return apiError(c, 409, `proposal ${id} is already reviewed`, 'id');
    return c.json(res);
  });

  app.post('/:id/review', limit, async (c) => {
    const user = requireRole(c, 'editor');
    if (user instanceof Response) return user;
    const id = idOf(c.req.param('id'));
    if (id === undefined) return apiError(c, 404, `no proposal "${c.req.param('id')}"`, 'id');
    const b = await parseBody(c, Review);
    if (!b.ok) return b.res;
    const existing = await store.getProposal(id);
    if (!existing) return apiError(c, 404, `no proposal "${id}"`, 'id');
    if (existing.author === user.name && roleRank(user.role) < roleRank('admin'))
      return apiError(c, 403, 'an editor cannot review their own proposal: another editor or an admin must');
    if (b.value.decision === 'reject' && !b.value.comment) return invalid(c, [{ field: 'comment', message: 'say why the proposal is rejected' }]);
    const apply = async (p: Proposal, w: Parameters<Parameters<CatalogueStore['review']>[3]>[1]) => {
      // Checked again against the catalogue as it is now: it may have changed since the proposal was made.
      const cat = current().catalogue;
      const actor = { user: user.name, reason: p.reason };
      if (p.kind === 'move-blip') {
        const { radar, blip, ring, quadrant } = p.payload as { radar: string; blip: string; ring: string; quadrant?: string };
        const draft = await w.getRadarDraft(radar);
        const old = draft?.find((x) => x.id === blip);
        if (!old) throw new ApplyRefused(`radar "${radar}" no longer has blip "${blip}" in its draft`);
        await w.putBlip(radar, { ...old, ring, ...(quadrant ? { quadrant } : {}), rationale: old.rationale }, actor);
        return;
      }
      const out = toolOutcome(cat, p.payload as { kind: string; tool?: unknown; changes?: Record<string, unknown> } & { kind: string });
      if (!out.tool) throw new ApplyRefused(`the change no longer validates: ${out.problems.map((x) => `${x.field}: ${x.message}`).join('; ')}`);
      await w.putToolOverride(out.tool, actor);
    };
    try {
      const res = await store.review(id, b.value.decision, b.value.comment, (p, w) => apply({ ...p, payload: { kind: p.kind, ...p.payload } }, w), {
        user: user.name,
      });
      if (res === 'no-proposal') return apiError(c, 404, `no proposal "${id}"`, 'id');
      if (res === 'closed') return apiError(c, 409, `proposal ${id} is already reviewed`, 'id');
      return c.json(res);
    } catch (e) {
      if (e instanceof ApplyRefused) return apiError(c, 409, e.message, 'id');
      throw e;
    }
  });

  return app;
}
