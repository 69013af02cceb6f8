import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';

/** The package root, found from this file whether it runs from src/ (tsx) or dist/. */
export const packageRoot = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('mlnav: cannot find the package root');
    dir = up;
  }
  return dir;
})();

export const bundledDataDir = join(packageRoot, 'data');
export const bundledTaxonomy = join(bundledDataDir, 'taxonomy.yaml');
export const seedFigureFile = join(bundledDataDir, 'seed-figure.yaml');

/** Where the embedded database lives unless --db or MLNAV_DB says otherwise. */
/** The database: MLNAV_DB (a file path or a postgres:// URL), else ./mlnav.db. */
export function defaultDbPath(): string {
  return dbTarget(process.env.MLNAV_DB ?? 'mlnav.db');
}

/** A file path made absolute; a postgres:// URL as given. */
export function dbTarget(s: string): string {
  return /^postgres(ql)?:\/\//i.test(s) ? s : resolve(s);
}
