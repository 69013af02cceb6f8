import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Versioned schema changes, applied in name order. Never edit a released migration: add one.
 * Tools are stored as documents: filtering and placement happen on the in-memory catalogue, so
 * per-capability link tables would only slow loads down (see BENCHMARKS.md).
 */
export const migrations: Record<string, Migration> = {
  '0001_catalogue': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('meta')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('taxonomy')
        .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
        .addColumn('document', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('tools')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('license', 'text', (c) => c.notNull())
        .addColumn('open_source', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0002_stacks': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('stacks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('saved_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
