/**
 * Screenshots of pages of the web app on the bundled catalogue, for a person to look at:
 *   npx tsx scripts/screenshots.ts OUTDIR 'NAME=#/hash' ...   (each at 1440 and 390 px wide)
 * Builds the web app (vite), serves it with the API in-process and drives Debian's Chromium.
 */
import { serve } from '@hono/node-server';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../src/server/app.js';
import { loadCatalogueFolder } from '../src/formats/catalogue-folder.js';
import { buildCatalogue } from '../src/core/catalogue/catalogue.js';
import { bundledDataDir } from '../src/app/paths.js';
import { buildWebApp } from '../test/browser/web-build.js';
import { launchChromium } from '../test/browser/chromium.js';

const [out = '/tmp/mlnav-shots', ...pages] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const loaded = loadCatalogueFolder(bundledDataDir);
const catalogue = buildCatalogue(loaded.taxonomy!, loaded.tools);
const webRoot = await buildWebApp();
const app = createApp({ catalogue, info: { sourceHash: 'shots', loadedAt: '2026-12-01T00:00:00Z', source: 'bundled' }, webRoot });
const base = await new Promise<string>((resolve) => {
  serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (addr) => resolve(`http://127.0.0.1:${addr.port}/`));
});
const browser = await launchChromium();
for (const spec of pages) {
  const at = spec.indexOf('=');
  const name = spec.slice(0, at),
    hash = spec.slice(at + 1);
  for (const width of [1440, 390]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(base + hash);
    // Wait until the page has settled: no request in flight and nothing marked busy.
    await page.waitForLoadState('networkidle');
    await page.waitForFunction('!document.querySelector(\'[aria-busy="true"]\')', undefined, { timeout: 30_000 });
    const file = join(out, `${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`wrote ${file}`);
    await page.close();
  }
}
await browser.close();
process.exit(0);
