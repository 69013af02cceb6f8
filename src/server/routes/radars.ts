import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { Id, slugify } from '../../core/ids.js';
import { Blip, RadarSchema, type Radar } from '../../core/radar/schema.js';
import { diffEdition, editionState } from '../../core/radar/movement.js';
import { catalogueRadar } from '../../app/catalogue-radar.js';
import { exportBackstage, importBackstage } from '../../formats/radar/backstage.js';
import { exportByorCsv, exportByorJson, importByorCsv, importByorJson } from '../../formats/radar/byor.js';
import { exportZalando, importZalando } from '../../formats/radar/zalando.js';
import { radarToYaml } from '../../formats/radar/radar-file.js';
import { parseYaml, validateYaml } from '../../formats/yaml-source.js';
import type { ImportFrame } from '../../formats/radar/frame.js';
import { formatProblem, type Problem } from '../../core/problems.js';
import { roleRank, type CatalogueStore, type StoredRadar } from '../../store/store.js';
import { requireRole, type AuthEnv } from '../auth.js';
import { apiError } from '../errors.js';
import { invalid, limit, parseBody } from '../body.js';
import type { Current } from '../current.js';

/** The catalogue's own radar (part 3's rings) is listed with the organisation's, read-only, under this id. */
export const CATALOGUE_RADAR = 'catalogue';

const Named = z.object({ id: Id, name: z.string().trim().min(1).max(60) }).strict();
const unique = (xs: Array<{ id: string }>) => new Set(xs.map((x) => x.id)).size === xs.length;
export const CreateRadar = z
  .object({
    title: z.string().trim().min(1).max(120),
    quadrants: z.array(Named).length(4).refine(unique, 'quadrant ids must differ').optional(),
    rings: z.array(Named).min(1).max(8).refine(unique, 'ring ids must differ').optional(),
    /**
     * Start the draft empty (default); with the catalogue's radar (every tool, in the ring its evidence gives);
     * or from evidence: the tools of the organisation's saved stacks, each in the ring the catalogue's evidence
     * and the organisation's own use give, with why; where an owner already decided a ring on a published radar, that ring.
     */
    seed: z.enum(['empty', 'catalogue', 'evidence']).optional(),
  })
  .strict();
export const PutBlip = z
  .object({
    name: z.string().trim().min(1).max(120),
    quadrant: Id,
    ring: Id,
    rationale: z.string().max(20_000).optional(),
    tool: Id.optional(),
    link: z.url({ protocol: /^https?$/ }).optional(),
  })
  .strict();
export const Publish = z.object({ date: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'a date: YYYY-MM or YYYY-MM-DD') }).strict();
export const ImportBody = z
  .object({
    format: z.enum(['ours', 'byor-csv', 'byor-json', 'zalando', 'backstage']),
    content: z.string().min(1).max(200_000),
    date: z.string().max(60).optional(),
  })
  .strict();
const EXPORTS = ['ours', 'byor-csv', 'byor-json', 'zalando', 'backstage'] as const;

/** A stored radar as the core's Radar (its editions, and optionally the draft as a last edition). */
function asRadar(r: Pick<StoredRadar, 'title' | 'rings' | 'quadrants' | 'editions' | 'draft'>, withDraft: boolean): Radar {
  const editions = r.editions.map((e) => ({ date: e.date, blips: e.blips }));
  if (withDraft) editions.push({ date: 'draft', blips: r.draft });
  return { title: r.title, rings: r.rings, quadrants: r.quadrants, editions };
}

