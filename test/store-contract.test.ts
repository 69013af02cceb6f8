import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { PostgresStore } from '../src/store/postgres/postgres-store.js';
import { ApplyRefused, type CatalogueStore } from '../src/store/store.js';
import { bundledCatalogue } from './helpers/bundled.js';
import { pgSchema } from './helpers/pg.js';
import type { Blip } from '../src/core/radar/schema.js';

/**
 * One suite, two stores: everything the server relies on behaves the same on a SQLite file and on
 * PostgreSQL (a schema of its own on the test database).
 */
const stores: Array<[string, () => Promise<{ store: CatalogueStore; reopen: () => Promise<CatalogueStore>; cleanup: () => Promise<void> }>]> = [
  [
    'sqlite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'mlnav-contract-'));
      const file = join(dir, 'c.db');
      return { store: await SqliteStore.open(file), reopen: () => SqliteStore.open(file), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  ],
  [
    'postgres',
    async () => {
      const s = pgSchema('contract');
      return { store: await PostgresStore.open(s.url), reopen: () => PostgresStore.open(s.url), cleanup: s.drop };
    },
  ],
];

const admin = { user: 'root-admin' };
const rings = [
  { id: 'adopt', name: 'Adopt' },
  { id: 'trial', name: 'Trial' },
  { id: 'hold', name: 'Hold' },
];
const quadrants = ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id.toUpperCase() }));
const blip = (id: string, ring: string, quadrant = 'a'): Blip => ({ id, name: id.toUpperCase(), ring, quadrant });

