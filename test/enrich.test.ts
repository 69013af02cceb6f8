import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { bundledDataDir } from '../src/app/paths.js';
import { withEnrichment } from '../src/app/enrich-files.js';
import { runCli } from './helpers/cli.js';

/**
 * `mlnav enrich` against a local fake of the GitHub REST API that replays answers in the real API's
 * shape (test/fixtures/github). Offline: the fake listens on loopback only.
 */
const fixtures = join(import.meta.dirname, 'fixtures', 'github');
let server: Server;
let api: string;
/** Requests the fake has seen, and how it should misbehave next. */
const seen: string[] = [];
let rateLimitOnce = false;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    seen.push(`${path} ${req.headers['x-github-api-version'] ?? ''}`);
    if (rateLimitOnce) {
      rateLimitOnce = false;
      res.writeHead(403, { 'content-type': 'application/json', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 1) });
      return res.end(
        JSON.stringify({
          message: 'API rate limit exceeded',
          documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting',
        }),
      );
    }
    const file = join(fixtures, `${path}.json`);
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'application/json', 'x-ratelimit-remaining': '59' });
      return res.end(JSON.stringify({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest' }));
    }
    res.writeHead(200, { 'content-type': 'application/json', 'x-ratelimit-remaining': '58' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  api = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(() => server?.close());

function catalogueCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'mlnav-enrich-')), 'cat');
  cpSync(bundledDataDir, dir, { recursive: true });
  return dir;
}
const toolFile = (dir: string, id: string) => readFileSync(join(dir, 'tools', `${id}.yaml`), 'utf8');
const today = new Date().toISOString().slice(0, 10);

async function enrich(args: string[], apiUrl = api) {
  const before = process.env.GITHUB_API_URL;
  process.env.GITHUB_API_URL = apiUrl;
  try {
    return await runCli(['enrich', ...args]);
  } finally {
    if (before === undefined) delete process.env.GITHUB_API_URL;
    else process.env.GITHUB_API_URL = before;
  }
}

describe('mlnav enrich', () => {
  it('writes a new release, stars and last push into the tool file, with source and date; nothing else in the file changes', async () => {
    const dir = catalogueCopy();
    const old = toolFile(dir, 'mlflow');
    const r = await enrich([dir, '--tool', 'mlflow']);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    const text = toolFile(dir, 'mlflow');
    const doc = parse(text) as { activity: Record<string, unknown>; review?: unknown };
    expect(doc.activity).toEqual({
      stars: 23456,
      latestRelease: { tag: 'v3.9.0', date: '2026-11-25' },
      archived: false,
      license: 'Apache-2.0',
      pushedAt: '2026-11-30',
      source: 'https://api.github.com/repos/mlflow/mlflow',
      checked: today,
    });
    expect(doc.review).toBeUndefined();
    // Take the new block out again and the file is byte for byte what it was.
    expect(text.replace(/^activity:\n(?:[ ].*\n)+/m, '')).toBe(old);
    expect(seen.some((s) => s.startsWith('/repos/mlflow/mlflow/releases/latest 2022-11-28'))).toBe(true);
    // The enriched folder still validates.
    expect((await runCli(['validate', dir])).code).toBe(0);
  });

  it('an archived repository is flagged for review; the status is not overwritten', async () => {
    const dir = catalogueCopy();
    const r = await enrich([dir, '--tool', 'optuna']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/optuna status\.state: the repository is archived \(the catalogue says active\)/);
    const doc = parse(toolFile(dir, 'optuna')) as { status: { state: string }; activity: { archived: boolean }; review: Array<{ field: string }> };
    expect(doc.status.state).toBe('active');
    expect(doc.activity.archived).toBe(true);
    expect(doc.review).toEqual([expect.objectContaining({ field: 'status.state', source: 'https://api.github.com/repos/optuna/optuna', checked: today })]);
  });

  it('a licence change is flagged for review; the licence is not overwritten; a repository without releases has none', async () => {
    const dir = catalogueCopy();
    const r = await enrich([dir, '--tool', 'grafana', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.review).toEqual([{ tool: 'grafana', items: [expect.objectContaining({ field: 'license', found: expect.stringContaining('Apache-2.0') })] }]);
    const doc = parse(toolFile(dir, 'grafana')) as { license: string; activity: { latestRelease: unknown } };
    expect(doc.license).toBe('AGPL-3.0-only');
    expect(doc.activity.latestRelease).toBeNull();
  });

  it('waits out the rate limit (403 with no requests left) and then goes on', async () => {
    const dir = catalogueCopy();
    rateLimitOnce = true;
    const r = await enrich([dir, '--tool', 'mlflow']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/waiting \d+ s for GitHub's rate limit/);
    expect((parse(toolFile(dir, 'mlflow')) as { activity: { stars: number } }).activity.stars).toBe(23456);
  });

  it('a network error gives a clear message, exit 1, and writes nothing', async () => {
    const dir = catalogueCopy();
    const before = ['mlflow', 'optuna', 'grafana'].map((id) => toolFile(dir, id));
    const r = await enrich([dir, '--tool', 'mlflow'], 'http://127.0.0.1:9');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/enrich stopped, nothing written: cannot reach http:\/\/127\.0\.0\.1:9/);
    expect(['mlflow', 'optuna', 'grafana'].map((id) => toolFile(dir, id))).toEqual(before);
  });

  it('--since skips tools enriched within that many days', async () => {
    const dir = catalogueCopy();
    await enrich([dir, '--tool', 'mlflow']);
    const n = seen.length;
    const r = await enrich([dir, '--tool', 'mlflow', '--since', '7', '--json']);
    expect(JSON.parse(r.stdout).skipped).toEqual([{ tool: 'mlflow', why: 'fresh' }]);
    expect(seen.length).toBe(n);
  });

  it('replaces its own blocks on a second run instead of adding more', () => {
    const activity = {
      stars: 1,
      latestRelease: null,
      archived: false,
      license: null,
      pushedAt: '2026-01-01',
      source: 'https://api.github.com/repos/a/b',
      checked: '2026-12-01',
    };
    const once = withEnrichment('id: x\nname: X\nsources:\n  license: { url: https://a.example, checked: 2026-12-01 }\n', activity, []);
    const twice = withEnrichment(once, { ...activity, stars: 2 }, []);
    expect(twice.match(/^activity:/gm)).toHaveLength(1);
    expect(twice).toContain('stars: 2');
    expect(twice.indexOf('activity:')).toBeLessThan(twice.indexOf('sources:'));
  });
});
