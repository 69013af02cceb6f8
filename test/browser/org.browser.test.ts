import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { serve, type ServerType } from '@hono/node-server';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type ServedApp } from '../../src/server/app.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { hashPassword } from '../../src/app/credentials.js';
import { bundledCatalogue } from '../helpers/bundled.js';
import { chromiumAvailable, launchChromium } from './chromium.js';
import { buildWebApp } from './web-build.js';

/**
 * The organisation's radar in the browser: sign in, create a radar, add three blips, publish, move one,
 * publish again and read the move in the diff; a viewer sees no edit controls; a viewer's proposal,
 * approved by an editor, changes the tool page, whose history says who and why.
 */
const cat = bundledCatalogue();
const PASSWORD = 'a long test password';
let browser: Browser;
let server: ServerType;
let base: string;
let webRoot: string;
let dir: string;
let store: SqliteStore;
let app: ServedApp;
/** Screenshots for the session's notes (looked at by the engineer; not compared). */
const shots = process.env.MLNAV_SCREENSHOTS;

beforeAll(async () => {
  if (!chromiumAvailable()) throw new Error('Debian chromium is missing: `npm test` installs it (scripts/ensure-chromium.sh)');
  webRoot = await buildWebApp();
  dir = mkdtempSync(join(tmpdir(), 'mlnav-org-web-'));
  store = await SqliteStore.open(join(dir, 'org.db'));
  await store.replaceCatalogue({ taxonomy: cat.tax.taxonomy, tools: cat.tools, source: 'bundled', sourceHash: 'web' });
  const hash = await hashPassword(PASSWORD);
  await store.addUser({ name: 'ed', role: 'editor', passwordHash: hash }, { user: 'test' });
  await store.addUser({ name: 'vi', role: 'viewer', passwordHash: hash }, { user: 'test' });
  const info = (await store.info())!;
  app = createApp({ catalogue: cat, info, webRoot, store });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (addr) => {
      base = `http://127.0.0.1:${addr.port}/`;
      resolve();
    });
  });
  browser = await launchChromium();
  if (shots) mkdirSync(shots, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  await app?.stop?.();
  await store?.close();
  if (webRoot) rmSync(join(webRoot, '..'), { recursive: true, force: true });
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function signedIn(name: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}#/signin`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('.account', { hasText: name }).waitFor();
  return { context, page, errors };
}

