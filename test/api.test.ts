import { createToolSearch, toSearchDocument } from '../src/core/search/search.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, MAX_BODY_BYTES } from '../src/server/app.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { newToken } from '../src/app/credentials.js';
import { bundledCatalogue } from './helpers/bundled.js';

const cat = bundledCatalogue();
const app = createApp({ catalogue: cat, info: { sourceHash: 'test', loadedAt: '2026-11-27T00:00:00.000Z', source: 'bundled' } });
const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
const body = async (res: Response) => (await res.json()) as Record<string, any>;

describe('HTTP API', () => {
  it('GET /api/taxonomy returns the framework', async () => {
    const res = await get('/api/taxonomy');
    expect(res.status).toBe(200);
    const t = await body(res);
    expect(t.categories).toHaveLength(13);
    expect(t.stages).toHaveLength(8);
  });

  it('GET /api/tools pages, filters, searches and counts facets', async () => {
    const all = await body(await get('/api/tools?limit=1000'));
    expect(all.total).toBe(cat.tools.length);
    expect(all.items).toHaveLength(cat.tools.length);
    expect(all.facets.quadrant['ml-platforms']).toBeGreaterThan(0);

    const page = await body(await get('/api/tools?limit=10&offset=10'));
    expect(page.items.map((t: { id: string }) => t.id)).toEqual(all.items.slice(10, 20).map((t: { id: string }) => t.id));

    const oss = await body(await get('/api/tools?quadrant=specialized-ml-tools&oss=true&capability=hyperparameter-optimisation'));
    expect(oss.total).toBeGreaterThan(0);
    for (const t of oss.items) expect(t).toMatchObject({ quadrant: 'specialized-ml-tools', openSource: true });
    expect(oss.facets.quadrant).toEqual({ 'specialized-ml-tools': oss.total });

    const search = await body(await get('/api/tools?q=experiment%20tracking'));
    expect(search.items.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining(['mlflow', 'weights-and-biases', 'comet']));
    const byName = await body(await get('/api/tools?q=wandb'));
    expect(byName.items[0].id).toBe('weights-and-biases');
    // Words are prefixes ("ml" finds MLflow); a lone letter after other words waits for a second letter.
    expect((await body(await get('/api/tools?q=ml'))).items.map((t: { id: string }) => t.id)).toContain('mlflow');
    const s = createToolSearch(['Tool 1', 'Tool 12', 'Tool 100'].map((name) => toSearchDocument({ id: name, name, aliases: [], description: '' }, [])));
    expect(s.search('1').sort()).toEqual(['Tool 1', 'Tool 100', 'Tool 12']);
    expect(s.search('tool 1')).toEqual(['Tool 1']);
    expect(s.search('tool 10')).toEqual(['Tool 100']);
    const stage = await body(await get('/api/tools?stage=monitoring&status=active&offering=managed'));
    expect(stage.items.length).toBeGreaterThan(0);
  });

  it('400 names the bad parameter', async () => {
    for (const [query, parameter] of [
      ['limit=0', 'limit'],
      ['limit=1001', 'limit'],
      ['offset=-1', 'offset'],
      ['quadrant=nowhere', 'quadrant'],
      ['capability=telepathy', 'capability'],
      ['stage=nope', 'stage'],
      ['oss=maybe', 'oss'],
      ['colour=red', 'colour'],
      ['q=a&q=b', 'q'],
      [`q=${'x'.repeat(201)}`, 'q'],
    ] as const) {
      const res = await get(`/api/tools?${query}`);
      expect(res.status, query).toBe(400);
      const b = await body(res);
      expect(b.error, query).toMatchObject({ status: 400, parameter });
      expect(b.error.message, query).toContain(parameter);
    }
  });

  it('GET /api/tools/:id gives the tool, its placement explanation and neighbours; 404 otherwise', async () => {
    const res = await get('/api/tools/mlflow');
    expect(res.status).toBe(200);
    const d = await body(res);
    expect(d.tool.id).toBe('mlflow');
    expect(d.placement).toMatchObject({ quadrant: 'ml-platforms', quadrantName: 'Machine Learning Platforms' });
    expect(d.placement.explanation.steps.length).toBeGreaterThan(3);
    expect(d.placement.explanation.summary.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['scope', 'artifact']));
    expect(d.worksWith.length).toBeGreaterThan(0);
    const floyd = await body(await get('/api/tools/floydhub'));
    expect(floyd.retired).toBe(true);
    expect(floyd.replacedBy.length).toBeGreaterThan(0);
    const missing = await get('/api/tools/no-such-tool');
    expect(missing.status).toBe(404);
    expect((await body(missing)).error).toMatchObject({ status: 404, parameter: 'id' });
  });

  it('GET /api/map and /api/catalogue give every tool a position; diagonals are listed', async () => {
    const map = await body(await get('/api/map'));
    expect(map.layout.marks).toHaveLength(cat.tools.length);
    expect(map.diagonals.orchestration).toContain('airflow');
    const web = await body(await get('/api/catalogue'));
    expect(web.tools).toHaveLength(cat.tools.length);
    expect(web.taxonomy.quadrants).toHaveLength(4);
  });

  it("GET /api/radar and /api/radar/backstage serve the default radar, the second in Backstage's loader shape", async () => {
    const radar = await body(await get('/api/radar'));
    expect(radar.editions.at(-1).blips).toHaveLength(cat.tools.length);
    const b = await body(await get('/api/radar/backstage'));
    // the plugin draws its quadrants clockwise from the bottom right: ours (clockwise from the top left) turned by two
    expect(b.quadrants.map((q: { id: string }) => q.id)).toEqual(['specialized-ml-tools', 'standard-swe-tools', 'cloud-platforms', 'ml-platforms']);
    expect(b.rings.map((r: { id: string }) => r.id)).toEqual(['adopt', 'trial', 'assess', 'hold']);
    const mlflow = b.entries.find((e: { id: string }) => e.id === 'mlflow');
    expect(mlflow).toMatchObject({ title: 'MLflow', quadrant: 'ml-platforms', timeline: [expect.objectContaining({ ringId: expect.any(String), moved: 0 })] });
  });

  it('GET /api/openapi.json is an OpenAPI 3.1 document covering every endpoint the server has', async () => {
    const doc = await body(await get('/api/openapi.json'));
    expect(doc.openapi).toBe('3.1.0');
    // Every route the app (with a database) and the catalogue app register, as OpenAPI paths.
    const { createCatalogueApp } = await import('../src/server/catalogue-app.js');
    const store = await SqliteStore.open(':memory:');
    const full = createApp({ catalogue: cat, info: { sourceHash: 't', loadedAt: '2026-11-27T00:00:00Z', source: 'bundled' }, store });
    const routes = [
      ...full.routes,
      ...createCatalogueApp({ catalogue: cat, info: { sourceHash: 't', loadedAt: '2026-11-27T00:00:00Z', source: 'bundled' } }).routes,
    ]
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}').replace(/\/$/, '')}`);
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(new Set(routes).size).toBeGreaterThan(30);
    expect([...new Set(routes)].sort()).toEqual([...new Set(documented)].sort());
    await full.stop?.();
    await store.close();
  });

  it('POST /api/validate checks a tool document; 400 for bad JSON, 413 for oversized bodies, 415 for other types', async () => {
    const post = (b: string, type = 'application/json') => app.request('/api/validate', { method: 'POST', body: b, headers: { 'Content-Type': type } });
    const good = { ...cat.byId.get('optuna')!, id: 'optuna-fork', name: 'Optuna fork' };
    const ok = await body(await post(JSON.stringify(good)));
    expect(ok).toMatchObject({ ok: true, replaces: false });
    const bad = await body(await post(JSON.stringify({ ...good, capabilities: { telepathy: 'partial' } })));
    expect(bad.ok).toBe(false);
    expect(bad.problems).toEqual([expect.objectContaining({ field: 'capabilities.telepathy', message: 'unknown capability "telepathy"' })]);
    const missing = await body(await post(JSON.stringify({ id: 'x' })));
    expect(missing.problems.map((p: { field: string }) => p.field)).toEqual(expect.arrayContaining(['name', 'license']));
    const notJson = await post('{nope');
    expect(notJson.status).toBe(400);
    expect((await body(notJson)).error.parameter).toBe('body');
    const huge = await post(JSON.stringify({ pad: 'x'.repeat(MAX_BODY_BYTES) }));
    expect(huge.status).toBe(413);
    expect((await body(huge)).error.status).toBe(413);
    expect((await post('id: x', 'text/yaml')).status).toBe(415);
  });

  it('sets security and caching headers; answers 304 to a matching If-None-Match', async () => {
    const res = await get('/api/tools?limit=1');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('cache-control')).toContain('max-age=60');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const again = await get('/api/tools?limit=1', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    const open = createApp({ catalogue: cat, info: { sourceHash: 'test', loadedAt: '2026-11-27T00:00:00.000Z', source: 'bundled' }, openerPolicy: false });
    expect((await open.request('/api/health')).headers.get('cross-origin-opener-policy')).toBeNull();
  });

  it('unknown API paths are JSON 404s', async () => {
    const res = await get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect((await body(res)).error.status).toBe(404);
    expect((await app.request('/api/tools', { method: 'DELETE' })).status).toBe(404);
  });
});

