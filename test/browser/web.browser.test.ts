import { isRetired } from '../../src/core/catalogue/tool.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { serve, type ServerType } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/app.js';
import { defaultRadar } from '../../src/core/radar/default.js';
import { exportStaticSite } from '../../src/app/static-export.js';
import { bundledCatalogue } from '../helpers/bundled.js';
import { startAppSession, type AppSession } from './app-session.js';
import { startStaticServer } from './static-server.js';

const cat = bundledCatalogue();
const info = { sourceHash: 'browser', loadedAt: '2026-11-27T00:00:00Z', source: 'bundled' };
let browser: Browser;
let base: string;
let webRoot: string;

let session: AppSession | undefined;
beforeAll(async () => {
  session = await startAppSession(cat, info);
  ({ browser, base, webRoot } = session);
}, 60_000);

afterAll(async () => {
  await session?.close();
});

async function open(hash = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(base + hash);
  return page;
}
/** Every alert on the page, as one string. */
const alertText = (page: Page) =>
  page
    .getByRole('alert')
    .allTextContents()
    .then((a) => a.join(' '));
const visibleMarks = (page: Page) => page.locator('.map g.mark:not(.off)').count();
const shownCount = async (page: Page) => Number(await page.getByTestId('shown-count').textContent());

describe('web app in Chromium', () => {
  it('the map loads with every tool as a marker carrying data-tool-id, and no errors', async () => {
    const page = await open();
    await page.waitForSelector('.map svg g.mark', { state: 'attached' });
    expect(await page.locator('.map [data-tool-id]').count()).toBe(cat.tools.length);
    expect(await visibleMarks(page)).toBe(cat.tools.length);
    expect(await shownCount(page)).toBe(cat.tools.length);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('the map drawn into the page stays on screen, in place, until the interactive map replaces it', async () => {
    for (const width of [1280, 390]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      // Every frame from the first: which map is on screen, and where.
      await page.addInitScript(`window.mapFrames = [];
        const tick = () => {
          const svg = document.querySelector('body > .prerendered svg, .map svg');
          const kind = !svg ? 'none' : svg.closest('.prerendered') ? 'picture' : 'interactive';
          const top = svg ? Math.round(svg.getBoundingClientRect().top) : null;
          const last = window.mapFrames.at(-1);
          if (!last || last.kind !== kind || last.top !== top) window.mapFrames.push({ kind, top });
          if (kind !== 'interactive') requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);`);
      await page.goto(base);
      // Until a frame has shown the interactive map (the marker groups exist a moment before that frame).
      await page.waitForFunction("window.mapFrames.at(-1)?.kind === 'interactive'", undefined, { timeout: 15_000 });
      const all = await page.evaluate<Array<{ kind: string; top: number | null }>>('window.mapFrames');
      // (A frame before the body is parsed has no map yet; from the first map on, one is always there.)
      const frames = all.slice(all.findIndex((f) => f.kind !== 'none'));
      expect(frames[0]!.kind, JSON.stringify(all)).toBe('picture'); // painted with the HTML
      expect(frames.at(-1)!.kind).toBe('interactive');
      expect(
        frames.filter((f) => f.kind === 'none'),
        'the map never disappears',
      ).toEqual([]);
      expect(new Set(frames.map((f) => f.top)).size, `it never moves at width ${width}: ${JSON.stringify(frames)}`).toBe(1);
      await page.close();
    }
  });

  it('search and filters narrow the map, and the URL keeps them', async () => {
    const page = await open();
    await page.waitForSelector('.map svg g.mark', { state: 'attached' });
    await page.getByRole('searchbox').fill('orchestration');
    await expect.poll(() => shownCount(page)).toBeLessThan(cat.tools.length);
    const n = await shownCount(page);
    expect(n).toBeGreaterThan(0);
    await expect.poll(() => visibleMarks(page)).toBe(n);
    expect(await page.locator('.map g.mark[data-tool-id="airflow"]:not(.off)').count()).toBe(1);

    await page.locator('select[name="quadrant"]').selectOption('standard-swe-tools');
    await expect.poll(() => shownCount(page)).toBeLessThan(n);
    // The markers follow the count in the next paint.
    await expect.poll(async () => (await visibleMarks(page)) === (await shownCount(page))).toBe(true);
    const ids = await page.locator('.map g.mark:not(.off)').evaluateAll((els) => els.map((e) => e.getAttribute('data-tool-id')));
    for (const id of ids) expect(cat.placement.get(id!)!.quadrant).toBe('standard-swe-tools');
    expect(page.url()).toContain('q=orchestration');
    expect(page.url()).toContain('quadrant=standard-swe-tools');
    await page.close();
  });

  it('opening a URL restores its filters', async () => {
    const page = await open('#/?q=tracking&oss=true&quadrant=specialized-ml-tools');
    await page.waitForSelector('.map svg g.mark', { state: 'attached' });
    expect(await page.getByRole('searchbox').inputValue()).toBe('tracking');
    expect(await page.locator('select[name="oss"]').inputValue()).toBe('true');
    expect(await page.locator('select[name="quadrant"]').inputValue()).toBe('specialized-ml-tools');
    await expect.poll(async () => (await visibleMarks(page)) === (await shownCount(page))).toBe(true);
    const ids = await page.locator('.map g.mark:not(.off)').evaluateAll((els) => els.map((e) => e.getAttribute('data-tool-id')!));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(cat.byId.get(id)!.openSource).toBe(true);
    await page.close();
  });

  it('clicking a marker opens the tool page with its placement explanation', async () => {
    // At the default zoom Optuna is inside a cluster: the map is opened on it.
    const page = await open('#/?focus=optuna');
    await page.locator('.map g.mark[data-tool-id="optuna"] circle').click();
    await page.waitForSelector('.tool-page');
    expect(page.url()).toContain('#/tools/optuna');
    expect(await page.locator('h1').textContent()).toBe('Optuna');
    // The reason in practitioner terms, and the arithmetic behind a details toggle.
    await expect.poll(() => page.getByTestId('placement-reasons').textContent()).toContain('Its core feature is hyperparameter optimisation');
    expect(await page.locator('.steps li').count()).toBeGreaterThan(3);
    expect(await page.locator('.steps').isVisible()).toBe(false);
    await page.getByText('The arithmetic').click();
    expect(await page.locator('.steps').textContent()).toContain('Hyperparameter optimisation (core, weight 1)');
    // Every core claim shows its source.
    expect(await page.getByTestId('sources').textContent()).toContain('Hyperparameter optimisation (core)');
    expect(await page.locator('.facts').textContent()).toContain('Specialized ML Tools');
    await page.close();
  });

  it('keyboard: Tab passes the map in one step, the arrow keys move between markers, Enter opens one', async () => {
    const page = await open();
    await page.waitForSelector('.map svg g.mark', { state: 'attached' });
    await expect.poll(() => page.locator('.map g.mark[tabindex="0"]').count()).toBe(1);
    const active = () =>
      page.evaluate<{ id: string; cx: number; tab: string } | null>(`(() => {
        const g = document.activeElement && document.activeElement.closest('g.mark');
        return g ? { id: g.getAttribute('data-tool-id'), cx: Number(g.querySelector('circle').getAttribute('cx')), tab: g.getAttribute('tabindex') } : null;
      })()`);
    await page.getByRole('button', { name: 'PNG' }).focus();
    await page.keyboard.press('Tab');
    const first = await active();
    expect(first?.tab).toBe('0');
    await page.keyboard.press('Tab');
    expect(await active()).toBeNull(); // one Tab stop for the whole map
    await page.keyboard.press('Shift+Tab');
    expect((await active())?.id).toBe(first!.id);
    await page.keyboard.press('ArrowRight');
    const next = await active();
    expect(next?.id).not.toBe(first!.id);
    expect(next!.cx).toBeGreaterThan(first!.cx);
    expect(next?.tab).toBe('0');
    expect(await page.locator('.map g.mark[tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.tool-page[data-tool-id="${next!.id}"]`);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('a tool in maintenance or retired says so on its page and names what to use instead', async () => {
    const page = await open('#/tools/torchserve');
    await page.waitForSelector('.tool-page[data-tool-id="torchserve"]');
    const note = page.getByRole('note');
    expect(await note.textContent()).toContain('In maintenance only');
    expect(await note.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '#/tools/triton-inference-server',
      '#/tools/ray-serve',
      '#/tools/vllm',
    ]);
    await page.goto(base + '#/tools/amundsen');
    await page.waitForSelector('.tool-page[data-tool-id="amundsen"]');
    expect(await page.getByRole('note').textContent()).toContain('Archived since 2026-09.');
    expect(await page.getByRole('note').locator('a').getAttribute('href')).toBe('#/tools/datahub');
    await page.goto(base + '#/tools/mlflow');
    await page.waitForSelector('.tool-page[data-tool-id="mlflow"]');
    expect(await page.getByRole('note').count()).toBe(0);
    await page.close();
  });

  it('keyboard: a focused marker opens with Enter', async () => {
    const page = await open('#/?focus=kedro');
    await page.waitForSelector('.map svg g.mark.focus', { state: 'attached' });
    await page.locator('.map g.mark[data-tool-id="kedro"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.tool-page[data-tool-id="kedro"]');
    await page.close();
  });

  it('hovering a marker shows its card; the buttons and the wheel zoom, dragging pans, Reset restores', async () => {
    const page = await open();
    await page.waitForSelector('.map svg g.mark', { state: 'attached' });
    // A marker shown on its own at the default zoom (many are inside clusters).
    await page.locator('.map g.mark[data-tool-id="mlflow"] circle').hover();
    await expect.poll(() => page.locator('.hover-card').textContent()).toContain('MLflow');
    const viewBox = () =>
      page
        .locator('.map svg')
        .getAttribute('viewBox')
        .then((v) => v!.split(' ').map(Number));
    const [, , fullW, fullH] = await viewBox();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    const zoomed = await viewBox();
    expect(zoomed[2]).toBeCloseTo(fullW! * 0.7, 0);
    const box = (await page.locator('.map').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // A plain wheel over a map not in use scrolls the page and leaves the map alone...
    await page.mouse.wheel(0, -200);
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    expect((await viewBox())[2]).toBe(zoomed[2]);
    // ...with Ctrl it zooms.
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    await expect.poll(async () => (await viewBox())[2]).toBeLessThan(zoomed[2]!);
    const beforeDrag = await viewBox();
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 60, { steps: 5 });
    await page.mouse.up();
    const dragged = await viewBox();
    expect(dragged[0]).toBeLessThan(beforeDrag[0]!); // dragging right shows what lies to the left
    expect(dragged[2]).toBe(beforeDrag[2]);
    expect(page.url()).not.toContain('#/tools/'); // a drag is not a click
    await page.getByRole('button', { name: 'Reset' }).click();
    expect(await viewBox()).toEqual([0, 0, fullW, fullH]);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('the table sorts by a column, both ways', async () => {
    const page = await open('#/table');
    await page.waitForSelector('table.catalogue tbody tr');
    const xs = () =>
      page
        .locator('table.catalogue tbody tr td.num:nth-of-type(2)')
        .allTextContents()
        .then((t) => t.map(Number));
    await page.getByRole('button', { name: /Artifact \(x\)/ }).click();
    const up = await xs();
    expect(up).toHaveLength(cat.tools.length);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toContain('Artifact');
    await page.getByRole('button', { name: /Artifact \(x\)/ }).click();
    const down = await xs();
    expect(down).toEqual([...up].sort((a, b) => b - a));
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain('Artifact');
    await page.close();
  });

  it('exports the map as SVG and PNG', async () => {
    const page = await open('#/?quadrant=ml-platforms');
    await page.waitForSelector('.map svg g.mark', { state: 'attached' });
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG' }).click()]);
    expect(svg.suggestedFilename()).toBe('mlops-landscape.svg');
    const text = await (await svg.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString());
    const n = [...cat.placement.values()].filter((p) => p.quadrant === 'ml-platforms').length;
    expect(text.match(/data-tool-id=/g)).toHaveLength(n);
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG' }).click()]);
    expect(png.suggestedFilename()).toBe('mlops-landscape.png');
    const bytes = await (await png.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks));
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    await page.close();
  });

  it('is usable on a phone-sized screen: nothing overflows sideways', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(base);
    await page.waitForSelector('.map svg g.mark', { state: 'attached' });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.goto(base + '#/tools/mlflow');
    await page.waitForSelector('.tool-page');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.goto(base + '#/stack?teams=Research~researcher~jupyterlab.git|Platform~engineer~kubernetes');
    await page.waitForSelector('[data-testid="gaps"] li');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.goto(base + '#/recommend?needs=experiment-tracking.model-serving&keep=kubernetes');
    await page.waitForSelector('[data-testid="per-need"]');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('phone layouts: the table as one card per tool with labelled values, compare scrolling in its own box, the radar controls wrapping', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const width = () => page.evaluate<number>('document.documentElement.scrollWidth');
    await page.goto(base + '#/table');
    await page.waitForSelector('table.catalogue tbody tr[data-tool-id]');
    expect(await width()).toBeLessThanOrEqual(390);
    // each value says what it is, since the column headers are no longer above it
    const before = `getComputedStyle(document.querySelector('table.catalogue tbody tr[data-tool-id] td[data-label="Licence"]'), '::before').content`;
    expect(await page.evaluate<string>(before)).toBe('"Licence"');
    await page.goto(base + '#/compare?ids=mlflow,kubeflow,weights-and-biases');
    await page.waitForSelector('.compare-table');
    expect(await width()).toBeLessThanOrEqual(390);
    // the table itself is wider than the screen and scrolls inside its box
    expect(await page.$eval('.compare-scroll', (d) => d.scrollWidth > d.clientWidth)).toBe(true);
    await page.goto(base + '#/radar');
    await page.waitForSelector('.radar svg g.blip', { state: 'attached' });
    expect(await width()).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('compare shows tools side by side and takes another', async () => {
    const page = await open('#/compare?ids=mlflow,kubeflow');
    await page.waitForSelector('.compare-table');
    expect(await page.locator('.compare-table thead th').count()).toBe(2);
    await page.locator('input[name="tool"]').fill('Metaflow');
    await page.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => page.locator('.compare-table thead th').count()).toBe(3);
    expect(page.url()).toContain('ids=mlflow%2Ckubeflow%2Cmetaflow');
    expect(await page.locator('.compare-table').textContent()).toContain('ML pipelines');
    await page.close();
  });

  it('a diagonal overlay highlights the tools on it and dims the rest; an unknown one is named, not applied', async () => {
    const page = await open('#/?diagonal=orchestration');
    await page.waitForSelector('.map g.mark.on-diagonal', { state: 'attached' }); // some may be inside clusters
    const on = await page.locator('.map g.mark.on-diagonal').count();
    const dim = await page.locator('.map g.mark.dim').count();
    expect(on).toBeGreaterThan(0);
    expect(on + dim).toBe(await page.locator('.map g.mark').count());
    expect(await page.locator('.map #diagonal-line').count()).toBe(1);
    expect(await page.locator('.note').textContent()).toContain(`${on} tools on it are highlighted`);
    await page.goto(base + '#/?diagonal=sideways');
    await expect.poll(() => alertText(page)).toContain('No diagonal “sideways”');
    expect(await page.locator('.map g.mark.dim, .map g.mark.on-diagonal').count()).toBe(0);
    expect(await page.locator('.map #diagonal-line').count()).toBe(0);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('a filter value in the link that does not exist is shown and named, not read as "Any"', async () => {
    const page = await open('#/table?quadrant=bogus&stage=model-training');
    await expect.poll(() => alertText(page)).toContain('quadrant “bogus”');
    expect(await shownCount(page)).toBe(0);
    expect(await page.locator('select[name="quadrant"]').inputValue()).toBe('bogus');
    expect(await page.locator('table.catalogue tbody').textContent()).toContain('No tool matches these filters.');
    expect(await page.getByRole('alert').textContent()).not.toContain('stage');
    await page.close();
  });

  it('compare names what it cannot show: unknown ids in the link, a fifth tool, an unknown name typed in', async () => {
    const page = await open('#/compare?ids=mlflow,sagemaker,kubeflow,metaflow,optuna,feast');
    await page.waitForSelector('.compare-table');
    expect(await page.locator('.compare-table thead th').count()).toBe(4);
    const alerts = await page.getByRole('alert').allTextContents();
    expect(alerts.join(' ')).toContain('“sagemaker”');
    expect(alerts.join(' ')).toMatch(/left out: Feast/);
    await page.goto(base + '#/compare?ids=mlflow');
    await page.locator('input[name="tool"]').fill('No Such Tool');
    await page.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => page.getByRole('alert').allTextContents()).toContain('No tool called “No Such Tool” in the catalogue: pick one from the list.');
    expect(await page.locator('input[name="tool"]').inputValue()).toBe('No Such Tool');
    await page.close();
  });

  it('the stack builder names what it cannot use: an unknown tool in the link, an unknown persona, an unknown name typed in', async () => {
    const page = await open('#/stack?teams=Research~wizard~optuna.nosuchtool');
    const alerts = () => alertText(page);
    await expect.poll(alerts).toContain('“wizard”');
    await expect.poll(alerts).toContain('nosuchtool');
    await page.getByLabel('Add a tool to Research').fill('Not A Real Tool');
    await page.getByRole('button', { name: 'Add' }).first().click();
    await expect.poll(alerts).toContain('No tool called “Not A Real Tool”');
    expect(await page.getByLabel('Add a tool to Research').inputValue()).toBe('Not A Real Tool');
    await page.close();
  });

  it('the stack builder shows the level, capability gaps and footprints, and takes the gaps to the recommender', async () => {
    const page = await open('#/stack?teams=Research~researcher~optuna.deepnote|Platform~engineer~kubernetes.git');
    await page.waitForSelector('[data-testid="gaps"] li');
    const gaps = () => page.locator('[data-testid="gaps"] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-gap')));
    expect(await gaps()).toEqual(expect.arrayContaining(['model-monitoring', 'model-serving', 'ci-cd', 'experiment-tracking']));
    expect(await page.locator('[data-testid="maturity"]').getAttribute('data-level')).toBe('0');
    expect(await page.locator('.analysis .map polygon, .analysis .map line').count()).toBeGreaterThan(0);
    expect(await page.locator('.analysis').textContent()).toContain('opposite ends');
    // Prometheus watches infrastructure, not models: model monitoring stays a gap.
    await page.locator('input[aria-label="Add a tool to Platform"]').fill('Prometheus');
    await page.locator('input[aria-label="Add a tool to Platform"]').press('Enter');
    await expect.poll(() => page.url()).toContain('prometheus');
    await expect.poll(() => page.locator('[data-testid="stages"]').textContent()).toMatch(/Monitoring: unserved/);
    expect(await gaps()).toContain('model-monitoring');
    // A target level and an extra need are part of the link and of the analysis.
    await page.getByLabel('Target maturity level').selectOption('2');
    await expect.poll(gaps).toContain('feature-store');
    await page.getByLabel('Add a needed capability').selectOption('vector-database');
    await expect.poll(gaps).toContain('vector-database');
    await page.getByTestId('recommend-gaps').click();
    await page.waitForSelector('[data-testid="options"] [data-kind="best"] li');
    const best = await page.locator('[data-kind="best"] li[data-tool-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-tool-id')!));
    // Kept tools stay; no general cloud is chosen when none is named; nothing retired.
    for (const id of ['optuna', 'deepnote', 'kubernetes', 'git', 'prometheus']) expect(best).toContain(id);
    for (const id of best) {
      expect(isRetired(cat.byId.get(id)!), id).toBe(false);
      expect(cat.context.cloudServices ? [...cat.context.cloudServices.values()].flat() : [], id).not.toContain(id);
    }
    expect(await page.locator('[data-testid="per-need"] tbody tr').count()).toBeGreaterThan(3);
    await page.close();
  });

  it('the radar page shows every blip, searches, zooms on a quadrant and lists rationales', async () => {
    const page = await open('#/radar');
    await page.waitForSelector('.radar svg g.blip', { state: 'attached' });
    expect(await page.locator('.radar g.blip').count()).toBe(cat.tools.length);
    // The legend is a lazy chunk: poll until it has arrived (counting at once failed now and then).
    await expect.poll(() => page.locator('table.legend tbody tr').count()).toBe(cat.tools.length);
    await page.locator('.radar-page input[type="search"]').fill('flow');
    await expect.poll(() => page.locator('table.legend tbody tr').count()).toBeLessThan(cat.tools.length);
    expect(await page.locator('.radar g.blip.dim').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Machine Learning Platforms' }).click();
    await expect.poll(() => page.locator('.radar svg').getAttribute('viewBox')).not.toMatch(/^0 0 /);
    expect(page.url()).toContain('zoom=ml-platforms');
    expect(await page.locator('table.legend').textContent()).toContain('MLflow');
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('the radar edition picker shows each edition and what moved since the one before', async () => {
    // Two editions: since 2026-05, one blip is new and one moved from Hold to Adopt.
    const latest = defaultRadar(cat, '2026-11').editions[0]!.blips;
    const [added, moved] = [latest[0]!, { ...latest[1]!, ring: 'adopt' }];
    const radar = {
      ...defaultRadar(cat, '2026-11'),
      editions: [
        { date: '2026-05', blips: latest.slice(1).map((b) => (b.id === moved.id ? { ...b, ring: 'hold' } : b)) },
        { date: '2026-11', blips: latest.map((b) => (b.id === moved.id ? moved : b)) },
      ],
    };
    const second = serve({ fetch: createApp({ catalogue: cat, info, webRoot, radar }).fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => second.once('listening', resolve));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`http://127.0.0.1:${(second.address() as { port: number }).port}/#/radar`);
    await page.waitForSelector('table.legend tbody tr');
    expect(await page.locator('.radar-page select').inputValue()).toBe('2026-11');
    const movement = (id: string) => page.locator(`table.legend tr[data-blip-id="${id}"] td:nth-of-type(4)`).textContent();
    expect(await movement(added.id)).toBe('new');
    expect(await movement(moved.id)).toBe('moved-in');
    expect(await page.locator(`table.legend tr[data-blip-id="${moved.id}"]`).textContent()).toContain('Hold → Adopt');
    expect(await page.locator('.radar g.blip').count()).toBe(latest.length);
    await page.locator('.radar-page select').selectOption('2026-05');
    await expect.poll(() => page.locator('.radar g.blip').count()).toBe(latest.length - 1);
    expect(page.url()).toContain('edition=2026-05');
    expect(await page.locator(`table.legend tr[data-blip-id="${added.id}"]`).count()).toBe(0);
    await page.close();
    second.close();
  });

  it('the radar prints without its controls: the picture and the legend only', async () => {
    const page = await open('#/radar');
    await page.waitForSelector('table.legend tbody tr');
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.top', '.radar-page .toolbar', '.foot']) expect(await page.locator(hidden).isVisible()).toBe(false);
    expect(await page.locator('.radar svg').isVisible()).toBe(true);
    expect(await page.locator('table.legend').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });

  it('the radar page says so when a link names an edition or a quadrant it does not have', async () => {
    const page = await open('#/radar?edition=1999-01&zoom=nowhere');
    const alerts = () => alertText(page);
    await expect.poll(alerts).toContain('No edition “1999-01” in this radar: showing the latest');
    await expect.poll(alerts).toContain('No quadrant “nowhere” in this radar: showing the whole radar.');
    expect(await page.getByRole('button', { name: 'Whole radar' }).getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });

  it('renders radar rationale Markdown, and strips scripts and event handlers from it', async () => {
    const hostile = {
      title: 'Hostile',
      rings: [{ id: 'adopt', name: 'Adopt' }],
      quadrants: ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id.toUpperCase() })),
      editions: [
        {
          date: '2026-11',
          blips: [
            {
              id: 'x',
              name: 'X',
              quadrant: 'a',
              ring: 'adopt',
              rationale: '**bold** <img src=x onerror="window.pwned=1"> <script>window.pwned=2</script> [link](javascript:window.pwned=3)',
            },
          ],
        },
      ],
    };
    const app2 = createApp({ catalogue: cat, info, webRoot, radar: hostile });
    const other = await new Promise<{ s: ServerType; url: string }>((resolve) => {
      const s = serve({ fetch: app2.fetch, port: 0, hostname: '127.0.0.1' }, (addr) => resolve({ s, url: `http://127.0.0.1:${addr.port}/` }));
    });
    try {
      const page = await browser.newPage();
      await page.goto(`${other.url}#/radar`);
      await page.waitForSelector('table.legend td.rationale strong');
      const cell = await page.locator('table.legend td.rationale').innerHTML();
      expect(cell).toContain('<strong>bold</strong>');
      expect(cell).not.toMatch(/onerror|<script|javascript:/i);
      expect(await page.evaluate('window.pwned')).toBeUndefined();
      await page.close();
    } finally {
      other.s.close();
    }
  });

  it('table and lifecycle views follow the filters', async () => {
    const page = await open('#/table?quadrant=ml-platforms');
    await page.waitForSelector('table.catalogue');
    const rows = await page.locator('table.catalogue tbody tr').count();
    expect(rows).toBe([...cat.placement.values()].filter((p) => p.quadrant === 'ml-platforms').length);
    await page.goto(base + '#/lifecycle?capability=model-serving');
    await page.waitForSelector('.lifecycle svg');
    expect(await page.locator('.lifecycle g.stage').count()).toBe(8);
    // Per stage, grouped by capability: tools holding it as a core feature; retired tools hidden unless asked.
    const coreServing = cat.tools.filter((t) => t.capabilities['model-serving']?.strength === 'core');
    const group = page.locator('section[data-stage-id="deployment"] [data-capability="model-serving"] li');
    expect(await group.count()).toBe(coreServing.filter((t) => !isRetired(t)).length);
    await page.getByLabel('include retired tools').check();
    await expect.poll(() => group.count()).toBe(coreServing.length);
    await page.close();
  });

  it('the static export works from a plain static file server under a sub-path', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mlnav-site-'));
    exportStaticSite({ webRoot, out: join(root, 'tools', 'mlops'), catalogue: cat, info, basePath: '/tools/mlops/' });
    const { server: files, url } = await startStaticServer(root);
    try {
      const page = await browser.newPage();
      await page.goto(`${url}/tools/mlops/`);
      await page.waitForSelector('.map svg g.mark', { state: 'attached' });
      expect(await page.locator('.map [data-tool-id]').count()).toBe(cat.tools.length);
      await page.getByRole('searchbox').fill('kubeflow');
      await expect.poll(() => shownCount(page)).toBeLessThan(cat.tools.length);
      await page.goto(`${url}/tools/mlops/#/tools/kubeflow`);
      await page.waitForSelector('.tool-page[data-tool-id="kubeflow"]');
      expect(await page.locator('.steps li').count()).toBeGreaterThan(3);
      await page.goto(`${url}/tools/mlops/#/radar`);
      await page.waitForSelector('.radar svg g.blip', { state: 'attached' });
      expect(await page.locator('.radar g.blip').count()).toBe(cat.tools.length);
      await page.close();
    } finally {
      files.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('links and the radar as controls (issue 14)', () => {
  it('a tool page has a mini map with the tool where its position says, and names a category/placement disagreement', async () => {
    const page = await open('#/tools/dask');
    await page.waitForSelector('[data-testid="minimap"] svg g.focus');
    // Dask's category (data orchestrators) belongs to another quadrant than its capabilities give it
    await expect.poll(() => page.textContent('[data-testid="disagreement"]')).toMatch(/places it in/);
    // the ringed marker sits on the side of the centre lines its position says
    const { fx, fy, mid, x, y } = await page.evaluate<{ fx: number; fy: number; mid: number; x: number; y: number }>(`(() => {
      const svg = document.querySelector('[data-testid="minimap"] svg');
      const c = svg.querySelector('g.focus circle');
      const fig = document.querySelector('[data-testid="minimap"] figcaption').textContent;
      const [, x, y] = /x (-?[0-9.]+), scope y (-?[0-9.]+)/.exec(fig);
      return { fx: Number(c.getAttribute('cx')), fy: Number(c.getAttribute('cy')), mid: Number(svg.getAttribute('width')) / 2, x: Number(x), y: Number(y) };
    })()`);
    expect(Math.sign(fx - mid)).toBe(Math.sign(x));
    expect(Math.sign(mid - fy)).toBe(Math.sign(y));
    await page.goto(base + '#/tools/mlflow');
    await page.waitForSelector('.tool-page[data-tool-id="mlflow"] [data-testid="minimap"] svg');
    expect(await page.$('[data-testid="disagreement"]')).toBeNull();
    await page.close();
  });

  it('an alias, a name or another case resolves to the tool, the address becomes its id, and the tab names it', async () => {
    const wandb = cat.tools.find((t) => t.aliases.some((a) => a.toLowerCase() === 'wandb'));
    const cases: Array<[string, string]> = [['MLflow', 'mlflow'], ...(wandb ? ([['wandb', wandb.id]] as Array<[string, string]>) : [])];
    for (const [asked, id] of cases) {
      const page = await open(`#/tools/${asked}`);
      await page.waitForSelector(`.tool-page[data-tool-id="${id}"]`);
      await expect.poll(() => page.evaluate<string>('location.hash')).toBe(`#/tools/${id}`);
      await expect.poll(() => page.title()).toBe(`${cat.byId.get(id)!.name} · MLOps Navigator`);
      await page.close();
    }
    expect(cases.length).toBe(wandb ? 2 : 1);
  });

  it('radar blips are focusable and open with a click or Enter; zooming on a quadrant filters the legend', async () => {
    const page = await open('#/radar');
    await page.waitForSelector('.radar svg g.blip', { state: 'attached' });
    const first = page.locator('.radar svg g.blip').first();
    const id = await first.getAttribute('data-blip-id');
    await first.dispatchEvent('click');
    await page.waitForSelector(`.blip-detail[data-blip-id="${id}"]`);
    await page.getByRole('button', { name: 'Close' }).click();
    await page.waitForSelector('.blip-detail', { state: 'detached' });
    const second = page.locator('.radar svg g.blip').nth(1);
    const id2 = await second.getAttribute('data-blip-id');
    await second.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.blip-detail[data-blip-id="${id2}"]`);
    const q = cat.tax.taxonomy.quadrants[0]!;
    await page.getByRole('button', { name: q.name, exact: true }).click();
    const inQuadrant = cat.tools.filter((t) => cat.placement.get(t.id)!.quadrant === q.id).length;
    await expect.poll(() => page.locator('table.legend tbody tr').count(), { timeout: 10_000 }).toBe(inQuadrant);
    await page.close();
  });

  it("the map's count follows the filters, on screen", async () => {
    const page = await open('#/?oss=true');
    await page.waitForSelector('.map svg g.mark', { state: 'attached' });
    const oss = cat.tools.filter((t) => t.openSource).length;
    await expect
      .poll(() => page.locator('.map svg text.subtitle').textContent())
      .toBe(`${oss} of ${cat.tools.length} tools shown · placement computed from capabilities`);
    await page.close();
  });

  it('a tool in maintenance states its status note once', async () => {
    const kept = cat.tools.find((t) => t.status.state === 'maintenance' && t.status.note);
    expect(kept, 'the catalogue has a tool in maintenance with a note').toBeDefined();
    const page = await open(`#/tools/${kept!.id}`);
    await page.waitForSelector(`.tool-page[data-tool-id="${kept!.id}"]`);
    const text = (await page.locator('.tool-page').textContent())!;
    expect(text.split(kept!.status.note!).length - 1).toBe(1);
    await page.close();
  });

  it('the hover card of a marker at the right edge stays on screen', async () => {
    const page = await open();
    await page.waitForSelector('.map svg g.mark', { state: 'attached' });
    // The right-most visible marker.
    const id = await page.evaluate<string>(`(() => {
      let best = null, bx = -1;
      for (const g of document.querySelectorAll('.map svg g.mark')) { const r = g.getBoundingClientRect(); if (r.width && r.right > bx) { bx = r.right; best = g.getAttribute('data-tool-id'); } }
      return best;
    })()`);
    await page.locator(`.map g.mark[data-tool-id="${id}"] circle`).hover({ force: true });
    await page.waitForSelector('.hover-card');
    const card = (await page.locator('.hover-card').boundingBox())!;
    const width = await page.evaluate<number>('document.documentElement.clientWidth');
    expect(card.x).toBeGreaterThanOrEqual(0);
    expect(card.x + card.width).toBeLessThanOrEqual(width);
    await page.close();
  });
});

describe('the guide and the catalogue in numbers (issue 14)', () => {
  it('the guide shows the landscape, lifecycle and radar pictures, every persona and quadrant name, and a worked placement', async () => {
    const page = await open();
    await page.locator('.top nav').getByRole('link', { name: 'Guide' }).click();
    await page.waitForSelector('.guide .landscape-figure svg');
    expect(page.url()).toContain('#/guide');
    const tax = cat.tax.taxonomy;
    // The pictures: the map's axes and quadrants, the diagonals over the map of every tool, the two loops, the radar of categories.
    const labels = await page.locator('.landscape-figure svg text').allTextContents();
    for (const q of tax.quadrants)
      expect(
        labels.filter((l) => l === q.name.toUpperCase()),
        q.name,
      ).toHaveLength(1);
    for (const end of [tax.axes.x.min, tax.axes.x.max, tax.axes.y.min, tax.axes.y.max]) expect(labels).toContain(end.label);
    expect(await page.locator('.map-figure svg g.mark').count()).toBe(cat.tools.length);
    expect(await page.locator('.map-figure svg g.line').count()).toBe(tax.diagonals.length);
    expect(await page.locator('.loops-figure svg g.stage').count()).toBe(tax.stages.length);
    await page.waitForSelector('.radar-figure svg g.blip', { state: 'attached' });
    expect(await page.locator('.radar-figure svg g.blip').count()).toBe(tax.categories.length);
    const text = (await page.locator('.guide').textContent())!;
    for (const name of [
      ...tax.personas.map((p) => p.name),
      ...tax.quadrants.map((q) => q.name),
      ...tax.rings.map((r) => r.name),
      ...tax.diagonals.map((d) => d.name),
    ])
      expect(text, name).toContain(name);
    for (const p of tax.personas) expect(await page.locator(`[data-persona="${p.id}"] h3`).textContent()).toBe(p.name);
    for (const q of tax.quadrants) expect(await page.locator(`.card[data-quadrant="${q.id}"] h3`).textContent()).toBe(q.name);
    // The worked example adds up a tool's placement; another tool can be picked.
    await page.waitForSelector('[data-testid="worked-example"] .steps li');
    expect(await page.locator('[data-testid="worked-example"] .steps li').count()).toBeGreaterThan(3);
    await page.locator('.worked select').selectOption('mlflow');
    await page.waitForSelector('[data-testid="worked-example"] a[href$="#/tools/mlflow"]');
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('the stats page draws a chart per dimension, and the quadrant counts add up to the number of tools', async () => {
    const page = await open('#/stats');
    await page.waitForSelector('.chart svg g.bar', { state: 'attached' });
    const dimensions = await page.locator('figure.chart').evaluateAll((els) => els.map((e) => e.getAttribute('data-dimension')));
    expect(dimensions).toEqual(['quadrant', 'category', 'capability', 'license', 'status', 'firstRelease']);
    for (const d of dimensions) expect(await page.locator(`figure[data-dimension="${d}"] svg g.bar`).count(), d!).toBeGreaterThan(0);
    const quadrantBars = await page
      .locator('figure[data-dimension="quadrant"] svg g.bar')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-key'), Number(e.getAttribute('data-value'))] as [string, number]));
    expect(quadrantBars.reduce((n, [, v]) => n + v, 0)).toBe(cat.tools.length);
    for (const [q, n] of quadrantBars) expect(n, q).toBe(cat.tools.filter((t) => cat.placement.get(t.id)!.quadrant === q).length);
    // Each chart reads as a table too, with the same numbers.
    await page.locator('figure[data-dimension="quadrant"] summary').click();
    const cells = await page.locator('figure[data-dimension="quadrant"] table tbody td').allTextContents();
    expect(cells.map(Number)).toEqual(quadrantBars.map(([, v]) => v));
    for (const [, n] of quadrantBars) expect(n).toBeGreaterThan(0);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('the guide and the stats page do not overflow sideways on a phone', async () => {
    for (const [hash, ready] of [
      ['#/guide', '[data-testid="worked-example"]'],
      ['#/stats', '.chart svg g.bar'],
    ] as const) {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await page.goto(base + hash);
      await page.waitForSelector(ready, { state: 'attached' });
      expect(await page.evaluate('document.documentElement.scrollWidth'), hash).toBeLessThanOrEqual(390);
      await page.close();
    }
  });
});
