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
});