/** The organisation's radars: create, edit the draft, publish editions, import and export. */
export function radarRoutes(store: CatalogueStore, current: Current): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  // Built once per catalogue (the catalogue object changes when the catalogue does).
  const builtInCache = new WeakMap<object, StoredRadar>();
  const builtIn = (): StoredRadar => {
    const hit = builtInCache.get(current().catalogue);
    if (hit) return hit;
    const made = buildBuiltIn();
    builtInCache.set(current().catalogue, made);
    return made;
  };
  const buildBuiltIn = (): StoredRadar => {
    const { catalogue, info } = current();
    const r = catalogueRadar(catalogue, info.loadedAt.slice(0, 7) || 'current', 'The catalogue’s radar');
    return {
      id: CATALOGUE_RADAR,
      title: r.title,
      rings: r.rings,
      quadrants: r.quadrants,
      editions: r.editions.map((e) => ({ ...e, publishedAt: info.loadedAt, publishedBy: 'catalogue' })),
      draft: [],
      createdAt: info.loadedAt,
      createdBy: 'catalogue',
    };
  };
  const load = async (id: string) => (id === CATALOGUE_RADAR ? builtIn() : store.getRadar(id));
  const noRadar = (c: Context, id: string) => apiError(c, 404, `no radar "${id}"`, 'id');
  const readOnly = (c: Context) => apiError(c, 409, `the catalogue's radar is read-only: create a radar with "seed": "catalogue" to start from it`, 'id');

  /** The organisation's tools (from its saved stacks), each in the ring the evidence gives; owners' published decisions win. */
  const evidenceDraft = async (): Promise<Blip[]> => {
    const { catalogue, info } = current();
    const teams = new Map<string, number>();
    for (const s of await store.listStacks()) {
      const stack = (await store.getStack(s.id))?.stack;
      for (const team of stack?.teams ?? []) for (const t of new Set(team.tools)) teams.set(t, (teams.get(t) ?? 0) + 1);
    }
    const decided = new Map<string, { radar: string; date: string; ring: string }>();
    const ringIds = new Set(catalogue.tax.taxonomy.rings.map((r) => r.id));
    for (const r of await store.listRadars()) {
      const full = await store.getRadar(r.id);
      const last = full?.editions.at(-1);
      if (!last) continue;
      for (const bl of last.blips) {
        const tool = bl.tool ?? (catalogue.byId.has(bl.id) ? bl.id : undefined);
        const prev = tool ? decided.get(tool) : undefined;
        // Only rings the new radar has (the catalogue's): a team radar with rings of its own decides nothing here.
        if (tool && ringIds.has(bl.ring) && (!prev || prev.date < last.date)) decided.set(tool, { radar: full!.title, date: last.date, ring: bl.ring });
      }
    }
    const all = catalogueRadar(catalogue, info.loadedAt.slice(0, 7) || 'current', undefined, { teams, decided }).editions[0]!.blips;
    return all.filter((bl) => teams.has(bl.id));
  };

  app.get('/', async (c) => {
    const own = await store.listRadars();
    const cat = builtIn();
    return c.json([
      { id: cat.id, title: cat.title, editions: 1, lastPublished: cat.editions[0]!.date, createdAt: cat.createdAt, createdBy: cat.createdBy, builtIn: true },
      ...own,
    ]);
  });

  app.post('/', limit, async (c) => {
    const user = requireRole(c, 'editor');
    if (user instanceof Response) return user;
    const b = await parseBody(c, CreateRadar);
    if (!b.ok) return b.res;
    const tax = current().catalogue.tax.taxonomy;
    const rings = b.value.rings ?? tax.rings.map((r) => ({ id: r.id, name: r.name }));
    const quadrants = b.value.quadrants ?? tax.quadrants.map((q) => ({ id: q.id, name: q.name }));
    let draft: Blip[] = [];
    if (b.value.seed === 'catalogue' || b.value.seed === 'evidence') {
      if (b.value.rings || b.value.quadrants)
        return invalid(c, [
          { field: 'seed', message: `seeding from the ${b.value.seed} keeps the catalogue's rings and quadrants; leave rings and quadrants out` },
        ]);
      draft = b.value.seed === 'catalogue' ? builtIn().editions[0]!.blips : await evidenceDraft();
      if (!draft.length)
        return invalid(c, [{ field: 'seed', message: 'no saved stack names any tool yet: save your stacks first, or seed from the catalogue' }]);
    }
    const id = await store.createRadar({ id: slugify(b.value.title, 'radar'), title: b.value.title, rings, quadrants, draft }, { user: user.name });
    return c.json({ id }, 201);
  });

  app.get('/:id', async (c) => {
    const r = await load(c.req.param('id'));
    if (!r) return noRadar(c, c.req.param('id'));
    const user = c.get('user');
    const editor = !!user && roleRank(user.role) >= roleRank('editor') && r.id !== CATALOGUE_RADAR;
    const radar = asRadar(r, true);
    return c.json({
      id: r.id,
      title: r.title,
      rings: r.rings,
      quadrants: r.quadrants,
      builtIn: r.id === CATALOGUE_RADAR,
      createdAt: r.createdAt,
      createdBy: r.createdBy,
      canEdit: editor,
      editions: r.editions.map((e, i) => ({ date: e.date, publishedAt: e.publishedAt, publishedBy: e.publishedBy, blips: editionState(radar, i) })),
      // The draft is the editors' work in progress: movement is against the last published edition.
      ...(editor ? { draft: { blips: editionState(radar, radar.editions.length - 1) } } : {}),
    });
  });

  /** What entered, moved and left: an edition against the one before it, or the draft against the last edition. */
  app.get('/:id/diff', async (c) => {
    const r = await load(c.req.param('id'));
    if (!r) return noRadar(c, c.req.param('id'));
    const to = c.req.query('to');
    const user = c.get('user');
    const editor = !!user && roleRank(user.role) >= roleRank('editor');
    if (to === 'draft' && !editor) return apiError(c, 403, 'only editors see the draft', 'to');
    const radar = asRadar(r, to === 'draft');
    const index = to === undefined ? radar.editions.length - 1 : radar.editions.findIndex((e) => e.date === to);
    if (index < 0) return apiError(c, 404, `radar "${r.id}" has no edition "${to}"`, 'to');
    return c.json(diffEdition(radar, index));
  });

  app.put('/:id/blips/:blipId', limit, async (c) => {
    const user = requireRole(c, 'editor');
    if (user instanceof Response) return user;
    const { id, blipId } = c.req.param();
    if (id === CATALOGUE_RADAR) return readOnly(c);
    if (!Id.safeParse(blipId).success) return apiError(c, 400, `blip id "${blipId}" must be lower-case kebab-case`, 'blipId');
    const b = await parseBody(c, PutBlip);
    if (!b.ok) return b.res;
    const r = await store.getRadar(id, { editions: false });
    if (!r) return noRadar(c, id);
    const problems = [
      ...(r.rings.some((x) => x.id === b.value.ring)
        ? []
        : [{ field: 'ring', message: `unknown ring "${b.value.ring}" (this radar has ${r.rings.map((x) => x.id).join(', ')})` }]),
      ...(r.quadrants.some((x) => x.id === b.value.quadrant)
        ? []
        : [{ field: 'quadrant', message: `unknown quadrant "${b.value.quadrant}" (this radar has ${r.quadrants.map((x) => x.id).join(', ')})` }]),
      ...(b.value.tool && !current().catalogue.byId.has(b.value.tool) ? [{ field: 'tool', message: `no tool "${b.value.tool}" in the catalogue` }] : []),
    ];
    if (problems.length) return invalid(c, problems);
    const clash = r.draft.find((x) => x.id !== blipId && x.name.toLowerCase() === b.value.name.toLowerCase());
    if (clash) return apiError(c, 409, `blip "${clash.id}" already has the name "${clash.name}"`, 'name');
    const blip: Blip = { id: blipId, ...b.value };
    const res = await store.putBlip(id, blip, { user: user.name });
    if (res === 'no-radar') return noRadar(c, id);
    return c.json({ blip, created: !res.before }, res.before ? 200 : 201);
  });

  app.delete('/:id/blips/:blipId', async (c) => {
    const user = requireRole(c, 'editor');
    if (user instanceof Response) return user;
    const { id, blipId } = c.req.param();
    if (id === CATALOGUE_RADAR) return readOnly(c);
    const res = await store.deleteBlip(id, blipId, { user: user.name });
    if (res === 'no-radar') return noRadar(c, id);
    if (res === 'no-blip') return apiError(c, 404, `radar "${id}" has no blip "${blipId}" in its draft`, 'blipId');
    return c.body(null, 204);
  });

  app.post('/:id/editions', limit, async (c) => {
    const user = requireRole(c, 'editor');
    if (user instanceof Response) return user;
    const id = c.req.param('id');
    if (id === CATALOGUE_RADAR) return readOnly(c);
    const b = await parseBody(c, Publish);
    if (!b.ok) return b.res;
    const res = await store.publish(id, b.value.date, { user: user.name });
    if (res.ok) return c.json({ id, date: b.value.date }, 201);
    if (res.reason === 'no-radar') return noRadar(c, id);
    if (res.reason === 'date-taken') return apiError(c, 409, `radar "${id}" already has an edition dated ${b.value.date}; editions are immutable`, 'date');
    return apiError(c, 409, `the last edition of "${id}" is dated ${res.latest}: a new edition must be dated later`, 'date');
  });

  app.post('/:id/import', limit, async (c) => {
    const user = requireRole(c, 'editor');
    if (user instanceof Response) return user;
    const id = c.req.param('id');
    if (id === CATALOGUE_RADAR) return readOnly(c);
    const b = await parseBody(c, ImportBody);
    if (!b.ok) return b.res;
    const r = await store.getRadar(id);
    if (!r) return noRadar(c, id);
    const cat = current().catalogue;
    const frame: ImportFrame = {
      title: r.title,
      rings: r.rings,
      quadrants: r.quadrants,
      findTool: (name) => cat.byId.get(slugify(name, ''))?.id ?? cat.tools.find((t) => t.name.toLowerCase() === name.toLowerCase())?.id,
    };
    const shown = `content (${b.value.format})`;
    const { format, content } = b.value;
    const date = b.value.date ?? new Date().toISOString().slice(0, 7);
    let result: { radar?: Radar; problems: Problem[] };
    if (format === 'byor-csv') result = importByorCsv(content, frame, shown, date);
    else if (format === 'byor-json') result = importByorJson(content, frame, shown, date);
    else if (format === 'zalando') result = importZalando(content, frame, shown);
    else if (format === 'backstage') result = importBackstage(content, frame, shown);
    else {
      const src = parseYaml(shown, content);
      const v = src.data === undefined ? { problems: src.problems } : validateYaml(src, RadarSchema);
      result = 'value' in v && v.value ? { radar: v.value, problems: [] } : { problems: v.problems };
    }
    const errors = result.problems.filter((p) => p.severity === 'error');
    if (!result.radar || errors.length)
      return c.json(
        { error: { status: 400, message: errors.map(formatProblem)[0] ?? `${shown}: nothing to import`, parameter: 'content' }, problems: result.problems },
        400,
      );
    const last = result.radar.editions[result.radar.editions.length - 1]!;
    const blips = last.blips.filter((x) => r.rings.some((g) => g.id === x.ring) && r.quadrants.some((q) => q.id === x.quadrant));
    if (blips.length !== last.blips.length)
      return invalid(c, [
        { field: 'content', message: `${last.blips.length - blips.length} blip(s) use rings or quadrants this radar does not have; map them first` },
      ]);
    await store.replaceDraft(id, blips, { user: user.name, reason: `import (${format})` });
    return c.json({ id, blips: blips.length, warnings: result.problems.filter((p) => p.severity !== 'error').map(formatProblem) });
  });

  /** Any published edition (the latest by default) in one of the supported formats. */
  app.get('/:id/export', async (c) => {
    const r = await load(c.req.param('id'));
    if (!r) return noRadar(c, c.req.param('id'));
    const format = c.req.query('format') ?? 'ours';
    if (!(EXPORTS as readonly string[]).includes(format)) return apiError(c, 400, `format must be one of ${EXPORTS.join(', ')}`, 'format');
    if (!r.editions.length) return apiError(c, 409, `radar "${r.id}" has no published edition yet`, 'id');
    const radar = asRadar(r, false);
    if (format === 'backstage') return c.json(exportBackstage(radar));
    if (format === 'byor-json') return c.json(JSON.parse(exportByorJson(radar)));
    if (format === 'zalando') return c.json(JSON.parse(exportZalando(radar)));
    if (format === 'byor-csv') {
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="${r.id.replace(/[^a-z0-9-]/g, '_')}.csv"`);
      return c.body(exportByorCsv(radar));
    }
    c.header('Content-Type', 'application/yaml; charset=utf-8');
    return c.body(radarToYaml(radar));
  });
  app.get('/:id/backstage', async (c) => {
    const r = await load(c.req.param('id'));
    if (!r) return noRadar(c, c.req.param('id'));
    if (!r.editions.length) return apiError(c, 409, `radar "${r.id}" has no published edition yet`, 'id');
    return c.json(exportBackstage(asRadar(r, false)));
  });

  return app;
}
