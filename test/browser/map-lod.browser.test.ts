import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { webCatalogue } from '../../src/app/web-data.js';
import { bundledCatalogue } from '../helpers/bundled.js';
import { startAppSession, type AppSession } from './app-session.js';

/** Issue 14: levels of detail, clusters, touch and "Show on the map". */
const cat = bundledCatalogue();
const info = { sourceHash: 'browser', loadedAt: '2026-11-27T00:00:00Z', source: 'bundled' };
/** The map the server sends (the layout is deterministic): which markers each cluster holds. */
const map = webCatalogue(cat, info).map;
let browser: Browser;
let base: string;

let session: AppSession | undefined;
beforeAll(async () => {
  session = await startAppSession(cat, info);
  ({ browser, base } = session);
}, 60_000);

afterAll(async () => {
  await session?.close();
});

const SIZES = [
  [1440, 900],
  [390, 844],
] as const;

async function openMap(width: number, height: number, hash = '', touch = false): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height }, hasTouch: touch });
  await page.goto(base + hash);
  await page.waitForSelector('.map svg g.mark', { state: 'attached' });
  // The level of detail follows the screen scale: wait until the page has set it for this screen.
  await page.waitForFunction(
    `document.querySelector('.map svg').getAttribute('data-lod') !== null && document.querySelector('.map').getBoundingClientRect().width > 0`,
  );
  await settle(page);
  return page;
}
/** Two frames: whatever the last input changed has been applied and laid out. */
const settle = (page: Page) => page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');

interface Label {
  id: string;
  px: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
}
/** Every label drawn on screen (tool names and cluster counts): its font size on screen and its box. */
const visibleLabels = (page: Page) =>
  page.evaluate<Label[]>(`(() => {
    const svg = document.querySelector('.map svg');
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const frame = document.querySelector('.map').getBoundingClientRect();
    const out = [];
    for (const t of svg.querySelectorAll('g.mark text, g.cluster text')) {
      const style = getComputedStyle(t);
      if (style.display === 'none' || style.visibility !== 'visible' || !t.getClientRects().length) continue;
      const r = t.getBoundingClientRect();
      if (r.right < frame.left || r.left > frame.right || r.bottom < frame.top || r.top > frame.bottom) continue; // off the map's window
      const g = t.closest('g.mark, g.cluster');
      out.push({ id: g.dataset.toolId || 'cluster ' + g.dataset.cluster, px: parseFloat(style.fontSize) * scale, left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    }
    return out;
  })()`);
const viewBox = (page: Page) =>
  page
    .locator('.map svg')
    .getAttribute('viewBox')
    .then((v) => v!.split(' ').map(Number) as [number, number, number, number]);

function overlapping(labels: Label[]): string[] {
  const tools = labels.filter((l) => !l.id.startsWith('cluster'));
  const out: string[] = [];
  for (let i = 0; i < tools.length; i++)
    for (let j = i + 1; j < tools.length; j++) {
      const a = tools[i]!,
        b = tools[j]!;
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) out.push(`${a.id} / ${b.id}`);
    }
  return out;
}

