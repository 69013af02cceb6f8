import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type MigrationProvider } from 'kysely';
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { BUSY_TIMEOUT_MS, StoreError, storeError } from '../errors.js';
import type { Taxonomy } from '../../core/taxonomy/schema.js';
import type { Tool } from '../../core/catalogue/tool.js';
import type { StoreInfo } from '../store.js';
import { migrationsFor } from '../sql/migrations.js';
import type { DB } from '../sql/schema.js';
import { SqlStore } from '../sql/sql-store.js';

const writable = (file: string) => {
  try {
    accessSync(file, constants.W_OK);
    accessSync(dirname(file), constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

const provider: MigrationProvider = { getMigrations: async () => migrationsFor('sqlite') };

/** The embedded store: one SQLite file, the default for one machine. */
export class SqliteStore extends SqlStore {
  private constructor(
    db: Kysely<DB>,
    /** The raw connection, for bulk loads where per-row query building would dominate. */
    private readonly sqlite: Database.Database,
    readOnly: boolean,
    file: string,
  ) {
    super(db, 'sqlite', file, readOnly);
  }

  protected mapError(e: unknown): StoreError {
    return storeError(this.location, e);
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

  /** Prepared statements in one synchronous transaction (5x faster than built queries at 100k tools); an error rolls it all back. */
  override async replaceCatalogue(input: { taxonomy: Taxonomy; tools: readonly Tool[]; source: string; sourceHash: string }): Promise<StoreInfo> {
    const version = await this.writing(() => {
      const q = this.sqlite;
      const insertTool = q.prepare('insert into tools (id, name, license, open_source, status, document) values (?, ?, ?, ?, ?, ?)');
      const setMeta = q.prepare('insert into meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value');
      const bump = q.prepare(
        "insert into meta (key, value) values ('catalogue_version', '1') on conflict (key) do update set value = cast(cast(meta.value as integer) + 1 as text) returning value",
      );
      return q.transaction(() => {
        q.prepare('delete from tools').run();
        q.prepare('delete from taxonomy').run();
        q.prepare('insert into taxonomy (id, document) values (1, ?)').run(JSON.stringify(input.taxonomy));
        for (const t of input.tools) insertTool.run(t.id, t.name, t.license, t.openSource ? 1 : 0, t.status.state, JSON.stringify(t));
        setMeta.run('source', input.source);
        setMeta.run('source_hash', input.sourceHash);
        setMeta.run('loaded_at', new Date().toISOString());
        return Number((bump.get() as { value: string }).value);
      })();
    });
    this.changed(version);
    return (await this.info())!;
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
