import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type ServedApp } from '../src/server/app.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { PostgresStore } from '../src/store/postgres/postgres-store.js';
import type { CatalogueStore } from '../src/store/store.js';
import { hashPassword, newToken } from '../src/app/credentials.js';
import { bundledCatalogue } from './helpers/bundled.js';
import { pgSchema } from './helpers/pg.js';

/**
 * Every endpoint of the organisation's API, for every role, on SQLite and on PostgreSQL: accounts and
 * sessions, radars with editions, proposals with review, the audit log, saved stacks, private mode.
 */
const backends: Array<[string, () => Promise<{ store: CatalogueStore; cleanup: () => Promise<void> }>]> = [
  [
    'sqlite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'mlnav-org-'));
      return { store: await SqliteStore.open(join(dir, 'org.db')), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  ],
  [
    'postgres',
    async () => {
      const s = pgSchema('orgapi');
      return { store: await PostgresStore.open(s.url), cleanup: s.drop };
    },
  ],
];

const cat = bundledCatalogue();
const info = { sourceHash: 't', loadedAt: '2026-12-01T00:00:00Z', source: 'bundled' };
const PASSWORD = 'correct horse battery';

describe.each(backends)('organisation API on %s', (_kind, make) => {
  let store: CatalogueStore;
  let cleanup: () => Promise<void>;
  let app: ServedApp;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    ({ store, cleanup } = await make());
    await store.replaceCatalogue({ taxonomy: cat.tax.taxonomy, tools: cat.tools, source: 'bundled', sourceHash: 't' });
    const hash = await hashPassword(PASSWORD);
    for (const [name, role] of [
      ['vi', 'viewer'],
      ['ed', 'editor'],
      ['ed2', 'editor'],
      ['ad', 'admin'],
    ] as const) {
      await store.addUser({ name, role, passwordHash: hash }, { user: 'test' });
      const t = newToken();
      await store.addToken({ id: t.id, user: name, hash: t.hash, label: 'test' }, { user: 'test' });
      tokens[name] = t.token;
    }
    // As `mlnav serve` does: the info the store gives (so ETags come from the store's own version).
    app = createApp({ catalogue: cat, info: (await store.info())!, store });
  });
  afterAll(async () => {
    await app.stop?.();
    await store.close();
    await cleanup();
  });

  const call = (method: string, path: string, opts: { as?: string; body?: unknown; type?: string; headers?: Record<string, string> } = {}) =>
    app.request(path, {
      method,
      headers: {
        ...(opts.as ? { Authorization: `Bearer ${tokens[opts.as]}` } : {}),
        ...(opts.body !== undefined ? { 'Content-Type': opts.type ?? 'application/json' } : {}),
        ...opts.headers,
      },
      body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
    });
  const json = async (r: Response) => (await r.json()) as any;

  it('sign-in: wrong password 401; right one sets an HttpOnly SameSite=Lax cookie; cookie writes need the CSRF token', async () => {
    expect((await call('POST', '/api/session', { body: { name: 'ed', password: 'wrong password!' } })).status).toBe(401);
    expect((await call('POST', '/api/session', { body: { name: 'nobody', password: PASSWORD } })).status).toBe(401);
    const res = await call('POST', '/api/session', { body: { name: 'ed', password: PASSWORD } });
    expect(res.status).toBe(201);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/mlnav_session=[^;]+; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax/);
    const { csrf, user } = await json(res);
    expect(user).toEqual({ name: 'ed', role: 'editor' });
    const session = cookie.split(';')[0]!;
    expect(await json(await call('GET', '/api/session', { headers: { Cookie: session } }))).toMatchObject({ user: { name: 'ed' }, csrf });
    const create = (headers: Record<string, string>) => call('POST', '/api/radars', { body: { title: 'Via cookie' }, headers });
    expect((await create({ Cookie: session })).status).toBe(403);
    expect((await create({ Cookie: session, 'X-CSRF-Token': 'forged' })).status).toBe(403);
    expect((await create({ Cookie: session, 'X-CSRF-Token': csrf })).status).toBe(201);
    expect((await call('DELETE', '/api/session', { headers: { Cookie: session } })).status).toBe(204);
    expect(await json(await call('GET', '/api/session', { headers: { Cookie: session } }))).toEqual({ user: null, accounts: true });
    expect((await create({ Cookie: session, 'X-CSRF-Token': csrf })).status).toBe(401);
  });

  it('sign-in: after 10 failures for a name, 429 with Retry-After, even with the right password', async () => {
    const limited = createApp({ catalogue: cat, info, store });
    const signIn = (password: string) =>
      limited.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'ed2', password }) });
    for (let i = 0; i < 10; i++) expect((await signIn(`wrong guess ${i}`)).status).toBe(401);
    const blocked = await signIn(PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    await limited.stop?.();
  }, 30_000);

  it('radars: 401 without credentials, 403 for a viewer, 415/413/400 for bad bodies, 201 for an editor; ids never collide', async () => {
    expect((await call('POST', '/api/radars', { body: { title: 'Platform' } })).status).toBe(401);
    expect((await call('POST', '/api/radars', { body: { title: 'Platform' }, as: 'vi' })).status).toBe(403);
    expect((await call('POST', '/api/radars', { body: 'title=x', type: 'text/plain', as: 'ed' })).status).toBe(415);
    expect((await call('POST', '/api/radars', { body: { title: 'x'.repeat(300 * 1024) }, as: 'ed' })).status).toBe(413);
    const bad = await call('POST', '/api/radars', { body: { title: 'X', rings: [] }, as: 'ed' });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.parameter).toBe('rings');
    expect((await call('POST', '/api/radars', { body: { title: 'X', colour: 'red' }, as: 'ed' })).status).toBe(400);
    const rings = [
      { id: 'use', name: 'Use' },
      { id: 'try', name: 'Try' },
      { id: 'stop', name: 'Stop' },
    ];
    const a = await call('POST', '/api/radars', { body: { title: 'Platform', rings }, as: 'ed' });
    expect(a.status).toBe(201);
    expect(await json(a)).toEqual({ id: 'platform' });
    expect(await json(await call('POST', '/api/radars', { body: { title: 'platform' }, as: 'ed' }))).toEqual({ id: 'platform-2' });
    expect(await json(await call('POST', '/api/radars', { body: { title: 'Équipe données' }, as: 'ed' }))).toEqual({ id: 'équipe-données' });
    const list = await json(await call('GET', '/api/radars'));
    expect(list.map((r: any) => r.id)).toEqual(expect.arrayContaining(['catalogue', 'platform', 'platform-2', 'équipe-données']));
    expect((await call('GET', '/api/radars/nope')).status).toBe(404);
  });

  it('blips and editions: draft edits, publish, move, publish again; movement and the diff show the move', async () => {
    const put = (blip: string, b: unknown, as = 'ed') => call('PUT', `/api/radars/platform/blips/${blip}`, { body: b, as });
    expect((await put('mlflow', { name: 'MLflow', quadrant: cat.tax.taxonomy.quadrants[0]!.id, ring: 'use', tool: 'mlflow' }, 'vi')).status).toBe(403);
    const q = cat.tax.taxonomy.quadrants.map((x) => x.id);
    expect((await put('mlflow', { name: 'MLflow', quadrant: q[0], ring: 'use', tool: 'mlflow' })).status).toBe(201);
    expect((await put('airflow', { name: 'Airflow', quadrant: q[1], ring: 'try', rationale: 'Runs our **batch** jobs' })).status).toBe(201);
    expect((await put('feast', { name: 'Feast', quadrant: q[2], ring: 'try' })).status).toBe(201);
    const unknownRing = await put('x', { name: 'X', quadrant: q[0], ring: 'adopt' });
    expect(unknownRing.status).toBe(400);
    expect((await json(unknownRing)).error.parameter).toBe('ring');
    expect((await json(await put('y', { name: 'Y', quadrant: q[0], ring: 'use', tool: 'no-such-tool' }))).error.parameter).toBe('tool');
    expect((await put('mlflow-2', { name: 'mlflow', quadrant: q[0], ring: 'use' })).status).toBe(409);
    expect((await put('Bad_Id', { name: 'Z', quadrant: q[0], ring: 'use' })).status).toBe(400);
    expect((await call('PUT', '/api/radars/nope/blips/a', { body: { name: 'A', quadrant: q[0], ring: 'use' }, as: 'ed' })).status).toBe(404);
    expect((await call('POST', '/api/radars/platform/editions', { body: { date: '2026-06' }, as: 'vi' })).status).toBe(403);
    expect((await call('POST', '/api/radars/platform/editions', { body: { date: 'June' }, as: 'ed' })).status).toBe(400);
    expect((await call('POST', '/api/radars/platform/editions', { body: { date: '2026-06' }, as: 'ed' })).status).toBe(201);
    expect((await call('POST', '/api/radars/platform/editions', { body: { date: '2026-06' }, as: 'ed' })).status).toBe(409);
    expect((await call('POST', '/api/radars/platform/editions', { body: { date: '2026-01' }, as: 'ed' })).status).toBe(409);
    expect((await put('airflow', { name: 'Airflow', quadrant: q[1], ring: 'use', rationale: 'Proven in production' })).status).toBe(200);
    expect((await call('DELETE', '/api/radars/platform/blips/feast', { as: 'ed' })).status).toBe(204);
    expect((await call('DELETE', '/api/radars/platform/blips/feast', { as: 'ed' })).status).toBe(404);
    expect((await call('POST', '/api/radars/platform/editions', { body: { date: '2026-12' }, as: 'ed' })).status).toBe(201);
    const r = await json(await call('GET', '/api/radars/platform', { as: 'ed' }));
    expect(r.editions.map((e: any) => e.date)).toEqual(['2026-06', '2026-12']);
    const last = Object.fromEntries(r.editions[1].blips.map((b: any) => [b.id, b.movement]));
    expect(last).toEqual({ airflow: 'moved-in', mlflow: 'no-change' });
    expect(r.canEdit).toBe(true);
    expect(r.draft.blips).toHaveLength(2);
    const diff = await json(await call('GET', '/api/radars/platform/diff'));
    expect(diff).toMatchObject({ from: '2026-06', to: '2026-12', unchanged: 1 });
    expect(diff.moved.map((m: any) => [m.id, m.fromRing, m.ring, m.rationale])).toEqual([['airflow', 'try', 'use', 'Proven in production']]);
    expect(diff.left.map((m: any) => m.id)).toEqual(['feast']);
    // A viewer (and anyone anonymous) sees the published editions, never the draft.
    const seen = await json(await call('GET', '/api/radars/platform', { as: 'vi' }));
    expect(seen.canEdit).toBe(false);
    expect(seen).not.toHaveProperty('draft');
    expect((await call('GET', '/api/radars/platform/diff?to=draft', { as: 'vi' })).status).toBe(403);
  });

  it('import and export: a BYOR CSV replaces the draft; the latest edition exports as Backstage and CSV; the catalogue radar is read-only', async () => {
    await call('POST', '/api/radars', { body: { title: 'Imported' }, as: 'ed' });
    const ring = cat.tax.taxonomy.rings[0]!;
    const quadrant = cat.tax.taxonomy.quadrants[0]!;
    const csv = `name,ring,quadrant,isNew,description\nMLflow,${ring.name},${quadrant.name},TRUE,ours\nHomegrown thing,${ring.name},${quadrant.name},TRUE,free blip\n`;
    const bad = await call('POST', '/api/radars/imported/import', { body: { format: 'byor-csv', content: 'name,ring\nX,Nowhere\n' }, as: 'ed' });
    expect(bad.status).toBe(400);
    expect((await json(bad)).problems.length).toBeGreaterThan(0);
    const ok = await call('POST', '/api/radars/imported/import', { body: { format: 'byor-csv', content: csv }, as: 'ed' });
    expect(ok.status).toBe(200);
    expect((await json(ok)).blips).toBe(2);
    const draft = (await json(await call('GET', '/api/radars/imported', { as: 'ed' }))).draft.blips;
    expect(draft.find((b: any) => b.name === 'MLflow').tool).toBe('mlflow');
    expect((await call('GET', '/api/radars/imported/backstage')).status).toBe(409);
    await call('POST', '/api/radars/imported/editions', { body: { date: '2026-11-30' }, as: 'ed' });
    const bs = await json(await call('GET', '/api/radars/imported/backstage'));
    expect(bs.entries.map((e: any) => e.title).sort()).toEqual(['Homegrown thing', 'MLflow']);
    const csvOut = await call('GET', '/api/radars/imported/export?format=byor-csv');
    expect(csvOut.headers.get('content-type')).toMatch(/text\/csv/);
    expect(await csvOut.text()).toMatch(/Homegrown thing/);
    expect((await call('GET', '/api/radars/imported/export?format=pdf')).status).toBe(400);
    expect((await call('PUT', '/api/radars/catalogue/blips/mlflow', { body: { name: 'MLflow', quadrant: quadrant.id, ring: ring.id }, as: 'ad' })).status).toBe(
      409,
    );
    expect((await json(await call('GET', '/api/radars/catalogue'))).editions[0].blips.length).toBe(cat.tools.length);
  });

  it('proposals: a viewer proposes with a placement preview; an editor cannot approve their own; approval changes the tool page and its history', async () => {
    const tool = cat.tools.find((t) => t.id === 'mlflow')!;
    expect((await call('POST', '/api/proposals', { body: { kind: 'change-tool', tool: 'mlflow', changes: { license: 'MIT' }, reason: 'x' } })).status).toBe(
      401,
    );
    const bad = await call('POST', '/api/proposals', {
      body: { kind: 'change-tool', tool: 'mlflow', changes: { openSource: 'yes' }, reason: 'it is open' },
      as: 'vi',
    });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.parameter).toBe('changes.openSource');
    expect((await call('POST', '/api/proposals', { body: { kind: 'change-tool', tool: 'nope', changes: {}, reason: 'a reason' }, as: 'vi' })).status).toBe(400);
    const res = await call('POST', '/api/proposals', {
      body: {
        kind: 'change-tool',
        tool: 'mlflow',
        changes: { description: 'Tracks experiments and registers models (changed by us).' },
        reason: 'our wording',
      },
      as: 'vi',
    });
    expect(res.status).toBe(201);
    const p = await json(res);
    expect(p).toMatchObject({ state: 'open', placement: { before: { quadrant: expect.any(String) }, after: { quadrant: expect.any(String) } } });
    const queued = (await json(await call('GET', '/api/proposals?state=open'))).find((x: any) => x.id === p.id);
    expect(queued.preview.fields).toEqual([{ field: 'description', from: tool.description, to: 'Tracks experiments and registers models (changed by us).' }]);
    expect(queued.preview.placement.after.quadrant).toBe(queued.preview.placement.before.quadrant);
    expect((await call('POST', `/api/proposals/${p.id}/vote`, { body: { vote: 'up' }, as: 'ed2' })).status).toBe(200);
    expect((await call('POST', `/api/proposals/${p.id}/review`, { body: { decision: 'approve' }, as: 'vi' })).status).toBe(403);
    expect((await call('POST', `/api/proposals/${p.id}/review`, { body: { decision: 'reject' }, as: 'ed' })).status).toBe(400);
    const own = await json(
      await call('POST', '/api/proposals', { body: { kind: 'change-tool', tool: 'mlflow', changes: {}, reason: 'my own idea' }, as: 'ed' }),
    );
    expect((await call('POST', `/api/proposals/${own.id}/review`, { body: { decision: 'approve' }, as: 'ed' })).status).toBe(403);
    const page = await call('GET', '/api/tools/mlflow');
    const etag = page.headers.get('etag')!;
    expect(page.headers.get('cache-control')).toBe('public, no-cache');
    expect((await call('GET', '/api/tools/mlflow', { headers: { 'If-None-Match': etag } })).status).toBe(304);
    const approved = await call('POST', `/api/proposals/${p.id}/review`, { body: { decision: 'approve', comment: 'reads better' }, as: 'ed' });
    expect(approved.status).toBe(200);
    expect(await json(approved)).toMatchObject({ state: 'approved', review: { by: 'ed', comment: 'reads better' }, votes: { up: 1 } });
    expect((await call('POST', `/api/proposals/${p.id}/review`, { body: { decision: 'approve' }, as: 'ed' })).status).toBe(409);
    expect((await call('POST', `/api/proposals/${p.id}/vote`, { body: { vote: 'up' }, as: 'ed2' })).status).toBe(409);
    // The catalogue is rebuilt on the change: the tool page says what was approved.
    await vi.waitFor(async () => expect((await json(await call('GET', '/api/tools/mlflow'))).tool.description).toMatch(/changed by us/), {
      timeout: 5000,
      interval: 25,
    });
    // A browser revalidating its copy gets the new one, not a 304: the ETag follows the organisation's changes.
    const after = await call('GET', '/api/tools/mlflow', { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const history = await json(await call('GET', '/api/tools/mlflow/history'));
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ actor: 'ed', action: 'tool.change', reason: 'our wording', before: { description: tool.description } });
    expect((await json(await call('GET', '/api/proposals?state=open'))).map((x: any) => x.id)).toEqual([own.id]);
    expect((await call('GET', '/api/proposals?state=maybe')).status).toBe(400);

    // A new release of the base catalogue merges under the organisation's change: the change stays, the conflict is listed.
    expect((await call('GET', '/api/overlay', { as: 'vi' })).status).toBe(403);
    expect((await json(await call('GET', '/api/overlay', { as: 'ed' }))).conflicts).toEqual([]);
    const newBase = cat.tools.map((t) => (t.id === 'mlflow' ? { ...t, description: `${t.description} Upstream wording, new release.` } : t));
    await store.replaceCatalogue({ taxonomy: cat.tax.taxonomy, tools: newBase, source: 'bundled', sourceHash: 't2' });
    await app.reload?.();
    await vi.waitFor(async () => expect((await json(await call('GET', '/api/overlay', { as: 'ed' }))).conflicts.map((x: any) => x.tool)).toEqual(['mlflow']), {
      timeout: 5000,
      interval: 25,
    });
    expect((await json(await call('GET', '/api/tools/mlflow'))).tool.description).toMatch(/changed by us/);
    expect((await call('GET', '/api/proposals/999999')).status).toBe(404);
  });

  it('a new-tool proposal adds a tool; a move-blip proposal moves a blip in the draft', async () => {
    const base = cat.tools.find((t) => t.id === 'optuna')!;
    const fresh = { ...base, id: 'our-tuner', name: 'Our Tuner', aliases: [], repository: undefined, website: undefined };
    const p = await json(
      await call('POST', '/api/proposals', { body: { kind: 'new-tool', tool: JSON.parse(JSON.stringify(fresh)), reason: 'we built it' }, as: 'vi' }),
    );
    expect(p.state).toBe('open');
    expect((await call('POST', `/api/proposals/${p.id}/review`, { body: { decision: 'approve', comment: 'ok' }, as: 'ad' })).status).toBe(200);
    await vi.waitFor(async () => expect((await call('GET', '/api/tools/our-tuner')).status).toBe(200), { timeout: 5000, interval: 25 });
    const m = await json(
      await call('POST', '/api/proposals', {
        body: { kind: 'move-blip', radar: 'platform', blip: 'mlflow', ring: 'stop', reason: 'we are leaving it' },
        as: 'vi',
      }),
    );
    expect(m.from).toEqual({ ring: 'use', quadrant: expect.any(String) });
    expect(
      (await call('POST', '/api/proposals', { body: { kind: 'move-blip', radar: 'platform', blip: 'nope', ring: 'stop', reason: 'no blip' }, as: 'vi' }))
        .status,
    ).toBe(404);
    expect((await call('POST', `/api/proposals/${m.id}/review`, { body: { decision: 'approve', comment: 'agreed' }, as: 'ed2' })).status).toBe(200);
    const draft = (await json(await call('GET', '/api/radars/platform', { as: 'ed' }))).draft.blips;
    expect(draft.find((b: any) => b.id === 'mlflow')).toMatchObject({ ring: 'stop', movement: 'moved-out' });
  });

  it('audit: admins only; every write is there with who and why', async () => {
    expect((await call('GET', '/api/audit')).status).toBe(401);
    expect((await call('GET', '/api/audit', { as: 'ed' })).status).toBe(403);
    expect((await call('GET', '/api/audit?limit=0', { as: 'ad' })).status).toBe(400);
    const log = await json(await call('GET', '/api/audit', { as: 'ad' }));
    const actions = new Set(log.map((e: any) => e.action));
    for (const a of [
      'radar.create',
      'radar.blip.put',
      'radar.blip.delete',
      'radar.publish',
      'radar.import',
      'proposal.add',
      'proposal.vote',
      'proposal.approve',
      'tool.change',
      'tool.add',
    ])
      expect(actions).toContain(a);
    expect(log.every((e: any) => e.actor && e.at)).toBe(true);
    const mine = await json(await call('GET', '/api/audit?target=radar:platform', { as: 'ad' }));
    expect(mine.length).toBeGreaterThan(5);
  });

  it('stacks: editors save; a taken id is 409 (names differing in case collide); Unicode names kept; PUT keeps history', async () => {
    const stack = { name: 'Données ML', teams: [{ name: 'R', persona: cat.tax.taxonomy.personas[0]!.id, tools: ['mlflow'] }] };
    const first = await call('POST', '/api/stacks', { body: stack, as: 'ed' });
    expect(first.status).toBe(201);
    expect((await json(first)).id).toBe('données-ml');
    expect((await call('POST', '/api/stacks', { body: { ...stack, name: 'DONNÉES ML' }, as: 'ed' })).status).toBe(409);
    expect((await call('POST', '/api/stacks', { body: stack, as: 'vi' })).status).toBe(403);
    expect((await call('PUT', `/api/stacks/${encodeURIComponent('données-ml')}`, { body: stack, as: 'ed2' })).status).toBe(200);
    expect((await call('PUT', '/api/stacks/none', { body: stack, as: 'ed2' })).status).toBe(404);
    const h = await json(await call('GET', `/api/stacks/${encodeURIComponent('données-ml')}/history`));
    expect(h.map((x: any) => [x.revision, x.savedBy])).toEqual([
      [1, 'ed'],
      [2, 'ed2'],
    ]);
  });

  it("a radar seeded from evidence: the organisation's tools, rings with reasons, its own published decisions winning", async () => {
    const persona = cat.tax.taxonomy.personas[0]!.id;
    const rings = cat.tax.taxonomy.rings.map((r) => r.id);
    expect((await call('POST', '/api/radars', { body: { title: 'Too early', seed: 'evidence' }, as: 'ed' })).status).toBe(201); // stacks exist from the test above
    const stack = {
      name: 'Two teams',
      teams: [
        { name: 'A', persona, tools: ['ray', 'mlflow'] },
        { name: 'B', persona, tools: ['ray'] },
      ],
    };
    expect((await call('POST', '/api/stacks', { body: stack, as: 'ed' })).status).toBe(201);
    // An owner's decision on a published radar with the catalogue's rings.
    await call('POST', '/api/radars', { body: { title: 'Decisions' }, as: 'ed' });
    const q = cat.tax.taxonomy.quadrants[0]!.id;
    await call('PUT', '/api/radars/decisions/blips/mlflow', { body: { name: 'MLflow', quadrant: q, ring: rings.at(-1), tool: 'mlflow' }, as: 'ed' });
    await call('POST', '/api/radars/decisions/editions', { body: { date: '2026-12-15' }, as: 'ed' });
    const made = await json(await call('POST', '/api/radars', { body: { title: 'From evidence', seed: 'evidence' }, as: 'ed' }));
    const draft = (await json(await call('GET', `/api/radars/${made.id}`, { as: 'ed' }))).draft.blips;
    const by = Object.fromEntries(draft.map((b: any) => [b.id, b]));
    expect(Object.keys(by).sort()).toEqual(['mlflow', 'ray']);
    expect(by.ray.rationale).toMatch(/2 of your teams already use it/);
    expect(by.mlflow.ring).toBe(rings.at(-1));
    expect(by.mlflow.rationale).toMatch(/Your decision on the radar "Decisions" \(2026-12-15\)/);
    expect((await call('POST', '/api/radars', { body: { title: 'X', seed: 'evidence', rings: [{ id: 'a', name: 'A' }] }, as: 'ed' })).status).toBe(400);
  });

  it('every write: 401 without credentials, 403 below its role, never applied', async () => {
    const stack = { name: 'Roles', teams: [{ name: 'R', persona: cat.tax.taxonomy.personas[0]!.id, tools: ['mlflow'] }] };
    const q = cat.tax.taxonomy.quadrants[0]!.id;
    const r = cat.tax.taxonomy.rings[0]!.id;
    const open = (await json(await call('GET', '/api/proposals?state=open')))[0]?.id ?? 1;
    const writes: Array<[string, string, unknown, 'viewer' | 'editor' | 'admin']> = [
      ['POST', '/api/radars', { title: 'Role check' }, 'editor'],
      ['PUT', '/api/radars/platform/blips/role-check', { name: 'Role check', quadrant: q, ring: 'use' }, 'editor'],
      ['DELETE', '/api/radars/platform/blips/mlflow', undefined, 'editor'],
      ['POST', '/api/radars/platform/editions', { date: '2099-01' }, 'editor'],
      ['POST', '/api/radars/platform/import', { format: 'byor-csv', content: `name,ring,quadrant,isNew,description\nX,Use,${q},TRUE,x\n` }, 'editor'],
      ['POST', '/api/stacks', stack, 'editor'],
      ['PUT', `/api/stacks/${encodeURIComponent('données-ml')}`, stack, 'editor'],
      ['POST', '/api/proposals', { kind: 'move-blip', radar: 'platform', blip: 'mlflow', ring: r, reason: 'role check' }, 'viewer'],
      ['POST', `/api/proposals/${open}/vote`, { vote: 'up' }, 'viewer'],
      ['POST', `/api/proposals/${open}/review`, { decision: 'reject', comment: 'role check' }, 'editor'],
    ];
    const before = (await store.audit({ limit: 100_000 })).length;
    for (const [method, path, body, role] of writes) {
      expect((await call(method, path, { body })).status, `${method} ${path} anonymous`).toBe(401);
      expect(
        (await call(method, path, { body, headers: { Authorization: 'Bearer mlnav_000000000000_' + 'x'.repeat(32) } })).status,
        `${method} ${path} bad token`,
      ).toBe(401);
      if (role !== 'viewer') expect((await call(method, path, { body, as: 'vi' })).status, `${method} ${path} as viewer`).toBe(403);
    }
    // Reads that need a role.
    for (const [path, role] of [
      ['/api/audit', 'admin'],
      ['/api/overlay', 'editor'],
    ] as const) {
      expect((await call('GET', path)).status).toBe(401);
      expect((await call('GET', path, { as: role === 'admin' ? 'ed' : 'vi' })).status).toBe(403);
    }
    expect((await store.audit({ limit: 100_000 })).length).toBe(before);
    // 404s of the organisation's reads.
    for (const path of [
      '/api/radars/nope/diff',
      '/api/radars/nope/export',
      '/api/radars/nope/backstage',
      '/api/stacks/nope/history',
      '/api/tools/nope/history',
      '/api/proposals/abc',
    ])
      expect((await call('GET', path)).status, path).toBe(404);
  });

  it('private mode: reads need a user too; health and sign-in stay open', async () => {
    const priv = createApp({ catalogue: cat, info, store, private: true });
    expect((await priv.request('/api/tools?limit=1')).status).toBe(401);
    expect((await priv.request('/api/radars')).status).toBe(401);
    expect((await priv.request('/api/health')).status).toBe(200);
    expect((await priv.request('/api/tools?limit=1', { headers: { Authorization: `Bearer ${tokens.vi}` } })).status).toBe(200);
    expect((await priv.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(400);
    await priv.stop?.();
  });
});
