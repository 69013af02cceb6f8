import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type MigrationProvider } from 'kysely';
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { BUSY_TIMEOUT_MS, StoreError, storeError } from '../errors.js';

const writable = (file: string) => {
  try {
    accessSync(file, constants.W_OK);
    accessSync(dirname(file), constants.W_OK);
    return true;
  } catch {
    return false;
  }
};
import type { Taxonomy } from '../../core/taxonomy/schema.js';
import type { Tool } from '../../core/catalogue/tool.js';
import type { CatalogueStore, StoreInfo, StoredStack } from '../store.js';
import type { Stack } from '../../core/stack/schema.js';
import { migrations } from './migrations.js';

interface DB {
  meta: { key: string; value: string };
  taxonomy: { id: number; document: string };
  tools: { id: string; name: string; license: string; open_source: number; status: string; document: string };
  stacks: { id: string; name: string; document: string; saved_at: string };
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

export class SqliteStore implements CatalogueStore {
  private constructor(
    private readonly db: Kysely<DB>,
    /** The raw connection, for bulk loads where per-row query building would dominate. */
    private readonly sqlite: Database.Database,
    /** Opened read-only (the file is not writable): writes are refused with a StoreError. */
    readonly readOnly = false,
    private readonly file = '',
  ) {}

  /** Runs a write, turning a held lock, a read-only file or damage into a StoreError that names the file. */
  private async writing<T>(fn: () => Promise<T> | T): Promise<T> {
    if (this.readOnly) throw new StoreError(`${this.file} is read-only: reads work, but nothing can be written to it`, 'read-only');
    try {
      return await fn();
    } catch (e) {
      throw e instanceof StoreError ? e : storeError(this.file, e);
    }
  }

  /**
   * Opens (creating the file and its folder if needed) and migrates to the latest schema. A file that
   * is not a database, is damaged, or is a folder gets a StoreError naming it; a file this process may
   * not write is opened read-only (reads work, writes are refused); a lock held by another process is
   * waited for at most `BUSY_TIMEOUT_MS`.
   */
  static async open(file: string): Promise<SqliteStore> {
    let sqlite: Database.Database | undefined;
    try {
      if (file !== ':memory:') {
        if (existsSync(file) && statSync(file).isDirectory()) throw new StoreError(`${file} is a folder, not a database file`, 'not-a-database');
        mkdirSync(dirname(file), { recursive: true });
      }
      const readOnly = file !== ':memory:' && existsSync(file) && !writable(file);
      sqlite = new Database(file, readOnly ? { readonly: true, fileMustExist: true } : {});
      sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      if (!readOnly) {
        sqlite.pragma('journal_mode = WAL');
        // In WAL mode NORMAL cannot corrupt the database; it only risks the last commit on power loss.
        sqlite.pragma('synchronous = NORMAL');
      }
      sqlite.pragma('foreign_keys = ON');
      // Reading the schema is what notices a file that is not a database, or a damaged one.
      sqlite.prepare('select count(*) from sqlite_master').get();
      const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
      if (!readOnly) {
        const { error } = await new Migrator({ db, provider }).migrateToLatest();
        if (error) {
          await db.destroy();
          throw storeError(file, error);
        }
      }
      return new SqliteStore(db, sqlite, readOnly, file);
    } catch (e) {
      try {
        sqlite?.close();
      } catch {
        /* already closed */
      }
      throw e instanceof StoreError ? e : storeError(file, e);
    }
  }

  async replaceCatalogue(input: { taxonomy: Taxonomy; tools: readonly Tool[]; source: string; sourceHash: string }): Promise<StoreInfo> {
    return this.writing(() => this.replace(input));
  }

  private async replace(input: { taxonomy: Taxonomy; tools: readonly Tool[]; source: string; sourceHash: string }): Promise<StoreInfo> {
    const loadedAt = new Date().toISOString();
    const q = this.sqlite;
    // Prepared statements in one synchronous transaction: a thrown error rolls everything back.
    const insertTool = q.prepare('insert into tools (id, name, license, open_source, status, document) values (?, ?, ?, ?, ?, ?)');
    const setMeta = q.prepare('insert into meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value');
    q.transaction(() => {
      q.prepare('delete from tools').run();
      q.prepare('delete from taxonomy').run();
      q.prepare('insert into taxonomy (id, document) values (1, ?)').run(JSON.stringify(input.taxonomy));
      for (const t of input.tools) {
        insertTool.run(t.id, t.name, t.license, t.openSource ? 1 : 0, t.status.state, JSON.stringify(t));
      }
      setMeta.run('source', input.source);
      setMeta.run('source_hash', input.sourceHash);
      setMeta.run('loaded_at', loadedAt);
    })();
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
    const { count } = await this.db
      .selectFrom('tools')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    const migrationNames = Object.keys(migrations).sort();
    return {
      tools: Number(count),
      source: meta.get('source') ?? '',
      sourceHash: meta.get('source_hash') ?? '',
      loadedAt: meta.get('loaded_at') ?? '',
      schemaVersion: migrationNames[migrationNames.length - 1]!,
    };
  }

  async saveStack(id: string, stack: Stack): Promise<StoredStack> {
    const savedAt = new Date().toISOString();
    const row = { id, name: stack.name, document: JSON.stringify(stack), saved_at: savedAt };
    await this.writing(() =>
      this.db
        .insertInto('stacks')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet({ name: row.name, document: row.document, saved_at: row.saved_at }))
        .execute(),
    );
    return { id, name: stack.name, savedAt, stack };
  }

  async getStack(id: string): Promise<StoredStack | undefined> {
    const r = await this.db.selectFrom('stacks').selectAll().where('id', '=', id).executeTakeFirst();
    return r && { id: r.id, name: r.name, savedAt: r.saved_at, stack: JSON.parse(r.document) as Stack };
  }

  async listStacks(): Promise<Array<Omit<StoredStack, 'stack'>>> {
    const rows = await this.db.selectFrom('stacks').select(['id', 'name', 'saved_at']).orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, name: r.name, savedAt: r.saved_at }));
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