describe('the organisation in the web app', () => {
  it('an editor creates a radar, adds three blips, publishes, moves one, publishes again; the diff shows the move', async () => {
    const { context, page, errors } = await signedIn('ed');
    await page.goto(`${base}#/radars`);
    await page.getByLabel('Title').fill('Platform radar');
    await page.getByRole('button', { name: 'Create radar' }).click();
    await page.waitForURL(/#\/radars\/platform-radar\?view=edit/);
    const add = async (name: string, ring: string) => {
      await page.getByLabel('Tool or item').fill(name);
      await page.locator('.add-blip select[name=ring]').selectOption(ring);
      await page.getByLabel('Rationale (Markdown)').fill(`We **${ring}** ${name}.`);
      await page.getByRole('button', { name: 'Add to draft' }).click();
      await page.locator(`.draft tbody tr`, { hasText: name }).waitFor();
    };
    await add('MLflow', 'adopt');
    await add('Apache Airflow', 'trial');
    await add('Our feature pipeline', 'assess');
    expect(await page.locator('.draft tbody tr').count()).toBe(3);
    expect(await page.locator('.draft tbody tr[data-blip-id=mlflow] a').getAttribute('href')).toBe('#/tools/mlflow');
    await page.getByLabel('Edition date').fill('2026-06-01');
    await page.getByRole('button', { name: 'Publish the draft as an edition' }).click();
    await page.getByText('last published 2026-06-01').waitFor();
    // Move Airflow in, and publish again.
    const airflow = await page.locator('.draft tbody tr', { hasText: 'Apache Airflow' }).getAttribute('data-blip-id');
    await page.getByLabel('Ring of Apache Airflow').selectOption('adopt');
    await page.locator(`.draft tbody tr[data-blip-id=${airflow}] td:nth-child(4)`, { hasText: 'moved-in' }).waitFor();
    await page.getByLabel('Rationale of Apache Airflow').fill('Proven on every team');
    await page.getByLabel('Rationale of Apache Airflow').press('Enter');
    await page.getByLabel('Edition date').fill('2026-12-01');
    await page.getByRole('button', { name: 'Publish the draft as an edition' }).click();
    await page.getByText('last published 2026-12-01').waitFor();
    if (shots) await page.screenshot({ path: join(shots, 'radar-editor.png'), fullPage: true });
    await page.getByRole('link', { name: 'What changed' }).click();
    await page.locator('.diff[data-edition="2026-12-01"]').waitFor();
    const moved = await page.locator('.diff-list.moved li').allTextContents();
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatch(/Apache Airflow: Trial → Adopt \(in, .+\) — Proven on every team/);
    expect(await page.locator('.diff-list.entered li').count()).toBe(0);
    if (shots) await page.screenshot({ path: join(shots, 'edition-diff.png'), fullPage: true });
    // The published radar at its own URL, drawn by the shared renderer, with both editions.
    await page.goto(`${base}#/radars/platform-radar`);
    await page.locator('.radar svg g.blip').first().waitFor({ state: 'attached' });
    expect(await page.locator('.radar svg g.blip').count()).toBe(3);
    expect(await page.locator('.radar-page select option').allTextContents()).toEqual(['2026-06-01', '2026-12-01']);
    // And embeddable: the same radar without the app's chrome.
    await page.goto(`${base}embed#/radars/platform-radar`);
    await page.locator('.radar svg g.blip').first().waitFor({ state: 'attached' });
    expect(await page.locator('header.top').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a viewer sees the radar but no edit controls', async () => {
    const { context, page } = await signedIn('vi');
    await page.goto(`${base}#/radars/platform-radar`);
    await page.locator('.radar svg g.blip').first().waitFor({ state: 'attached' });
    expect(await page.getByRole('link', { name: 'Edit draft' }).count()).toBe(0);
    await page.goto(`${base}#/radars/platform-radar?view=edit`);
    await page.locator('.radar svg').waitFor({ state: 'attached' });
    expect(await page.locator('.draft-editor').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Publish the draft as an edition' }).count()).toBe(0);
    await page.goto(`${base}#/radars`);
    await page.locator('[data-radar-id=platform-radar]').waitFor();
    expect(await page.getByRole('button', { name: 'Create radar' }).count()).toBe(0);
    // What a viewer can do: propose a move from the radar, for an editor to review.
    await page.goto(`${base}#/radars/platform-radar`);
    await page.getByRole('heading', { name: 'Propose a move' }).waitFor();
    await page.getByLabel('Blip').selectOption('mlflow');
    await page.getByLabel('To ring').selectOption(cat.tax.taxonomy.rings[1]!.id);
    await page.getByLabel('Why', { exact: true }).fill('We are moving off it');
    await page.getByRole('button', { name: 'Propose the move' }).click();
    await page.getByRole('status').filter({ hasText: 'waiting for review' }).waitFor();
    await context.close();
  });

  it("a viewer's proposal, approved by an editor, changes the tool page; its history shows who and why", async () => {
    const viewer = await signedIn('vi');
    await viewer.page.goto(`${base}#/tools/optuna`);
    await viewer.page.getByRole('heading', { name: 'Propose a change' }).waitFor();
    await viewer.page.getByLabel('New value').fill('Hyperparameter search that we run on every training job.');
    await viewer.page.getByLabel('Why', { exact: true }).fill('This is how we use it');
    await viewer.page.getByRole('button', { name: 'Propose' }).click();
    await viewer.page.getByRole('status').filter({ hasText: 'waiting for review' }).waitFor();
    await viewer.context.close();

    const editor = await signedIn('ed');
    await editor.page.goto(`${base}#/proposals`);
    const item = editor.page.locator('.proposal', { hasText: 'optuna' });
    await item.waitFor();
    expect(await item.textContent()).toMatch(/This is how we use it.+vi/);
    if (shots) await editor.page.screenshot({ path: join(shots, 'review-queue.png'), fullPage: true });
    await item.getByLabel(/Comment on proposal/).fill('Matches our usage');
    await item.getByRole('button', { name: 'Approve' }).click();
    await item.waitFor({ state: 'detached' });
    // A fresh load of the tool page: the approved description, and who changed it and why.
    // The server rebuilds its catalogue after the approval (in the background): reload until the page shows it.
    await expect
      .poll(
        async () => {
          await editor.page.goto(`${base}#/tools/optuna`);
          await editor.page.reload();
          await editor.page.locator('.tool-page').waitFor();
          return editor.page.locator('.tool-page').textContent();
        },
        { timeout: 15_000 },
      )
      .toMatch(/Hyperparameter search that we run on every training job\./);
    await editor.page.getByText('Hyperparameter search that we run on every training job.').first().waitFor();
    // The history arrives in a request of its own: poll for it.
    await expect.poll(() => editor.page.getByTestId('history').textContent(), { timeout: 10_000 }).toMatch(/ed changed description — “This is how we use it”/);
    await editor.context.close();
  });

  it('stacks are saved from the builder: a Unicode name keeps its letters, a taken name is refused and becomes a new revision', async () => {
    const { context, page, errors } = await signedIn('ed');
    const persona = cat.tax.taxonomy.personas[0]!.id;
    await page.goto(`${base}#/stack?teams=${encodeURIComponent(`Équipe~${persona}~mlflow.optuna`)}`);
    await page.getByLabel('Save as').fill('Données ML');
    await page.getByRole('button', { name: 'Save stack' }).click();
    await page.waitForURL(/saved=/);
    expect(decodeURIComponent(page.url())).toMatch(/saved=données-ml/);
    await page.getByRole('button', { name: 'Save stack' }).click();
    await page.getByRole('alert').filter({ hasText: 'exists' }).waitFor();
    await page.getByRole('button', { name: /Save as a new revision of “données-ml”/ }).click();
    await expect.poll(() => page.getByLabel('Revisions of the open stack').locator('li').count(), { timeout: 10_000 }).toBe(2);
    expect(await page.getByLabel('Revisions of the open stack').textContent()).toMatch(/Revision 2: .+ by ed/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
