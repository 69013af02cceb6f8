import { build } from 'vite';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../src/app/paths.js';

/** Builds the web app from the current sources into a fresh folder, so browser tests never see a stale build. */
export async function buildWebApp(): Promise<string> {
  const outDir = join(mkdtempSync(join(tmpdir(), 'mlnav-web-')), 'dist-web');
  await build({ configFile: join(packageRoot, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}
