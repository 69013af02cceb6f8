import { sql, type Kysely, type Migration } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/**
 * Versioned schema changes, applied in name order, the same for SQLite and PostgreSQL (the schema
 * builder writes each one's SQL; where they differ, the dialect is asked). Never edit a released
 * migration: add one. Tools are stored as documents: filtering and placement happen on the in-memory
 * catalogue, so per-capability link tables would only slow loads down (see BENCHMARKS.md).
 * Timestamps are ISO 8601 text in both, so they compare as strings and read back unchanged.
 */
export function migrationsFor(dialect: Dialect): Record<string, Migration> {
  /** An increasing integer key. */
  const serial = (db: Kysely<unknown>, table: string) =>
    dialect === 'postgres'
      ? db.schema.createTable(table).addColumn('id', 'serial', (c) => c.primaryKey())
      : db.schema.createTable(table).addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  return {
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
    '0003_organisation': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('users')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('viewer', 'editor', 'admin')`))
          .addColumn('password_hash', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('tokens')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('user_name', 'text', (c) => c.notNull().references('users.name').onDelete('cascade'))
          .addColumn('hash', 'text', (c) => c.notNull())
          .addColumn('label', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('revoked_at', 'text')
          .execute();
        await db.schema
          .createTable('sessions')
          .addColumn('hash', 'text', (c) => c.primaryKey())
          .addColumn('user_name', 'text', (c) => c.notNull().references('users.name').onDelete('cascade'))
          .addColumn('csrf', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .execute();
        await serial(db, 'audit')
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('target', 'text', (c) => c.notNull())
          .addColumn('reason', 'text')
          .addColumn('before', 'text')
          .addColumn('after', 'text')
          .execute();
        await db.schema.createIndex('audit_target').on('audit').columns(['target', 'id']).execute();
        await db.schema
          .createTable('radars')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('rings', 'text', (c) => c.notNull())
          .addColumn('quadrants', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('radar_blips')
          .addColumn('radar_id', 'text', (c) => c.notNull().references('radars.id').onDelete('cascade'))
          .addColumn('blip_id', 'text', (c) => c.notNull())
          .addColumn('document', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('radar_blips_pk', ['radar_id', 'blip_id'])
          .execute();
        await db.schema
          .createTable('radar_editions')
          .addColumn('radar_id', 'text', (c) => c.notNull().references('radars.id').onDelete('cascade'))
          .addColumn('date', 'text', (c) => c.notNull())
          .addColumn('published_at', 'text', (c) => c.notNull())
          .addColumn('published_by', 'text', (c) => c.notNull())
          .addColumn('blips', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('radar_editions_pk', ['radar_id', 'date'])
          .execute();
        await serial(db, 'proposals')
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('author', 'text', (c) => c.notNull())
          .addColumn('reason', 'text', (c) => c.notNull())
          .addColumn('payload', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('reviewer', 'text')
          .addColumn('decision', 'text')
          .addColumn('comment', 'text')
          .addColumn('reviewed_at', 'text')
          .execute();
        await db.schema
          .createTable('proposal_votes')
          .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
          .addColumn('user_name', 'text', (c) => c.notNull())
          .addColumn('vote', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('proposal_votes_pk', ['proposal_id', 'user_name'])
          .execute();
        await db.schema
          .createTable('tool_overrides')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('document', 'text', (c) => c.notNull())
          .addColumn('base_hash', 'text')
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('updated_by', 'text', (c) => c.notNull())
          .execute();
        await serial(db, 'stack_revisions')
          .addColumn('stack_id', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('document', 'text', (c) => c.notNull())
          .addColumn('saved_at', 'text', (c) => c.notNull())
          .addColumn('saved_by', 'text')
          .execute();
        await db.schema.createIndex('stack_revisions_stack').on('stack_revisions').columns(['stack_id', 'id']).execute();
      },
    },
  };
}
