import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** The file that says which files in a folder mlnav wrote, so a later run replaces only those. */
export const OUTPUT_MARKER = '.mlnav-output';

export class OutputDirError extends Error {}

/**
 * Makes `dir` ready for a command's output without ever deleting what mlnav did not write: a missing or
 * empty folder is used as it is; a folder with mlnav's marker loses only the files the marker lists (its
 * own earlier output); any other non-empty folder is refused, unless `force`, which writes into it
 * without deleting anything. Returns a function that tells whether a path may be written.
 */
export function prepareOutputDir(dir: string, opts: { force?: boolean } = {}): { writable: (path: string) => boolean; finish: (written: string[]) => void } {
  const root = resolve(dir);
  const marker = join(root, OUTPUT_MARKER);
  let ours = new Set<string>();
  if (existsSync(root)) {
    if (!lstatSync(root).isDirectory()) throw new OutputDirError(`${dir} exists and is not a folder`);
    const entries = readdirSync(root);
    if (existsSync(marker)) {
      ours = new Set(readFileSync(marker, 'utf8').split('\n').filter(Boolean));
      for (const rel of ours) {
        const p = resolve(root, rel);
        if (p.startsWith(root + sep)) rmSync(p, { force: true });
      }
      // Folders left empty by that are removed too; others stay.
      pruneEmpty(root, root);
    } else if (entries.length && !opts.force) {
      throw new OutputDirError(
        `${dir} is not empty and was not written by mlnav: choose an empty folder, or --force to write into it without deleting anything`,
      );
    }
  }
  mkdirSync(root, { recursive: true });
  return {
    writable: (path: string) => {
      const rel = relative(root, resolve(path));
      return !existsSync(path) || ours.has(rel);
    },
    finish: (written: string[]) => writeFileSync(marker, [...new Set(written.map((p) => relative(root, resolve(p))))].sort().join('\n') + '\n'),
  };
}

function pruneEmpty(dir: string, root: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) pruneEmpty(join(dir, e.name), root);
  if (dir !== root && !readdirSync(dir).length) rmSync(dir, { recursive: true, force: true });
}

/** Every file under `dir` (relative paths are what the marker keeps). */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name !== OUTPUT_MARKER) out.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

export { dirname };
