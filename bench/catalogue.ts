/**
 * Catalogue pipeline throughput on synthetic catalogues: write N tool files, then time
 * validate (read + parse + schema + cross-references), place (compute every position) and
 * load (one transaction into a fresh SQLite file).
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, copyFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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
  /** `mlnav serve` on the loaded database: from spawn to listening (catalogue read, placed, indexed, workers ready). */
  serveReadyMs: number;
}

/** Spawns `mlnav serve --db FILE` and times it to the line it prints once listening; checks health answers. */
async function timeServe(db: string): Promise<number> {
  const bin = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'bin', 'mlnav');
  const t0 = performance.now();
  const child = spawn(process.execPath, [bin, '--db', db, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d;
        const m = /on (http:\/\/\S+\/) /.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`mlnav serve exited with ${code}`)));
    });
    const ready = performance.now() - t0;
    const health = await fetch(url + 'api/health');
    if (health.status !== 200) throw new Error(`health answered ${health.status}`);
    return ready;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
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
      const serveReadyMs = await timeServe(join(dir, 'bench.db'));
      rows.push({ tools: n, validateMs, placeMs, loadMs, totalMs, toolsPerSecond: (n / totalMs) * 1000, serveReadyMs });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}
