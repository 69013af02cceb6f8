/**
 * The API on a synthetic catalogue of N tools (argv[2], default 2500), as `mlnav serve` runs it, serving the web
 * app in argv[3]; argv[4] = "no-opener-policy" leaves out Cross-Origin-Opener-Policy. Prints its port.
 */
import { serve } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { TaxonomySchema } from '../../src/core/taxonomy/schema.js';
import { buildCatalogue } from '../../src/core/catalogue/catalogue.js';
import { createApp } from '../../src/server/app.js';
import { bundledTaxonomy } from '../../src/app/paths.js';
import { syntheticTools } from '../synthetic.js';

const n = Number(process.argv[2] ?? 2500);
const webRoot = process.argv[3];
const taxonomy = TaxonomySchema.parse(parse(readFileSync(bundledTaxonomy, 'utf8')));
const app = createApp({
  catalogue: buildCatalogue(taxonomy, syntheticTools(n, taxonomy)),
  info: { sourceHash: `synthetic-${n}`, loadedAt: '2026-11-27T00:00:00Z', source: 'bench' },
  webRoot,
  openerPolicy: process.argv[4] !== 'no-opener-policy',
});
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (addr) => process.stdout.write(`${addr.port}\n`));
process.on('SIGINT', () => process.exit(0));
