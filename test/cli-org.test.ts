import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers/cli.js';
import { openCatalogue } from '../src/app/open-catalogue.js';

describe('the CLI on the organisation\u2019s radars', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mlnav-cli-org-'));
  const db = join(dir, 'o.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('radar import --into fills a radar’s draft in the database; build --radar exports its published editions only', async () => {
    const opened = await openCatalogue(db);
    const tax = opened.catalogue.tax.taxonomy;
    const id = await opened.store.createRadar(
      {
        id: 'team',
        title: 'Team radar',
        rings: tax.rings.map(({ id, name }) => ({ id, name })),
        quadrants: tax.quadrants.map(({ id, name }) => ({ id, name })),
      },
      { user: 'test' },
    );
    await opened.store.close();
    const csv = join(dir, 'r.csv');
    writeFileSync(
      csv,
      `name,ring,quadrant,isNew,description\nMLflow,${tax.rings[0]!.name},${tax.quadrants[0]!.name},TRUE,ours\nHomegrown,${tax.rings[1]!.name},${tax.quadrants[1]!.name},TRUE,ours\n`,
    );
    expect((await runCli(['--db', db, 'radar', 'import', csv])).code).toBe(2);
    expect((await runCli(['--db', db, 'radar', 'import', csv, '--into', 'nope'])).code).toBe(1);
    const r = await runCli(['--db', db, 'radar', 'import', csv, '--into', id]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/replaced the draft of "team" with 2 blips/);
    const out = join(dir, 'site');
    const early = await runCli(['--db', db, 'build', '--out', out, '--radar', id]);
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/no published edition yet/);
    const again = await openCatalogue(db);
    expect((await again.store.getRadar(id))!.draft.map((b) => b.name).sort()).toEqual(['Homegrown', 'MLflow']);
    expect((await again.store.audit({ target: `radar:${id}` })).map((a) => `${a.actor.startsWith('cli:') ? 'cli' : a.actor} ${a.action}`)).toContain(
      'cli radar.import',
    );
    await again.store.publish(id, '2026-12', { user: 'test' });
    await again.store.close();
    const built = await runCli(['--db', db, 'build', '--out', out, '--radar', id]);
    expect(built.code, built.stderr).toBe(0);
    const radar = JSON.parse(readFileSync(join(out, 'data', 'radar.json'), 'utf8'));
    expect(radar.title).toBe('Team radar');
    expect(radar.editions.map((e: { date: string }) => e.date)).toEqual(['2026-12']);
  });

  it('an export without the built web app is a clear error, not an internal one', async () => {
    const { exportStaticSite, WebAppNotBuilt } = await import('../src/app/static-export.js');
    const opened = await openCatalogue(db);
    await opened.store.close();
    expect(() => exportStaticSite({ webRoot: join(dir, 'no-web-build'), out: join(dir, 'x'), catalogue: opened.catalogue, info: opened.info })).toThrow(
      WebAppNotBuilt,
    );
  });
});
