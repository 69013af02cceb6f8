import type { Browser } from 'playwright-core';
import { serve, type ServerType } from '@hono/node-server';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../src/server/app.js';
import type { Catalogue } from '../../src/core/catalogue/catalogue.js';
import { chromiumAvailable, launchChromium } from './chromium.js';
import { buildWebApp } from './web-build.js';

export interface AppSession {
  browser: Browser;
  /** The served app's root URL, with a trailing slash. */
  base: string;
  /** The fresh web build the server serves. */
  webRoot: string;
  close(): Promise<void>;
}

/** The web app built from the current sources, served over loopback on the given catalogue, and a Chromium to drive it. */
export async function startAppSession(catalogue: Catalogue, info: Parameters<typeof createApp>[0]['info']): Promise<AppSession> {
  if (!chromiumAvailable()) throw new Error('Debian chromium is missing: `npm test` installs it (scripts/ensure-chromium.sh)');
  const webRoot = await buildWebApp();
  const app = createApp({ catalogue, info, webRoot });
  let server!: ServerType;
  const base = await new Promise<string>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (addr) => resolve(`http://127.0.0.1:${addr.port}/`));
  });
  const browser = await launchChromium();
  return {
    browser,
    base,
    webRoot,
    async close() {
      await browser.close();
      server.close();
      rmSync(join(webRoot, '..'), { recursive: true, force: true });
    },
  };
}
