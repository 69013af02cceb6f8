import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalogue, type Catalogue } from '../core/catalogue/catalogue.js';
import { formatProblem, hasErrors, type Problem } from '../core/problems.js';
import { loadCatalogueFolderParallel } from '../formats/catalogue-folder.js';
import { openStore } from '../store/open-store.js';
import { documentHash } from '../store/sql/sql-store.js';
import type { Tool } from '../core/catalogue/tool.js';
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

/** A short hash of one tool as stored (the store hashes the same JSON): an organisation's change records the base it was made on. */
export const toolHash = (tool: Tool): string => documentHash(JSON.stringify(tool));

/** A change the organisation approved whose base tool has since changed in the bundled data: listed for review. */
export interface OverlayConflict {
  tool: string;
  updatedBy: string;
  updatedAt: string;
}

/**
 * The catalogue the organisation sees: the base (bundled or imported) with its approved changes laid
 * over it. A new base never overwrites a change; where the base tool changed since, it is a conflict.
 */
export async function layeredTools(store: CatalogueStore, base: Tool[]): Promise<{ tools: Tool[]; conflicts: OverlayConflict[] }> {
  const overrides = await store.toolOverrides();
  if (!overrides.length) return { tools: base, conflicts: [] };
  const byId = new Map(base.map((t) => [t.id, t]));
  const conflicts: OverlayConflict[] = [];
  for (const o of overrides) {
    const under = byId.get(o.tool.id);
    if (under && o.baseHash && toolHash(under) !== o.baseHash) conflicts.push({ tool: o.tool.id, updatedBy: o.updatedBy, updatedAt: o.updatedAt });
    byId.set(o.tool.id, o.tool);
  }
  return { tools: [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), conflicts };
}

export interface OpenedCatalogue {
  store: CatalogueStore;
  catalogue: Catalogue;
  info: StoreInfo;
  /** The organisation's approved changes whose base has changed since (see layeredTools). */
  conflicts: OverlayConflict[];
  /** Said to the user, and then carried on: the bundled data could not be reloaded, so the stored catalogue serves. */
  warnings: string[];
}

/**
 * Opens the database (creating and migrating it on first run) and makes sure it holds a catalogue:
 * the bundled one when empty, refreshed when the database was seeded from bundled data that has changed.
 */
export async function openCatalogue(dbPath: string): Promise<OpenedCatalogue> {
  const store = await openStore(dbPath);
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
    const { tools, conflicts } = await layeredTools(store, stored.tools);
    if (conflicts.length)
      warnings.push(
        `${conflicts.length} tool(s) changed in the base catalogue since your organisation changed them (${conflicts.map((c) => c.tool).join(', ')}): your changes are kept; review them`,
      );
    return { store, catalogue: buildCatalogue(stored.taxonomy, tools), info, warnings, conflicts };
  } catch (e) {
    await store.close();
    throw e;
  }
}

export function describeProblems(problems: readonly Problem[]): string {
  return problems.map(formatProblem).join('\n');
}
