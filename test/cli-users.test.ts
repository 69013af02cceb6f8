import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers/cli.js';
import { packageRoot } from '../src/app/paths.js';
import { createApp } from '../src/server/app.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { bundledCatalogue } from './helpers/bundled.js';

describe('mlnav user and token', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mlnav-users-'));
  const db = join(dir, 'u.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('user add --json prints a working token; list, revoke and remove do what they say; bad input exits 1 or 2', async () => {
    const added = await runCli(['--db', db, 'user', 'add', 'ana', '--role', 'editor', '--json']);
    expect(added.code).toBe(0);
    const { name, role, token } = JSON.parse(added.stdout);
    expect([name, role]).toEqual(['ana', 'editor']);
    expect(token).toMatch(/^mlnav_[0-9a-f]{12}_[A-Za-z0-9_-]{32}$/);
    expect((await runCli(['--db', db, 'user', 'add', 'ana', '--role', 'viewer'])).code).toBe(1);
    expect((await runCli(['--db', db, 'user', 'add', 'bo', '--role', 'owner'])).code).toBe(2);
    expect((await runCli(['--db', db, 'user', 'add', 'Bo Smith', '--role', 'viewer'])).code).toBe(2);
    const list = await runCli(['--db', db, 'user', 'list', '--json']);
    expect(JSON.parse(list.stdout).map((u: { name: string; role: string }) => `${u.name}:${u.role}`)).toEqual(['ana:editor']);

    const store = await SqliteStore.open(db);
    const app = createApp({ catalogue: bundledCatalogue(), info: { sourceHash: 't', loadedAt: '2026-12-01T00:00:00Z', source: 'bundled' }, store });
    const create = () =>
      app.request('/api/radars', { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{"title":"T"}' });
    expect((await create()).status).toBe(201);
    const revoked = await runCli(['--db', db, 'token', 'revoke', token]);
    expect(revoked.code).toBe(0);
    expect((await create()).status).toBe(401);
    expect((await runCli(['--db', db, 'token', 'revoke', token])).code).toBe(1);
    const another = await runCli(['--db', db, 'token', 'add', 'ana', '--json']);
    expect(
      (
        await app.request('/api/radars', {
          method: 'POST',
          headers: { Authorization: `Bearer ${JSON.parse(another.stdout).token}`, 'Content-Type': 'application/json' },
          body: '{"title":"T"}',
        })
      ).status,
    ).toBe(201);
    expect((await runCli(['--db', db, 'user', 'remove', 'ana'])).code).toBe(0);
    expect(
      (
        await app.request('/api/radars', {
          method: 'POST',
          headers: { Authorization: `Bearer ${JSON.parse(another.stdout).token}`, 'Content-Type': 'application/json' },
          body: '{"title":"T"}',
        })
      ).status,
    ).toBe(401);
    expect((await runCli(['--db', db, 'user', 'remove', 'ana'])).code).toBe(1);
    const audit = (await store.audit()).map((e) => `${e.actor.startsWith('cli:') ? 'cli' : e.actor} ${e.action}`);
    expect(audit).toEqual(expect.arrayContaining(['cli user.add', 'cli token.add', 'cli token.revoke', 'cli user.remove', 'ana radar.create']));
    await store.close();
  });

  it('--password-stdin sets a password that signs in to the web app (and a short one is refused)', async () => {
    const run = (input: string, user: string) =>
      execFileSync(
        process.execPath,
        ['--import', 'tsx', join(packageRoot, 'src/cli/run.ts'), '--db', db, 'user', 'add', user, '--role', 'viewer', '--password-stdin'],
        {
          input,
          cwd: packageRoot,
          encoding: 'utf8',
          stdio: ['pipe', 'pipe', 'pipe'],
        },
      );
    expect(() => run('short\n', 'cy')).toThrow(/at least 12 characters/);
    run('a long enough secret\n', 'di');
    const store = await SqliteStore.open(db);
    const app = createApp({ catalogue: bundledCatalogue(), info: { sourceHash: 't', loadedAt: '2026-12-01T00:00:00Z', source: 'bundled' }, store });
    const signIn = (password: string) =>
      app.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'di', password }) });
    expect((await signIn('a long enough secret')).status).toBe(201);
    expect((await signIn('a long enough secre')).status).toBe(401);
    await store.close();
  }, 30_000);
});
