import type { CatalogueStore } from './store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import { isPostgresUrl, PostgresStore } from './postgres/postgres-store.js';

/** A postgres:// URL opens the shared PostgreSQL store; anything else is a SQLite file. */
export function openStore(target: string): Promise<CatalogueStore> {
  return isPostgresUrl(target) ? PostgresStore.open(target) : SqliteStore.open(target);
}