describe('stack and recommendation API', () => {
  // A real SQLite store with an editor and a viewer: saving needs the editor's token.
  const dir = mkdtempSync(join(tmpdir(), 'mlnav-api-'));
  let writer: ReturnType<typeof createApp>;
  let editorToken = '';
  let viewerToken = '';
  beforeAll(async () => {
    const store = await SqliteStore.open(join(dir, 'api.db'));
    for (const [name, role] of [
      ['ed', 'editor'],
      ['vi', 'viewer'],
    ] as const) {
      await store.addUser({ name, role }, { user: 'test' });
      const t = newToken();
      await store.addToken({ id: t.id, user: name, hash: t.hash, label: 'test' }, { user: 'test' });
      if (role === 'editor') editorToken = t.token;
      else viewerToken = t.token;
    }
    writer = createApp({ catalogue: cat, info: { sourceHash: 't', loadedAt: '2026-11-27T00:00:00Z', source: 'bundled' }, store });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const post = (a: typeof app, path: string, b: unknown, headers: Record<string, string> = {}) =>
    a.request(path, { method: 'POST', body: JSON.stringify(b), headers: { 'Content-Type': 'application/json', ...headers } });
  const good = {
    name: 'Acme',
    teams: [
      { name: 'R', persona: 'researcher', tools: ['mlflow', 'optuna'] },
      { name: 'P', persona: 'engineer', tools: ['kubernetes'] },
    ],
  };

  it('POST /api/stacks/analyze analyses a stack; an unknown tool or persona is a 400 naming the field', async () => {
    const ok = await post(app, '/api/stacks/analyze', good);
    expect(ok.status).toBe(200);
    const a = await body(ok);
    expect(a.stages).toHaveLength(8);
    expect(a).toHaveProperty('gaps');
    const badTool = await post(app, '/api/stacks/analyze', { ...good, teams: [{ name: 'R', persona: 'researcher', tools: ['nope'] }] });
    expect(badTool.status).toBe(400);
    expect((await body(badTool)).error.parameter).toBe('teams[0].tools[0]');
    const badPersona = await post(app, '/api/stacks/analyze', { ...good, teams: [{ name: 'R', persona: 'wizard', tools: [] }] });
    expect(badPersona.status).toBe(400);
    expect((await body(badPersona)).error.parameter).toBe('teams[0].persona');
  });

  it('POST /api/stacks needs an editor, stores a valid stack, and stores nothing when invalid', async () => {
    expect((await post(writer, '/api/stacks', good)).status).toBe(401);
    expect((await post(writer, '/api/stacks', good, { Authorization: 'Bearer wrong-token!' })).status).toBe(401);
    expect((await post(writer, '/api/stacks', good, { Authorization: `Bearer ${viewerToken}` })).status).toBe(403);
    const bad = await post(
      writer,
      '/api/stacks',
      { ...good, name: 'Bad', teams: [{ name: 'R', persona: 'wizard', tools: [] }] },
      { Authorization: `Bearer ${editorToken}` },
    );
    expect(bad.status).toBe(400);
    expect(await body(await writer.request('/api/stacks'))).toEqual([]);
    const saved = await post(writer, '/api/stacks', good, { Authorization: `Bearer ${editorToken}` });
    expect(saved.status).toBe(201);
    expect((await body(saved)).id).toBe('acme');
    const back = await writer.request('/api/stacks/acme');
    expect(back.status).toBe(200);
    expect(back.headers.get('cache-control')).toBe('no-store');
    expect((await body(back)).analysis.stages).toHaveLength(8);
    expect((await writer.request('/api/stacks/none')).status).toBe(404);
  });

  it('POST /api/recommend answers with a proven-optimal stack, or explains why none exists', async () => {
    const ok = await body(await post(app, '/api/recommend', { needs: ['experiment-tracking', 'model-serving'], openSourceOnly: true }));
    expect(ok).toMatchObject({ feasible: true, optimal: true });
    const none = await body(
      await post(app, '/api/recommend', { needs: ['model-serving'], exclude: cat.tools.filter((t) => t.capabilities['model-serving']).map((t) => t.id) }),
    );
    expect(none.feasible).toBe(false);
    expect(none.blocked[0].blockedBy).toEqual(['exclude']);
    const bad = await post(app, '/api/recommend', { needs: ['telepathy'] });
    expect(bad.status).toBe(400);
    expect((await post(app, '/api/recommend', { needs: [], colour: 'red' })).status).toBe(400);
  });
});
