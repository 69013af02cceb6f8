import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalogue, type Catalogue } from '../core/catalogue/catalogue.js';
import { formatProblem, hasErrors, type Problem } from '../core/problems.js';
import { loadCatalogueFolderParallel } from '../formats/catalogue-folder.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { CatalogueStore, StoreInfo } from '../store/store.js';
import { bundledDataDir, bundledTaxonomy } from './paths.js';

export class CatalogueError extends Error {
  constructor(message: string, readonly problems: Problem[] = []) {
    super(message);
  }
}

/** A content hash of a catalogue folder, to notice when the bundled data changed under a database. */
export function hashFolder(dir: string): string {
  const h = createHash('sha256');
  const files = ['taxonomy.yaml', ...(existsSync(join(dir, 'tools')) ? readdirSync(join(dir, 'tools')).sort().map((f) => join('tools', f)) : [])];
  for (const f of files) {
    const p = join(dir, f);
    if (!existsSync(p)) continue;
    h.update(f).update('\0').update(readFileSync(p)).update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

/** Validates a folder and, only if it has no errors, replaces the store's catalogue with it in one transaction. */
export async function importFolder(store: CatalogueStore, dir: string, source = dir): Promise<{ info: StoreInfo; problems: Problem[] }> {
  const loaded = await loadCatalogueFolderParallel(dir, { fallbackTaxonomy: bundledTaxonomy, relativeTo: process.cwd() });
  if (hasErrors(loaded.problems) || !loaded.taxonomy)
    throw new CatalogueError(`${dir}: ${loaded.problems.filter((p) => p.severity === 'error').length} problem(s); nothing was imported`, loaded.problems);
  const info = await store.replaceCatalogue({ taxonomy: loaded.taxonomy, tools: loaded.tools, source, sourceHash: hashFolder(dir) });
  return { info, problems: loaded.problems };
}

export interface OpenedCatalogue {
  store: CatalogueStore;
  catalogue: Catalogue;
  info: StoreInfo;
}

/**
 * Opens the database (creating and migrating it on first run) and makes sure it holds a catalogue:
 * the bundled one when empty, refreshed when the database was seeded from bundled data that has changed.
 */
export async function openCatalogue(dbPath: string): Promise<OpenedCatalogue> {
  const store = await SqliteStore.open(dbPath);
  try {
    let info = await store.info();
    const bundledHash = hashFolder(bundledDataDir);
    if (!info || (info.source === 'bundled' && info.sourceHash !== bundledHash)) {
      info = (await importFolder(store, bundledDataDir, 'bundled')).info;
    }
    const stored = await store.readCatalogue();
    if (!stored) throw new CatalogueError(`${dbPath}: the database holds no catalogue`);
    return { store, catalogue: buildCatalogue(stored.taxonomy, stored.tools), info };
  } catch (e) {
    await store.close();
    throw e;
  }
}

export function describeProblems(problems: readonly Problem[]): string {
  return problems.map(formatProblem).join('\n');
}
