import { sql, type Kysely, type Migration } from 'kysely';

/** Versioned schema changes, applied in name order. Never edit a released migration: add one. */
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
      await db.schema
        .createTable('tool_capabilities')
        .addColumn('tool_id', 'text', (c) => c.notNull().references('tools.id').onDelete('cascade'))
        .addColumn('capability_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('primary', 'secondary')`))
        .addPrimaryKeyConstraint('tool_capabilities_pk', ['tool_id', 'capability_id'])
        .execute();
      await db.schema
        .createTable('tool_categories')
        .addColumn('tool_id', 'text', (c) => c.notNull().references('tools.id').onDelete('cascade'))
        .addColumn('category_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('tool_categories_pk', ['tool_id', 'category_id'])
        .execute();
      await db.schema.createIndex('tool_capabilities_by_capability').on('tool_capabilities').column('capability_id').execute();
      await db.schema.createIndex('tool_categories_by_category').on('tool_categories').column('category_id').execute();
    },
  },
};
