import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { openCatalogue } from '../src/app/open-catalogue.js';
import { bundledCatalogue } from './helpers/bundled.js';

describe('SQLite store on a real file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mlnav-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates, migrates and seeds itself with the bundled catalogue on first open', async () => {
    const file = join(dir, 'nested', 'mlnav.db');
    const opened = await openCatalogue(file);
    await opened.store.close();
    expect(existsSync(file)).toBe(true);
    expect(opened.info).toMatchObject({ source: 'bundled', tools: bundledCatalogue().tools.length, schemaVersion: '0003_organisation' });
    const raw = new Database(file, { readonly: true });
    const migrations = raw.prepare('select name from kysely_migration order by name').all();
    const rows = raw.prepare('select count(*) as n from tools').get() as { n: number };
    raw.close();
    expect(migrations).toEqual([{ name: '0001_catalogue' }, { name: '0002_stacks' }, { name: '0003_organisation' }]);
    expect(rows.n).toBe(bundledCatalogue().tools.length);
  });

  it('reads back exactly what it stored', async () => {
    const cat = bundledCatalogue();
    const store = await SqliteStore.open(join(dir, 'a.db'));
    await store.replaceCatalogue({ taxonomy: cat.tax.taxonomy, tools: cat.tools, source: 'test', sourceHash: 'h' });
    const back = await store.readCatalogue();
    await store.close();
    expect(back!.taxonomy).toEqual(cat.tax.taxonomy);
    expect(back!.tools).toEqual(cat.tools);
  });

  it('a load that fails half-way leaves the previous catalogue intact', async () => {
    const cat = bundledCatalogue();
    const store = await SqliteStore.open(join(dir, 'b.db'));
    await store.replaceCatalogue({ taxonomy: cat.tax.taxonomy, tools: cat.tools.slice(0, 10), source: 'first', sourceHash: '1' });
    // Two tools with one id violate the primary key after the first chunk has been written.
    const bad = [...cat.tools, { ...cat.tools[0]! }];
    await expect(store.replaceCatalogue({ taxonomy: cat.tax.taxonomy, tools: bad, source: 'second', sourceHash: '2' })).rejects.toThrow(/UNIQUE/);
    const info = await store.info();
    const back = await store.readCatalogue();
    await store.close();
    expect(info).toMatchObject({ source: 'first', tools: 10 });
    expect(back!.tools.map((t) => t.id)).toEqual(cat.tools.slice(0, 10).map((t) => t.id));
  });

  it('reopening an existing database keeps what was imported into it', async () => {
    const cat = bundledCatalogue();
    const file = join(dir, 'c.db');
    const store = await SqliteStore.open(file);
    await store.replaceCatalogue({ taxonomy: cat.tax.taxonomy, tools: cat.tools.slice(0, 3), source: '/some/folder', sourceHash: 'x' });
    await store.close();
    const opened = await openCatalogue(file);
    await opened.store.close();
    expect(opened.catalogue.tools).toHaveLength(3);
    expect(opened.info.source).toBe('/some/folder');
  });

  it("an upgrade of the bundled catalogue replaces the base only: the organisation's approved changes stay on top, conflicts are named", async () => {
    const file = join(dir, 'up.db');
    const first = await openCatalogue(file);
    const mlflow = first.catalogue.byId.get('mlflow')!;
    await first.store.close();
    // As if the stored base were last release's: its mlflow differs from the bundled one, and its hash is old.
    const raw = new Database(file);
    raw.prepare("update meta set value = 'old' where key = 'source_hash'").run();
    raw
      .prepare("update tools set document = json_set(document, '$.description', 'An older upstream description of MLflow, long enough.') where id = 'mlflow'")
      .run();
    raw.close();
    // The organisation changes mlflow on that base.
    const store = await SqliteStore.open(file);
    await store.addProposal({ kind: 'change-tool', reason: 'ours', payload: {} }, { user: 'ana' });
    await store.review(1, 'approve', 'ok', async (_p, w) => w.putToolOverride({ ...mlflow, description: `${mlflow.description} Our note.` }, { user: 'ed' }), {
      user: 'ed',
    });
    await store.close();
    // The upgrade: the next open finds the bundled data changed and reloads the base.
    const second = await openCatalogue(file);
    await second.store.close();
    expect(second.info.sourceHash).not.toBe('old');
    expect(second.catalogue.byId.get('mlflow')!.description).toMatch(/Our note\.$/);
    // The base mlflow is back to the bundled one, which differs from the one the change was made on.
    expect(second.conflicts.map((c) => c.tool)).toEqual(['mlflow']);
    expect(second.warnings.join(' ')).toMatch(/changed in the base catalogue since your organisation changed them \(mlflow\)/);
  });
});
