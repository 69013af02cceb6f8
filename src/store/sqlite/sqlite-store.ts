import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type MigrationProvider } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Taxonomy } from '../../core/taxonomy/schema.js';
import type { Tool } from '../../core/catalogue/tool.js';
import type { CatalogueStore, StoreInfo } from '../store.js';
import { migrations } from './migrations.js';

interface DB {
  meta: { key: string; value: string };
  taxonomy: { id: number; document: string };
  tools: { id: string; name: string; license: string; open_source: number; status: string; document: string };
  tool_capabilities: { tool_id: string; capability_id: string; kind: 'primary' | 'secondary' };
  tool_categories: { tool_id: string; category_id: string };
}

const provider: MigrationProvider = { getMigrations: async () => migrations };
/** SQLite allows 32766 bound parameters per statement; stay well under it. */
const ROWS_PER_INSERT = 400;

export class SqliteStore implements CatalogueStore {
  private constructor(private readonly db: Kysely<DB>) {}

  /** Opens (creating the file and its folder if needed) and migrates to the latest schema. */
  static async open(file: string): Promise<SqliteStore> {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const sqlite = new Database(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
    const { error } = await new Migrator({ db, provider }).migrateToLatest();
    if (error) {
      await db.destroy();
      throw new Error(`could not migrate ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return new SqliteStore(db);
  }

  async replaceCatalogue(input: { taxonomy: Taxonomy; tools: readonly Tool[]; source: string; sourceHash: string }): Promise<StoreInfo> {
    const loadedAt = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('tool_capabilities').execute();
      await trx.deleteFrom('tool_categories').execute();
      await trx.deleteFrom('tools').execute();
      await trx.deleteFrom('taxonomy').execute();
      await trx.insertInto('taxonomy').values({ id: 1, document: JSON.stringify(input.taxonomy) }).execute();
      for (let i = 0; i < input.tools.length; i += ROWS_PER_INSERT) {
        const chunk = input.tools.slice(i, i + ROWS_PER_INSERT);
        await trx
          .insertInto('tools')
          .values(chunk.map((t) => ({
            id: t.id, name: t.name, license: t.license, open_source: t.openSource ? 1 : 0,
            status: t.status.state, document: JSON.stringify(t),
          })))
          .execute();
        const caps = chunk.flatMap((t) => [
          ...t.capabilities.primary.map((c) => ({ tool_id: t.id, capability_id: c, kind: 'primary' as const })),
          ...t.capabilities.secondary.map((c) => ({ tool_id: t.id, capability_id: c, kind: 'secondary' as const })),
        ]);
        for (let j = 0; j < caps.length; j += ROWS_PER_INSERT * 2)
          await trx.insertInto('tool_capabilities').values(caps.slice(j, j + ROWS_PER_INSERT * 2)).execute();
        const cats = chunk.flatMap((t) => t.categories.map((c) => ({ tool_id: t.id, category_id: c })));
        for (let j = 0; j < cats.length; j += ROWS_PER_INSERT * 2)
          await trx.insertInto('tool_categories').values(cats.slice(j, j + ROWS_PER_INSERT * 2)).execute();
      }
      const meta = { source: input.source, source_hash: input.sourceHash, loaded_at: loadedAt };
      for (const [key, value] of Object.entries(meta))
        await trx.insertInto('meta').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    });
    return (await this.info())!;
  }

  async readCatalogue(): Promise<{ taxonomy: Taxonomy; tools: Tool[] } | undefined> {
    const tax = await this.db.selectFrom('taxonomy').select('document').executeTakeFirst();
    if (!tax) return undefined;
    const rows = await this.db.selectFrom('tools').select('document').orderBy('id').execute();
    return { taxonomy: JSON.parse(tax.document) as Taxonomy, tools: rows.map((r) => JSON.parse(r.document) as Tool) };
  }

  async info(): Promise<StoreInfo | undefined> {
    const meta = new Map((await this.db.selectFrom('meta').selectAll().execute()).map((r) => [r.key, r.value]));
    if (!meta.has('loaded_at')) return undefined;
    const { count } = await this.db.selectFrom('tools').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    const migrationNames = Object.keys(migrations).sort();
    return {
      tools: Number(count),
      source: meta.get('source') ?? '',
      sourceHash: meta.get('source_hash') ?? '',
      loadedAt: meta.get('loaded_at') ?? '',
      schemaVersion: migrationNames[migrationNames.length - 1]!,
    };
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
