/** Writes schema/*.json from the zod schemas. `npm run schemas`; a test fails when they are stale. */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '../src/core/schemas.js';
import { packageRoot } from '../src/app/paths.js';

const dir = join(packageRoot, 'schema');
mkdirSync(dir, { recursive: true });
for (const [file, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(dir, file), JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote schema/${file}`);
}
