import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * What `npm pack` ships is what an installed `mlnav` has: the tarball is unpacked into a temporary
 * folder (with this checkout's node_modules beside it, as `npm install` would put the dependencies)
 * and its own `mlnav serve` must serve the web app, not only the API. Needs the build (`npm ci` runs it).
 */
const root = resolve(import.meta.dirname, '..');
const built = existsSync(join(root, 'dist-web', 'index.html')) && existsSync(join(root, 'dist', 'cli', 'run.js'));
const dir = mkdtempSync(join(tmpdir(), 'mlnav-pack-'));
let server: ChildProcess | undefined;
afterAll(() => {
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

const freePort = () =>
  new Promise<number>((done, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });

describe.skipIf(!built)('the packed package', () => {
  it('holds the CLI, the compiled code, the bundled data and the web build, and none of the sources or tests', () => {
    const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8' });
    const [info] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
    const files = info!.files.map((f) => f.path);
    for (const f of ['bin/mlnav', 'dist/cli/run.js', 'dist-web/index.html', 'data/taxonomy.yaml', 'package.json']) expect(files, f).toContain(f);
    expect(files.some((f) => /^dist-web\/assets\/.+\.js$/.test(f))).toBe(true);
    expect(files.filter((f) => /^(src|test|web|scripts|bench)\//.test(f))).toEqual([]);
    execFileSync('tar', ['-xzf', join(dir, info!.filename), '-C', dir]);
    symlinkSync(join(root, 'node_modules'), join(dir, 'package', 'node_modules'), 'dir');
  });

  it('serves the web app from the installed copy (its own dist-web), with the bundled catalogue in a new database', async () => {
    const port = await freePort();
    server = spawn(process.execPath, [join(dir, 'package', 'bin', 'mlnav'), 'serve', '--port', String(port)], {
      cwd: dir,
      env: { ...process.env, MLNAV_DB: join(dir, 'installed.db') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    server.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    const base = `http://127.0.0.1:${port}`;
    let index: Response | undefined;
    for (let i = 0; i < 300 && !index; i++) {
      index = await fetch(base + '/').catch(() => undefined);
      if (!index) await new Promise((r) => setTimeout(r, 100)); // polling for the port, not timing anything
    }
    expect(index, stderr).toBeDefined();
    expect(index!.status).toBe(200);
    const html = await index!.text();
    const script = html.match(/src="\.?\/?(assets\/[^"]+\.js)"/)?.[1];
    expect(script, html.slice(0, 500)).toBeDefined();
    expect((await fetch(`${base}/${script}`)).status).toBe(200);
    const health = (await (await fetch(base + '/api/health')).json()) as { tools: number };
    expect(health.tools).toBeGreaterThanOrEqual(400);
    expect(stderr).not.toContain('not built');
    expect(existsSync(join(dir, 'installed.db'))).toBe(true);
  }, 60_000);
});
