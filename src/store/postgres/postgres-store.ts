import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, sql, type MigrationProvider } from 'kysely';
import { StoreError } from '../errors.js';
import { migrationsFor } from '../sql/migrations.js';
import type { DB } from '../sql/schema.js';
import { SqlStore } from '../sql/sql-store.js';

const provider: MigrationProvider = { getMigrations: async () => migrationsFor('postgres') };

/** A postgres:// URL with its password hidden, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unreadable URL)';
  }
}

export const isPostgresUrl = (s: string) => /^postgres(ql)?:\/\//i.test(s);

/** Schema names we create: plain identifiers, so they never need quoting tricks. */
const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The shared store: several server processes on one PostgreSQL database. Writes are transactions
 * (rows several writers touch are locked first); a change to the catalogue is announced with
 * NOTIFY when it commits, and each process LISTENs so its caches follow at once.
 * `?schema=NAME` in the URL keeps mlnav's tables in their own schema (tests use one each).
 */
export class PostgresStore extends SqlStore {
  private listener?: pg.Client;
  private closed = false;

  private constructor(
    db: Kysely<DB>,
    location: string,
    private readonly connection: pg.ClientConfig,
    private readonly channel: string,
  ) {
    super(db, 'postgres', location);
  }

  protected mapError(e: unknown): StoreError {
    return pgError(this.location, e);
  }

  static async open(url: string, opts: { poolSize?: number } = {}): Promise<PostgresStore> {
    const shown = redactUrl(url);
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      throw new StoreError(`${shown}: not a valid postgres:// URL`, 'other');
    }
    const schema = u.searchParams.get('schema') ?? undefined;
    if (schema !== undefined && !SCHEMA.test(schema))
      throw new StoreError(`${shown}: schema must be a lower-case identifier (letters, digits, _), not "${schema}"`, 'other');
    u.searchParams.delete('schema');
    const connection: pg.ClientConfig = {
      connectionString: u.toString(),
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
      connectionTimeoutMillis: 5_000,
      // A statement that waits on a lock longer than this fails (busy, 503) instead of hanging a request.
      statement_timeout: 15_000,
    };
    const pool = new pg.Pool({ ...connection, max: opts.poolSize ?? 10 });
    // An idle client that loses its connection must not take the process down; the next query reconnects.
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    try {
      if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
      const { error } = await new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) }).migrateToLatest();
      if (error) throw error;
    } catch (e) {
      await db.destroy().catch(() => {});
      throw e instanceof StoreError ? e : pgError(shown, e);
    }
    const store = new PostgresStore(db, shown, connection, `mlnav:${schema ?? 'public'}`);
    return store;
  }

  /** The catalogue channel is listened to on its own connection, opened on the first listener and reopened if it drops. */
  override async onCatalogueChange(listener: (version: number) => void): Promise<() => void> {
    const stop = await super.onCatalogueChange(listener);
    if (!this.listener) await this.listen();
    return stop;
  }

  private async listen(): Promise<void> {
    const client = new pg.Client(this.connection);
    this.listener = client;
    client.on('notification', (n) => {
      if (n.channel === this.channel) this.changed(Number(n.payload));
    });
    client.on('error', () => {
      // Reconnect after a pause; a change missed meanwhile is caught by comparing versions.
      if (this.closed) return;
      this.listener = undefined;
      setTimeout(() => {
        if (!this.closed)
          this.listen()
            .then(async () => this.changed(await this.catalogueVersion()))
            .catch(() => {});
      }, 1_000).unref();
    });
    await client.connect();
    await client.query(`listen "${this.channel}"`);
  }

  protected override notifyChannel(): string {
    return this.channel;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.listener?.end().catch(() => {});
    await this.db.destroy();
  }
}

/** A pg error as a StoreError the user can act on. */
export function pgError(where: string, e: unknown): StoreError {
  const code = (e as { code?: string })?.code ?? '';
  const msg = e instanceof Error ? e.message : String(e);
  if (code === 'ECONNREFUSED' || /ECONNREFUSED|connect ETIMEDOUT|timeout expired/i.test(msg))
    return new StoreError(`cannot reach PostgreSQL at ${where}: is it running and accepting connections? (${msg})`, 'other');
  if (code === '28P01' || code === '28000') return new StoreError(`${where}: PostgreSQL refused the credentials (${msg})`, 'other');
  if (code === '3D000') return new StoreError(`${where}: no such database (${msg}); create it first`, 'other');
  // Serialization failure, deadlock, lock or statement timeout: the write can be tried again.
  if (code === '40001' || code === '40P01' || code === '55P03' || code === '57014')
    return new StoreError(`${where} is busy (${msg}): try again in a moment`, 'busy');
  if (code === '25006') return new StoreError(`${where} is read-only: reads work, but nothing can be written to it`, 'read-only');
  return new StoreError(`${where}: ${msg}`, 'other');
}