describe.each(stores)('store contract: %s', (_kind, make) => {
  let store: CatalogueStore;
  let reopen: () => Promise<CatalogueStore>;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, reopen, cleanup } = await make());
  });
  afterAll(async () => {
    await store.close();
    await cleanup();
  });

  it('loads a catalogue in one transaction, reads it back and bumps the version', async () => {
    const { tools } = bundledCatalogue();
    const taxonomy = bundledCatalogue().tax.taxonomy;
    const v0 = await store.catalogueVersion();
    const info = await store.replaceCatalogue({ taxonomy, tools, source: 'bundled', sourceHash: 'h1' });
    expect(info).toMatchObject({ tools: tools.length, source: 'bundled', sourceHash: 'h1', schemaVersion: '0003_organisation' });
    const back = await store.readCatalogue();
    expect(back!.tools.map((t) => t.id)).toEqual([...tools.map((t) => t.id)].sort());
    expect(back!.tools.find((t) => t.id === tools[0]!.id)).toEqual(tools[0]);
    expect(await store.catalogueVersion()).toBe(v0 + 1);
  });

  it('a taxonomy stored by an earlier version (without fields added since) reads back with their defaults', async () => {
    const { tools } = bundledCatalogue();
    const { useCases: _dropped, ...older } = bundledCatalogue().tax.taxonomy;
    await store.replaceCatalogue({ taxonomy: older as never, tools, source: 'bundled', sourceHash: 'h1' });
    const back = await store.readCatalogue();
    expect(back!.taxonomy.useCases).toEqual([]);
    expect(back!.taxonomy.capabilities.length).toBe(older.capabilities.length);
  });

  it('a catalogue load that fails leaves the previous one whole', async () => {
    const { tools } = bundledCatalogue();
    const taxonomy = bundledCatalogue().tax.taxonomy;
    const dup = [...tools, tools[0]!]; // a duplicate id violates the primary key half-way through
    await expect(store.replaceCatalogue({ taxonomy, tools: dup, source: 'x', sourceHash: 'h2' })).rejects.toThrow();
    expect((await store.info())!.sourceHash).toBe('h1');
    expect((await store.readCatalogue())!.tools.length).toBe(tools.length);
  });

  it('users: add, refuse a taken name, find by token, revoke, remove; every write audited', async () => {
    expect(await store.addUser({ name: 'ana', role: 'editor', passwordHash: 'scrypt$x' }, admin)).toMatchObject({ name: 'ana', role: 'editor' });
    expect(await store.addUser({ name: 'ana', role: 'viewer' }, admin)).toBeUndefined();
    expect((await store.getUser('ana'))!.passwordHash).toBe('scrypt$x');
    await store.addToken({ id: 'tok1', user: 'ana', hash: 'h', label: 'cli' }, admin);
    expect((await store.findToken('tok1'))!.user.name).toBe('ana');
    expect(await store.revokeToken('tok1', admin)).toBe(true);
    expect(await store.revokeToken('tok1', admin)).toBe(false);
    expect(await store.findToken('tok1')).toBeUndefined();
    await store.addUser({ name: 'bo', role: 'viewer' }, admin);
    await store.addToken({ id: 'tok2', user: 'bo', hash: 'h', label: 'cli' }, admin);
    expect(await store.removeUser('bo', admin)).toBe(true);
    expect(await store.findToken('tok2')).toBeUndefined();
    expect((await store.listUsers()).map((u) => u.name)).toEqual(['ana']);
    const actions = (await store.audit()).map((a) => `${a.action} ${a.target}`);
    expect(actions).toEqual(expect.arrayContaining(['user.add user:ana', 'token.add token:tok1', 'token.revoke token:tok1', 'user.remove user:bo']));
  });

  it('sessions expire', async () => {
    await store.addSession({ hash: 's1', user: 'ana', csrf: 'c', expiresAt: '2999-01-01T00:00:00.000Z' });
    await store.addSession({ hash: 's0', user: 'ana', csrf: 'c', expiresAt: '2000-01-01T00:00:00.000Z' });
    expect((await store.findSession('s1', new Date().toISOString()))!.user.name).toBe('ana');
    expect(await store.findSession('s0', new Date().toISOString())).toBeUndefined();
    await store.removeSession('s1');
    expect(await store.findSession('s1', new Date().toISOString())).toBeUndefined();
  });

  it('radars: ids never collide, drafts change, editions are immutable and dated in order', async () => {
    const id1 = await store.createRadar({ id: 'platform', title: 'Platform', rings, quadrants }, { user: 'ana' });
    const id2 = await store.createRadar({ id: 'platform', title: 'Platform', rings, quadrants }, { user: 'ana' });
    expect([id1, id2]).toEqual(['platform', 'platform-2']);
    expect(await store.putBlip(id1, blip('mlflow', 'trial'), { user: 'ana' })).toEqual({ before: undefined });
    await store.putBlip(id1, blip('airflow', 'adopt'), { user: 'ana' });
    expect(await store.publish(id1, '2026-06', { user: 'ana' })).toEqual({ ok: true });
    expect(await store.publish(id1, '2026-06', { user: 'ana' })).toMatchObject({ ok: false, reason: 'date-taken' });
    expect(await store.publish(id1, '2026-01', { user: 'ana' })).toMatchObject({ ok: false, reason: 'not-later', latest: '2026-06' });
    expect(await store.putBlip(id1, blip('mlflow', 'adopt'), { user: 'ana' })).toEqual({ before: blip('mlflow', 'trial') });
    expect(await store.deleteBlip(id1, 'airflow', { user: 'ana' })).toBe('deleted');
    expect(await store.deleteBlip(id1, 'airflow', { user: 'ana' })).toBe('no-blip');
    expect(await store.deleteBlip('nope', 'airflow', { user: 'ana' })).toBe('no-radar');
    await store.publish(id1, '2026-12', { user: 'ana' });
    const r = await store.getRadar(id1);
    expect(r!.editions.map((e) => [e.date, e.blips.map((b) => `${b.id}:${b.ring}`)])).toEqual([
      ['2026-06', ['airflow:adopt', 'mlflow:trial']],
      ['2026-12', ['mlflow:adopt']],
    ]);
    expect((await store.listRadars()).find((x) => x.id === id1)).toMatchObject({ editions: 2, lastPublished: '2026-12' });
    expect(await store.putBlip('nope', blip('x', 'adopt'), { user: 'ana' })).toBe('no-radar');
    expect((await store.audit({ target: `radar:${id1}` })).map((a) => a.action)).toEqual([
      'radar.create',
      'radar.blip.put',
      'radar.blip.put',
      'radar.publish',
      'radar.blip.put',
      'radar.blip.delete',
      'radar.publish',
    ]);
  });

  it('proposals: vote, approve applies in the same transaction, a second review is refused, a refused apply changes nothing', async () => {
    const tool = bundledCatalogue().tools[0]!;
    const p = await store.addProposal(
      { kind: 'change-tool', reason: 'licence changed', payload: { tool: tool.id, changes: { license: 'MIT' } } },
      { user: 'ana' },
    );
    expect(p).toMatchObject({ state: 'open', author: 'ana', votes: { up: 0, down: 0 } });
    expect(await store.vote(p.id, 1, { user: 'cy' })).toMatchObject({ votes: { up: 1 } });
    expect(await store.vote(p.id, -1, { user: 'cy' })).toMatchObject({ votes: { up: 0, down: 1 } });
    const v0 = await store.catalogueVersion();
    const changed: number[] = [];
    const stop = await store.onCatalogueChange((v) => changed.push(v));
    const done = await store.review(
      p.id,
      'approve',
      'checked the LICENSE file',
      async (prop, w) => {
        await w.putToolOverride({ ...tool, license: 'MIT' }, { user: 'ed', reason: prop.reason });
      },
      { user: 'ed' },
    );
    expect(done).toMatchObject({ state: 'approved', review: { by: 'ed', decision: 'approve', comment: 'checked the LICENSE file' } });
    expect(await store.review(p.id, 'reject', 'late', async () => {}, { user: 'ed' })).toBe('closed');
    expect(await store.vote(p.id, 1, { user: 'cy' })).toBe('closed');
    expect((await store.toolOverrides()).map((o) => [o.tool.id, o.tool.license, o.updatedBy])).toEqual([[tool.id, 'MIT', 'ed']]);
    expect(await store.catalogueVersion()).toBe(v0 + 1);
    // This process hears its own change at once (other processes: see the two-server test).
    expect(changed).toContain(v0 + 1);
    stop();
    const history = await store.audit({ target: `tool:${tool.id}` });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ actor: 'ed', action: 'tool.change', before: { license: tool.license }, after: { license: 'MIT' } });

    const q = await store.addProposal({ kind: 'change-tool', reason: 'again', payload: { tool: tool.id } }, { user: 'ana' });
    await expect(
      store.review(
        q.id,
        'approve',
        '',
        async (_p, w) => {
          await w.putToolOverride({ ...tool, license: 'GPL-3.0' }, { user: 'ed' });
          throw new ApplyRefused('conflict');
        },
        { user: 'ed' },
      ),
    ).rejects.toThrow(ApplyRefused);
    expect((await store.getProposal(q.id))!.state).toBe('open');
    expect((await store.toolOverrides())[0]!.tool.license).toBe('MIT');
    expect((await store.listProposals('open')).map((x) => x.id)).toEqual([q.id]);
  });

  it('stacks: create refuses a taken id, history keeps every save, Unicode names survive', async () => {
    const stack = { name: 'Équipe données', tools: [{ tool: bundledCatalogue().tools[0]!.id }] } as never;
    expect(await store.saveStack('équipe-données', stack, { user: 'ana' }, 'create')).toMatchObject({ revision: 1 });
    expect(await store.saveStack('équipe-données', stack, { user: 'ana' }, 'create')).toBeUndefined();
    expect(await store.saveStack('équipe-données', stack, { user: 'bo' }, 'update')).toMatchObject({ revision: 2, savedBy: 'bo' });
    expect(await store.saveStack('missing', stack, { user: 'bo' }, 'update')).toBeUndefined();
    expect((await store.stackHistory('équipe-données')).map((h) => [h.revision, h.savedBy])).toEqual([
      [1, 'ana'],
      [2, 'bo'],
    ]);
    expect((await store.getStack('équipe-données'))!.name).toBe('Équipe données');
  });

  it('everything survives closing and opening again', async () => {
    await store.close();
    store = await reopen();
    expect((await store.listUsers()).map((u) => u.name)).toEqual(['ana']);
    expect((await store.getRadar('platform'))!.editions).toHaveLength(2);
    expect((await store.info())!.tools).toBe(bundledCatalogue().tools.length);
  });
});
