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
  constructor(
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

/** A content hash of a catalogue folder, to notice when the bundled data changed under a database. */
export function hashFolder(dir: string): string {
  const h = createHash('sha256');
  const files = [
    'taxonomy.yaml',
    ...(existsSync(join(dir, 'tools'))
      ? readdirSync(join(dir, 'tools'))
          .sort()
          .map((f) => join('tools', f))
      : []),
  ];
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
  /** Said to the user, and then carried on: the bundled data could not be reloaded, so the stored catalogue serves. */
  warnings: string[];
}

/**
 * Opens the database (creating and migrating it on first run) and makes sure it holds a catalogue:
 * the bundled one when empty, refreshed when the database was seeded from bundled data that has changed.
 */
export async function openCatalogue(dbPath: string): Promise<OpenedCatalogue> {
  const store = await SqliteStore.open(dbPath);
  const warnings: string[] = [];
  try {
    let info = await store.info();
    const bundledHash = hashFolder(bundledDataDir);
    if (!info) info = (await importFolder(store, bundledDataDir, 'bundled')).info;
    else if (info.source === 'bundled' && info.sourceHash !== bundledHash) {
      // A newer bundled catalogue that does not load (or cannot be written) never takes down one that works.
      try {
        info = (await importFolder(store, bundledDataDir, 'bundled')).info;
      } catch (e) {
        const detail = e instanceof CatalogueError ? `${e.message}\n${describeProblems(e.problems)}` : (e as Error).message;
        warnings.push(
          `the bundled catalogue changed but was not loaded, so the one stored in ${dbPath} (${info.tools} tools, loaded ${info.loadedAt}) keeps serving: ${detail}`,
        );
      }
    }
    const stored = await store.readCatalogue();
    if (!stored) throw new CatalogueError(`${dbPath}: the database holds no catalogue`);
    // A catalogue stored by an older mlnav (primary/secondary capabilities, no sources) must be imported again.
    const old = stored.tools.find((t) => Array.isArray((t.capabilities as unknown as { primary?: unknown }).primary) || !t.sources);
    if (old) throw new CatalogueError(`${dbPath} holds a catalogue in an older format (tool "${old.id}"): import it again with mlnav import DIR`);
    return { store, catalogue: buildCatalogue(stored.taxonomy, stored.tools), info, warnings };
  } catch (e) {
    await store.close();
    throw e;
  }
}

export function describeProblems(problems: readonly Problem[]): string {
  return problems.map(formatProblem).join('\n');
}
