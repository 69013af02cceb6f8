/**
 * Catalogue pipeline throughput on synthetic catalogues: write N tool files, then time
 * validate (read + parse + schema + cross-references), place (compute every position) and
 * load (one transaction into a fresh SQLite file).
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, copyFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalogueFolderParallel, toolToYaml } from '../src/formats/catalogue-folder.js';
import { buildCatalogue } from '../src/core/catalogue/catalogue.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { bundledTaxonomy } from '../src/app/paths.js';
import { syntheticTools } from './synthetic.js';
import { TaxonomySchema } from '../src/core/taxonomy/schema.js';
import { parse } from 'yaml';

export interface CatalogueBenchRow {
  tools: number;
  validateMs: number;
  placeMs: number;
  loadMs: number;
  totalMs: number;
  toolsPerSecond: number;
}

const time = async <T>(fn: () => T | Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const v = await fn();
  return [v, performance.now() - t0];
};

export async function benchCatalogue(sizes: number[]): Promise<CatalogueBenchRow[]> {
  const taxonomy = TaxonomySchema.parse(parse(readFileSync(bundledTaxonomy, 'utf8')));
  const rows: CatalogueBenchRow[] = [];
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), `mlnav-bench-${n}-`));
    try {
      mkdirSync(join(dir, 'tools'));
      copyFileSync(bundledTaxonomy, join(dir, 'taxonomy.yaml'));
      for (const t of syntheticTools(n, taxonomy)) writeFileSync(join(dir, 'tools', `${t.id}.yaml`), toolToYaml(t));

      const [loaded, validateMs] = await time(() => loadCatalogueFolderParallel(dir));
      if (loaded.problems.some((p) => p.severity === 'error') || loaded.tools.length !== n)
        throw new Error(
          `synthetic catalogue of ${n} did not validate: ${loaded.problems
            .slice(0, 3)
            .map((p) => p.message)
            .join('; ')}`,
        );
      const [, placeMs] = await time(() => buildCatalogue(loaded.taxonomy!, loaded.tools));
      const store = await SqliteStore.open(join(dir, 'bench.db'));
      const [, loadMs] = await time(() => store.replaceCatalogue({ taxonomy: loaded.taxonomy!, tools: loaded.tools, source: 'bench', sourceHash: String(n) }));
      await store.close();
      const totalMs = validateMs + placeMs + loadMs;
      rows.push({ tools: n, validateMs, placeMs, loadMs, totalMs, toolsPerSecond: (n / totalMs) * 1000 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}
