import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/server/app.js';
import { bundledCatalogue } from './helpers/bundled.js';

const dir = mkdtempSync(join(tmpdir(), 'mlnav-static-'));
const webRoot = join(dir, 'web');
mkdirSync(join(webRoot, 'assets'), { recursive: true });
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>app</title>');
writeFileSync(join(webRoot, 'assets', 'app-123.js'), 'console.log(1)');
writeFileSync(join(dir, 'secret.txt'), 'do not serve');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const app = createApp({ catalogue: bundledCatalogue(), info: { sourceHash: 't', loadedAt: '2026-11-27T00:00:00Z', source: 'bundled' }, webRoot });

describe('serving the built web app', () => {
  it('serves index.html (not cached) and hashed assets (cached for a year)', async () => {
    const index = await app.request('/');
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    const asset = await app.request('/assets/app-123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('never lets a path escape the static root', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '//secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
    ]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('do not serve');
    }
  });
});
