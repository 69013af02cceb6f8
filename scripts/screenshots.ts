/** Takes screenshots of the running app for a person to look at: `tsx scripts/screenshots.ts http://127.0.0.1:8080/ out/`. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../test/browser/chromium.js';

const [base = 'http://127.0.0.1:8080/', out = 'out'] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
const shots: Array<[string, string]> = [
  ['map', '#/'],
  ['map-filtered', '#/?q=orchestr&diagonal=orchestration'],
  ['tool', '#/tools/mlflow'],
  ['compare', '#/compare?ids=mlflow,weights-and-biases,comet,neptune'],
  ['table', '#/table?quadrant=ml-platforms'],
  ['lifecycle', '#/lifecycle'],
];
for (const [name, hash] of shots) {
  await page.goto(base + hash);
  await page.waitForSelector('main :is(.map svg, .tool-page, .compare, table, .lifecycle)', { timeout: 10_000 });
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(out, `${name}.png`), fullPage: name !== 'map' && name !== 'map-filtered' });
}
await page.setViewportSize({ width: 390, height: 844 });
await page.goto(base + '#/');
await page.waitForSelector('.map svg');
await page.screenshot({ path: join(out, 'phone-map.png') });
await browser.close();
console.log(`screenshots in ${out}/`);
