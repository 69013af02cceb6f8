import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '../src/core/schemas.js';
import { packageRoot } from '../src/app/paths.js';

describe('JSON Schemas in schema/', () => {
  it('are exactly what the zod schemas generate (run `npm run schemas` after changing them)', () => {
    for (const [file, schema] of Object.entries(jsonSchemas())) {
      const shipped = JSON.parse(readFileSync(join(packageRoot, 'schema', file), 'utf8'));
      expect(shipped, file).toEqual(JSON.parse(JSON.stringify(schema)));
    }
  });
});