describe('map levels of detail (issue 14)', () => {
  for (const [width, height] of SIZES)
    it(`at ${width} px every label on screen is at least 11 px, and none overlaps another at the default zoom or zoomed in twice`, async () => {
      const page = await openMap(width, height);
      const labels = await visibleLabels(page);
      expect(labels.length).toBeGreaterThan(0);
      for (const l of labels) {
        expect(l.px, l.id).toBeGreaterThanOrEqual(11);
        expect(l.bottom - l.top, `${l.id}: its box on screen`).toBeGreaterThanOrEqual(11);
      }
      expect(overlapping(labels)).toEqual([]);
      const sizes = labels.map((l) => l.px).sort((a, b) => a - b);
      console.log(`${width} px: ${labels.length} labels, min ${sizes[0]!.toFixed(1)} px, median ${sizes[sizes.length >> 1]!.toFixed(1)} px`);
      for (let k = 0; k < 2; k++) {
        const before = (await viewBox(page))[2];
        await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
        await expect.poll(async () => (await viewBox(page))[2]).toBeLessThan(before);
        await settle(page);
        const zoomed = await visibleLabels(page);
        for (const l of zoomed) expect(l.px, l.id).toBeGreaterThanOrEqual(11);
        expect(overlapping(zoomed), `zoomed in ${k + 1} times`).toEqual([]);
      }
      await page.close();
    });

  it('dense areas are counted clusters; clicking one zooms to it and shows labels of tools inside it', async () => {
    const page = await openMap(1440, 900);
    const shown = await page.evaluate<Array<{ i: number; n: number }>>(`[...document.querySelectorAll('.map g.cluster')]
      .filter((g) => getComputedStyle(g).display !== 'none')
      .map((g) => ({ i: Number(g.dataset.cluster), n: Number(g.querySelector('text').textContent) }))`);
    expect(shown.length).toBeGreaterThan(3);
    // The counts add up with the markers shown on their own to every tool.
    const alone = await page.evaluate<number>(
      `[...document.querySelectorAll('.map g.mark')].filter((g) => getComputedStyle(g).visibility === 'visible').length`,
    );
    expect(alone + shown.reduce((s, c) => s + c.n, 0)).toBe(cat.tools.length);
    const biggest = shown.reduce((a, b) => (b.n > a.n ? b : a));
    const levels = map.levels!;
    const inside = (j: number) => {
      for (let k = levels.marks[j]!.cluster; k >= 0; k = levels.clusters[k]!.parent) if (k === biggest.i) return true;
      return false;
    };
    const members = map.marks.filter((_, j) => inside(j)).map((m) => m.id);
    expect(members).toHaveLength(biggest.n);
    const before = await viewBox(page);
    await page.locator(`.map g.cluster[data-cluster="${biggest.i}"]`).click();
    await expect.poll(async () => (await viewBox(page))[2]).toBeLessThan(before[2]);
    await settle(page);
    const labels = await visibleLabels(page);
    const revealed = labels.filter((l) => members.includes(l.id));
    expect(revealed.length).toBeGreaterThan(0);
    expect(await page.locator(`.map g.cluster[data-cluster="${biggest.i}"]`).isVisible()).toBe(false); // it opened
    expect(overlapping(labels)).toEqual([]);
    expect(page.url()).not.toContain('#/tools/'); // a cluster is not a tool
    await page.close();
  });

  it('every tool is a marker with an accessible name, shown or not; search finds a tool inside a cluster', async () => {
    const page = await openMap(390, 844);
    const names = await page.locator('.map g.mark').evaluateAll((els) => els.map((e) => [e.getAttribute('data-tool-id'), e.getAttribute('aria-label')]));
    expect(names.map(([id]) => id).sort()).toEqual(cat.tools.map((t) => t.id).sort());
    for (const [id, label] of names) expect(label, id!).toContain(cat.byId.get(id!)!.name);
    const hidden = map.marks.find((m, j) => map.levels!.marks[j]!.open > 2 && m.name.length > 5)!;
    await page.getByRole('searchbox').fill(hidden.name);
    await expect.poll(() => page.locator(`.map g.mark[data-tool-id="${hidden.id}"]:not(.off)`).count()).toBe(1);
    await page.close();
  });

  it('two fingers moving apart on the map zoom it in (pinch)', async () => {
    const page = await openMap(390, 844, '', true);
    const box = (await page.locator('.map').boundingBox())!;
    const cx = box.x + box.width / 2,
      cy = box.y + box.height / 2;
    const before = await viewBox(page);
    const cdp = await page.context().newCDPSession(page);
    const points = (d: number) => [
      { x: cx - d, y: cy, id: 0 },
      { x: cx + d, y: cy, id: 1 },
    ];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(20) });
    for (const d of [30, 45, 60, 80]) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(d) });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect.poll(async () => (await viewBox(page))[2]).toBeLessThan(before[2] * 0.6);
    // The picture point under the fingers stayed there: the centre moved little.
    const after = await viewBox(page);
    expect(Math.abs(after[0] + after[2] / 2 - (before[0] + before[2] / 2))).toBeLessThan(before[2] * 0.05);
    expect(page.url()).not.toContain('#/tools/');
    await page.close();
  });

  for (const [width, height] of SIZES)
    it(`at ${width} px "Show on the map" opens the map centred on that tool, highlighted and focused, with its label`, async () => {
      const page = await browser.newPage({ viewport: { width, height } });
      await page.goto(base + '#/tools/kubernetes');
      await page.waitForSelector('.tool-page[data-tool-id="kubernetes"]');
      await page.getByRole('link', { name: 'Show on the map' }).click();
      await page.waitForSelector('.map g.mark.focus', { state: 'attached' });
      await expect.poll(() => page.evaluate<string | null>(`document.activeElement && document.activeElement.getAttribute('data-tool-id')`)).toBe('kubernetes');
      expect(await page.locator('.map g.mark.focus').evaluateAll((els) => els.map((e) => e.getAttribute('data-tool-id')))).toEqual(['kubernetes']);
      // Not a text search: every tool is still shown.
      expect(await page.locator('.map g.mark.off').count()).toBe(0);
      await settle(page);
      const frame = (await page.locator('.map').boundingBox())!;
      const mark = (await page.locator('.map g.mark[data-tool-id="kubernetes"] circle').boundingBox())!;
      expect(Math.abs(mark.x + mark.width / 2 - (frame.x + frame.width / 2))).toBeLessThan(frame.width * 0.1);
      expect(Math.abs(mark.y + mark.height / 2 - (frame.y + frame.height / 2))).toBeLessThan(frame.height * 0.1);
      const labels = await visibleLabels(page);
      expect(labels.map((l) => l.id)).toContain('kubernetes');
      for (const l of labels) expect(l.px, l.id).toBeGreaterThanOrEqual(11);
      expect(overlapping(labels)).toEqual([]);
      await page.close();
    });
});
