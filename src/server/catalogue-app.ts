import { Hono, type Context } from 'hono';
import { gzipSync } from 'node:zlib';
import { compress } from 'hono/compress';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Catalogue } from '../core/catalogue/catalogue.js';
import { filterTools, summarise } from '../core/catalogue/query.js';
import { facetCounts } from '../core/catalogue/facets.js';
import { toolDetail } from '../core/catalogue/detail.js';
import { ToolSchema } from '../core/catalogue/tool.js';
import { crossCheck } from '../core/catalogue/cross-check.js';
import { fieldPath } from '../core/problems.js';
import { buildToolSearch } from '../core/search/search.js';
import { webCatalogue } from '../app/web-data.js';
import type { StoreInfo } from '../store/store.js';
import { StackSchema, type Stack } from '../core/stack/schema.js';
import { invalid, jsonBody, limit, type Problems } from './body.js';
import { checkStack } from '../core/stack/check.js';
import { inlineWork, WorkDeadline, WorkQueueFull, type HeavyWork } from './work.js';
import { RecommendBody, parseToolsQuery } from './query.js';
import { catalogueRadar } from '../app/catalogue-radar.js';
import type { Radar } from '../core/radar/schema.js';
import { exportBackstage } from '../formats/radar/backstage.js';
import { apiError } from './errors.js';
import { openApiDocument } from './openapi.js';
import { FrozenJson, Lru } from './frozen.js';
import { EMBED_CONTENT_SECURITY_POLICY, securityHeaders } from './security-headers.js';
import { prerenderIndexHtml } from '../app/prerender.js';

export interface CatalogueAppOptions {
  catalogue: Catalogue;
  /** The radar served at /api/radar; default: the catalogue's, from part 3's table. */
  radar?: Radar;
  info: Pick<StoreInfo, 'sourceHash' | 'loadedAt' | 'source' | 'catalogueVersion'>;
  /** The built web app (dist-web/); the API works without it. */
  webRoot?: string;
  /** Send Cross-Origin-Opener-Policy: same-origin (default true; see security-headers.ts). */
  openerPolicy?: boolean;
  /** Where analyses and recommendations run: a worker pool in `mlnav serve`; default inline. */
  work?: HeavyWork;
  /** The catalogue can change while serving (a store with the organisation's layer): no reuse without revalidation. */
  mutable?: boolean;
}

/** Up to this many tools the search index and the radar are built before listening (a few tens of ms); above, on first use. */
export const WARM_AT_START_MAX = 10_000;

/** Adds an analysis (JSON text from a job) to a non-empty object as its last field, without parsing it again. */
export const withAnalysis = (head: object) => (analysis: string) => `${JSON.stringify(head).slice(0, -1)},"analysis":${analysis}}`;

/** A heavy job's JSON text as the response (optionally wrapped); a full queue or a missed deadline is 503 + Retry-After. */
export async function heavy(c: Context, run: () => Promise<string>, wrap = (json: string) => json, status: 200 | 201 = 200): Promise<Response> {
  let json: string;
  try {
    json = wrap(await run());
  } catch (e) {
    if (e instanceof WorkQueueFull) return apiError(c, 503, e.message, undefined, { 'Retry-After': String(e.retryAfterSeconds) });
    if (e instanceof WorkDeadline) return apiError(c, 503, e.message, undefined, { 'Retry-After': '5' });
    throw e;
  }
  c.header('Content-Type', 'application/json');
  return c.body(json, status);
}

/** A stack from a request body, checked against the catalogue; problems name the request field. */
export function stackFrom(cat: Catalogue, body: unknown): { stack?: Stack; problems?: Problems } {
  const parsed = StackSchema.safeParse(body);
  if (!parsed.success) return { problems: parsed.error.issues.map((i) => ({ field: fieldPath(i.path), message: i.message })) };
  const refs = checkStack(cat, parsed.data).map((p) => ({ field: fieldPath(p.path), message: p.message }));
  return refs.length ? { problems: refs } : { stack: parsed.data };
}

/**
 * The HTTP face of one catalogue: its read API, analyses and recommendations, and, when built, the web
 * app. Everything here depends only on the catalogue, so it is rebuilt whole when the catalogue changes
 * (see app.ts). No I/O beyond serving files.
 */
