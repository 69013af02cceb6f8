import pg from 'pg';
import { randomBytes } from 'node:crypto';

/** The project's machines (and CI's) run PostgreSQL 15 here; MLNAV_TEST_PG overrides it. */
export const PG_BASE = process.env.MLNAV_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh schema on the test database, so test files can run side by side; drop() removes it. */
export function pgSchema(prefix = 't'): { url: string; schema: string; drop: () => Promise<void> } {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  const sep = PG_BASE.includes('?') ? '&' : '?';
  return {
    url: `${PG_BASE}${sep}schema=${schema}`,
    schema,
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_BASE });
      await c.connect();
      try {
        await c.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await c.end();
      }
    },
  };
}