export function createCatalogueApp({
  catalogue: cat,
  info,
  webRoot,
  radar: ownRadar,
  openerPolicy,
  work = inlineWork(cat),
  mutable = false,
}: CatalogueAppOptions): Hono {
  const app = new Hono();
  // The full-text index and the radar are built when first asked for, not before the server listens: at
  // 100,000 tools they took 5 s and 2 s of start-up (BENCHMARKS.md). A small catalogue warms them at once.
  let searchIndex: ReturnType<typeof buildToolSearch> | undefined;
  const search = () => (searchIndex ??= buildToolSearch(cat));
  const web = webCatalogue(cat, info);
  const etag = `"${web.version}"`;
  // Everything that depends only on the catalogue is serialised once; query results are cached by query.
  let radarFrozen: { radar: FrozenJson; backstage: FrozenJson } | undefined;
  const radarJson = () => {
    if (!radarFrozen) {
      const radar = ownRadar ?? catalogueRadar(cat, info.loadedAt.slice(0, 7) || 'current');
      radarFrozen = { radar: new FrozenJson(radar), backstage: new FrozenJson(exportBackstage(radar)) };
    }
    return radarFrozen;
  };
  if (cat.tools.length <= WARM_AT_START_MAX) {
    search();
    radarJson();
  }
  const frozen = {
    taxonomy: new FrozenJson(cat.tax.taxonomy),
    openapi: new FrozenJson(openApiDocument(web.version)),
    catalogue: new FrozenJson(web),
    map: new FrozenJson({ layout: web.map, diagonals: web.diagonals }),
  };
  const listings = new Lru<FrozenJson>(1000);

  app.use('*', securityHeaders({ openerPolicy }));

  // Reads are cacheable: the content changes only when the catalogue does, so the version is the ETag.
  // The headers are set up front on GETs (errors override Cache-Control), so no finished response is rewritten.
  app.use('/api/*', async (c, next) => {
    const cacheable = c.req.method === 'GET' || c.req.method === 'HEAD';
    if (cacheable) {
      c.header('ETag', etag);
      // A catalogue the organisation can change is revalidated on every use (a 304 costs a round trip);
      // a read-only one may be reused for a minute.
      c.header('Cache-Control', mutable ? 'public, no-cache' : 'public, max-age=60, must-revalidate');
    } else c.header('Cache-Control', 'no-store');
    await next();
    // Not modified only for a representation that exists: a 404 or 400 is never answered with 304.
    if (cacheable && c.res.status === 200 && c.req.header('If-None-Match') === etag) {
      const headers = new Headers(c.res.headers);
      headers.delete('Content-Length');
      headers.delete('Content-Type');
      headers.delete('Content-Encoding');
      c.res = new Response(null, { status: 304, headers });
    }
  });

  app.get('/api/health', (c) => c.json({ ok: true, tools: cat.tools.length, version: web.version }));
  app.get('/api/taxonomy', (c) => frozen.taxonomy.send(c));
  app.get('/api/openapi.json', (c) => frozen.openapi.send(c));
  app.get('/api/catalogue', (c) => frozen.catalogue.send(c));
  app.get('/api/map', (c) => frozen.map.send(c));
  // The catalogue's adoption radar (part 3's rings), ours and as Backstage's tech-radar plugin loads it.
  app.get('/api/radar', (c) => radarJson().radar.send(c));
  app.get('/api/radar/backstage', (c) => radarJson().backstage.send(c));

  app.get('/api/tools', (c) => {
    // Keyed by path and the query, sorted: not by host or by parameter order (so the cache stays bounded).
    const key = new URLSearchParams([...new URL(c.req.url).searchParams].sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))).toString();
    const hit = listings.get(key);
    if (hit) return hit.send(c);
    const parsed = parseToolsQuery(c.req.queries(), cat);
    if (!parsed.ok) return apiError(c, 400, parsed.message, parsed.parameter);
    const { q, limit, offset, ...filter } = parsed.value;
    let tools = filterTools(cat, filter);
    if (q !== undefined && q.trim()) {
      const rank = new Map(
        search()
          .search(q)
          .map((id, i) => [id, i]),
      );
      tools = tools.filter((t) => rank.has(t.id)).sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
    }
    const result = new FrozenJson({
      total: tools.length,
      offset,
      limit,
      items: tools.slice(offset, offset + limit).map((t) => summarise(cat, t)),
      facets: facetCounts(cat, tools),
    });
    listings.set(key, result);
    return result.send(c);
  });

  app.get('/api/tools/:id', (c) => {
    const tool = cat.byId.get(c.req.param('id'));
    if (!tool) return apiError(c, 404, `no tool "${c.req.param('id')}"`, 'id');
    return c.json(toolDetail(cat, tool));
  });

  app.post('/api/validate', limit, async (c) => {
    const b = await jsonBody(c);
    if (!b.ok) return b.res;
    const parsed = ToolSchema.safeParse(b.body);
    if (!parsed.success) return c.json({ ok: false, problems: parsed.error.issues.map((i) => ({ field: fieldPath(i.path), message: i.message })) });
    const others = cat.tools.filter((t) => t.id !== parsed.data.id);
    const problems = crossCheck([...others, parsed.data], cat.tax)
      .filter((p) => p.toolId === parsed.data.id && p.index === others.length)
      .map((p) => ({ field: fieldPath(p.path), message: p.message, severity: p.severity }));
    return c.json({ ok: !problems.some((p) => p.severity === 'error'), problems, replaces: cat.byId.has(parsed.data.id) });
  });

  app.post('/api/stacks/analyze', limit, async (c) => {
    const b = await jsonBody(c);
    if (!b.ok) return b.res;
    const { stack, problems } = stackFrom(cat, b.body);
    if (!stack) return invalid(c, problems!);
    return heavy(c, () => work.analyze(stack));
  });

  app.post('/api/recommend', limit, async (c) => {
    const b = await jsonBody(c);
    if (!b.ok) return b.res;
    const parsed = RecommendBody.safeParse(b.body);
    if (!parsed.success)
      return invalid(
        c,
        parsed.error.issues.map((i) => ({ field: fieldPath(i.path), message: i.message })),
      );
    const unknown = [
      ...parsed.data.needs.filter((n) => !cat.tax.capability.has(n) && !cat.tax.stage.has(n)).map((n) => `needs: unknown need "${n}"`),
      ...[...(parsed.data.keep ?? []), ...(parsed.data.exclude ?? []), ...(parsed.data.cloud ? [parsed.data.cloud] : [])]
        .filter((id) => !cat.byId.has(id))
        .map((id) => `unknown tool "${id}"`),
    ];
    if (unknown.length)
      return invalid(
        c,
        unknown.map((m) => ({ field: m.startsWith('needs') ? 'needs' : 'keep/exclude', message: m })),
      );
    const req = parsed.data;
    return heavy(c, () => work.recommend(req));
  });

  app.all('/api/*', (c) => apiError(c, 404, `no such endpoint: ${c.req.method} ${c.req.path}`));

  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    const root = relative(process.cwd(), webRoot) || '.';
    app.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
    // The HTML names the hashed assets, so it must be revalidated; the assets never change.
    app.use('*', async (c, next) => {
      await next();
      if (c.res.status === 200 && !c.req.path.startsWith('/assets/') && (c.res.headers.get('Content-Type') ?? '').startsWith('text/html'))
        c.res.headers.set('Cache-Control', 'no-cache');
    });
    // index.html comes with the map drawn into it (once, at start-up), gzipped once too.
    const index = prerenderIndexHtml(readFileSync(join(webRoot, 'index.html'), 'utf8'), web.map);
    const indexGz = new Uint8Array(gzipSync(index));
    const sendIndex = (c: Context) => {
      c.header('Content-Type', 'text/html; charset=utf-8');
      c.header('Cache-Control', 'no-cache');
      c.header('Vary', 'Accept-Encoding');
      if (!/\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '')) return c.body(index);
      c.header('Content-Encoding', 'gzip');
      return c.body(indexGz as Uint8Array<ArrayBuffer>);
    };
    app.get('/', sendIndex);
    app.get('/index.html', sendIndex);
    // The embeddable view (`/embed#/radars/ID`): the app without its chrome, which any site may frame. It is
    // safe to frame: the session cookie is SameSite=Lax, so a framed page is never signed in and cannot write.
    const plain = readFileSync(join(webRoot, 'index.html'), 'utf8');
    app.get('/embed', (c) => {
      c.header('Content-Security-Policy', EMBED_CONTENT_SECURITY_POLICY);
      c.header('X-Frame-Options', undefined);
      c.header('Cache-Control', 'no-cache');
      return c.html(plain);
    });
    app.use('*', compress());
    app.use('*', serveStatic({ root }));
  }
  app.notFound((c) => (c.req.path.startsWith('/api/') ? apiError(c, 404, 'not found') : c.text('Not found', 404)));
  app.onError((err, c) => {
    console.error(err);
    return apiError(c, 500, 'internal error');
  });
  return app;
}
