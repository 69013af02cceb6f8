import { describe, expect, it } from 'vitest';
import { parseYaml, MAX_YAML_BYTES } from '../src/formats/yaml-source.js';
import { exportByorCsv } from '../src/formats/radar/byor.js';
import { layoutLandscape, renderLandscapeSvg } from '../src/core/render/landscape.js';
import { svgToPng } from '../src/export/png.js';
import { parseStackText } from '../src/formats/stack-file.js';
import { bundledCatalogue } from './helpers/bundled.js';

/** Bad input that used to hurt (issue: hardening), each with a test that fails on the old code. */
describe('bounded parsers and safe outputs', () => {
  const bomb = [
    'a: &a [x, x, x, x, x, x, x, x, x, x]',
    ...Array.from(
      { length: 8 },
      (_, i) =>
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(', ')}]`,
    ),
  ].join('\n');

  it('a YAML alias bomb is refused with a located problem instead of being expanded', () => {
    expect(bomb.length).toBeLessThan(2000);
    const src = parseYaml('bomb.yaml', bomb);
    expect(src.data).toBeUndefined();
    expect(src.problems).toEqual([expect.objectContaining({ file: 'bomb.yaml', severity: 'error', message: expect.stringMatching(/alias/i) })]);
    // The same through the stack-file reader: refused, not analysed.
    const { stack, problems } = parseStackText(
      `name: x\nteams:\n  - name: t\n    persona: researcher\n    tools: []\nextra:\n${bomb
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n')}\n`,
      'stack.yaml',
      bundledCatalogue(),
    );
    expect(stack).toBeUndefined();
    expect(problems.length).toBeGreaterThan(0);
  });

  it('a few aliases are fine, and an oversized file is refused by size', () => {
    expect(parseYaml('ok.yaml', 'a: &a [1, 2]\nb: *a\n').data).toEqual({ a: [1, 2], b: [1, 2] });
    const big = parseYaml('big.yaml', `a: "${'x'.repeat(MAX_YAML_BYTES)}"`);
    expect(big.problems[0]!.message).toMatch(/too large/);
  });

  it('CSV export neutralises formula cells (=, +, -, @)', () => {
    const radar = {
      title: 't',
      rings: [{ id: 'adopt', name: 'Adopt' }],
      quadrants: [{ id: 'q', name: 'Q' }],
      editions: [
        {
          date: '2026-12-01',
          blips: [
            { id: 'a', name: '=HYPERLINK("http://evil.example","x")', quadrant: 'q', ring: 'adopt', rationale: '+1 great' },
            { id: 'b', name: '@SUM(A1)', quadrant: 'q', ring: 'adopt', rationale: '-2' },
            { id: 'c', name: 'Plain', quadrant: 'q', ring: 'adopt', rationale: 'fine' },
          ],
        },
      ],
    };
    const csv = exportByorCsv(radar as never);
    expect(csv).not.toMatch(/(^|,)"?[=+@-]/m);
    expect(csv).toContain(`'=HYPERLINK`);
    expect(csv).toContain(`'@SUM`);
    expect(csv).toContain('Plain');
  });

  it('control characters in names keep the SVG valid XML and the PNG export working', () => {
    const quadrants = bundledCatalogue().tax.taxonomy.quadrants;
    const svg = renderLandscapeSvg(
      layoutLandscape([{ id: 'x', name: 'bad\u0001name\u001b[31m', x: 0.5, y: 0.5, quadrant: 'ml-platforms' }], { quadrants, width: 400, height: 300 }),
    );
    // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids
    expect(svg).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(svg).toContain('bad\uFFFDname\uFFFD[31m');
    const png = svgToPng(svg);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });
});

describe('outputs never delete what mlnav did not write', () => {
  it('build --out refuses a folder of other files, replaces only its own earlier output, and --force deletes nothing', async () => {
    const { mkdtempSync, writeFileSync, existsSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { exportAoe } = await import('../src/formats/radar/aoe.js');
    const root = mkdtempSync(join(tmpdir(), 'mlnav-out-'));
    const radar = {
      title: 't',
      rings: [{ id: 'adopt', name: 'Adopt' }],
      quadrants: [{ id: 'q', name: 'Q' }],
      editions: [{ date: '2026-12-01', blips: [{ id: 'a', name: 'A', quadrant: 'q', ring: 'adopt', rationale: 'why' }] }],
    };
    // An AOE project's own files are never deleted.
    const project = join(root, 'aoe');
    (await import('node:fs')).mkdirSync(project);
    writeFileSync(join(project, 'config.json'), '{"title":"ours"}');
    expect(() => exportAoe(radar as never, project)).toThrow(/not empty and was not written by mlnav/);
    expect(readFileSync(join(project, 'config.json'), 'utf8')).toBe('{"title":"ours"}');
    exportAoe(radar as never, project, { force: true });
    expect(readFileSync(join(project, 'config.json'), 'utf8')).toBe('{"title":"ours"}');
    expect(existsSync(join(project, '001-2026-12-01', 'a.md'))).toBe(true);
    // A second export replaces only its own files (the blip renamed: the old file goes, the project stays).
    exportAoe({ ...radar, editions: [{ date: '2026-12-01', blips: [{ id: 'b', name: 'B', quadrant: 'q', ring: 'adopt' }] }] } as never, project);
    expect(existsSync(join(project, '001-2026-12-01', 'a.md'))).toBe(false);
    expect(existsSync(join(project, '001-2026-12-01', 'b.md'))).toBe(true);
    expect(readFileSync(join(project, 'config.json'), 'utf8')).toBe('{"title":"ours"}');
    // The CLI's build: an unrelated file in the target is refused with exit 1, and kept.
    const site = join(root, 'site');
    (await import('node:fs')).mkdirSync(site);
    writeFileSync(join(site, 'notes.txt'), 'mine');
    const { runCli } = await import('./helpers/cli.js');
    const r = await runCli(['--db', join(root, 'x.db'), 'build', '--out', site]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not empty and was not written by mlnav/);
    expect(readFileSync(join(site, 'notes.txt'), 'utf8')).toBe('mine');
  });
});

describe('catalogue folders: only regular files, inside the folder, as UTF-8', () => {
  it('a FIFO, a symlink out of the folder, an empty file and a Latin-1 file are each refused by name; nothing hangs', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, readFileSync } = await import('node:fs');
    const { execFileSync } = await import('node:child_process');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { loadCatalogueFolder } = await import('../src/formats/catalogue-folder.js');
    const { bundledTaxonomy, bundledDataDir } = await import('../src/app/paths.js');
    const root = mkdtempSync(join(tmpdir(), 'mlnav-files-'));
    const tools = join(root, 'cat', 'tools');
    mkdirSync(tools, { recursive: true });
    const optuna = readFileSync(join(bundledDataDir, 'tools', 'optuna.yaml'), 'utf8')
      .replace(/^worksWith: .*$/m, 'worksWith: []')
      .replace(/^competesWith: .*$/m, 'competesWith: []');
    writeFileSync(join(tools, 'optuna.yaml'), optuna);
    execFileSync('mkfifo', [join(tools, 'fifo.yaml')]);
    writeFileSync(join(root, 'outside.yaml'), optuna.replace('id: optuna', 'id: outside'));
    symlinkSync(join(root, 'outside.yaml'), join(tools, 'outside.yaml'));
    writeFileSync(join(tools, 'empty.yaml'), '# nothing here\n');
    writeFileSync(join(tools, 'latin.yaml'), Buffer.from(optuna.replace('id: optuna', 'id: latin').replace('Optuna', 'Optuna caf\u00e9'), 'latin1'));
    const { problems, tools: loaded } = loadCatalogueFolder(join(root, 'cat'), { fallbackTaxonomy: bundledTaxonomy });
    const about = (f: string) =>
      problems
        .filter((p) => p.file.endsWith(f))
        .map((p) => p.message)
        .join(' ');
    expect(about('fifo.yaml')).toMatch(/not a regular file \(a FIFO\)/);
    expect(about('outside.yaml')).toMatch(/symbolic link out of the folder/);
    expect(about('empty.yaml')).toMatch(/empty file/);
    expect(about('latin.yaml')).toMatch(/not UTF-8/);
    expect(loaded.map((t) => t.id)).toEqual(['optuna']);
  });
});

describe('HTTP: conditional requests, media types, credentials, validation', () => {
  it('304 only for a representation that exists; media types case-insensitive; strict Bearer; an unknown cloud is a 400', async () => {
    const { createApp } = await import('../src/server/app.js');
    const { bundledCatalogue: cat } = await import('./helpers/bundled.js');
    const app = createApp({ catalogue: cat(), info: { sourceHash: 'h', loadedAt: '2026-12-01T00:00:00Z', source: 'bundled' } });
    const ok = await app.request('/api/tools?limit=1');
    const etag = ok.headers.get('ETag')!;
    expect((await app.request('/api/tools?limit=1', { headers: { 'If-None-Match': etag } })).status).toBe(304);
    expect((await app.request('/api/tools/no-such-tool', { headers: { 'If-None-Match': etag } })).status).toBe(404);
    expect((await app.request('/api/tools?limit=0', { headers: { 'If-None-Match': etag } })).status).toBe(400);
    const rec = (type: string, body: unknown) =>
      app.request('/api/recommend', { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': type } });
    expect((await rec('APPLICATION/JSON', { needs: ['model-serving'] })).status).toBe(200);
    expect((await rec('application/json; charset=utf-8', { needs: ['model-serving'] })).status).toBe(200);
    expect((await rec('application/jsonx', { needs: ['model-serving'] })).status).toBe(415);
    expect((await rec('application/json', { needs: ['model-serving'], cloud: 'nowhere' })).status).toBe(400);
    const save = (auth: string) =>
      app.request('/api/stacks', {
        method: 'POST',
        body: JSON.stringify({ name: 'x', teams: [{ name: 't', persona: 'researcher', tools: [] }] }),
        headers: { 'Content-Type': 'application/json', Authorization: auth },
      });
    expect((await save('secret')).status).toBe(401);
    expect((await save('Basic secret')).status).toBe(401);
  });
});

describe('serving: a taken port, malformed requests, shutdown', () => {
  it('a taken port is a clear error (exit 1); a malformed request gets 400 with the security headers; shutdown ends', async () => {
    const { createApp } = await import('../src/server/app.js');
    const { listen } = await import('../src/server/listen.js');
    const { bundledCatalogue: cat } = await import('./helpers/bundled.js');
    const { connect } = await import('node:net');
    const app = createApp({ catalogue: cat(), info: { sourceHash: 'h', loadedAt: '2026-12-01T00:00:00Z', source: 'bundled' } });
    const first = await listen(app, { port: 0, host: '127.0.0.1' });
    await expect(listen(app, { port: first.port, host: '127.0.0.1' })).rejects.toThrow(/already taken/);
    const { runCli } = await import('./helpers/cli.js');
    const { mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const r = await runCli(['--db', join(mkdtempSync(join(tmpdir(), 'mlnav-port-')), 'x.db'), 'serve', '--port', String(first.port)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/port \d+ on 127\.0\.0\.1 is already taken/);
    const answer = await new Promise<string>((resolve) => {
      const s = connect(first.port, '127.0.0.1', () => s.write('GARBAGE \x00\r\n\r\n'));
      let data = '';
      s.on('data', (d) => (data += d));
      s.on('close', () => resolve(data));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(answer).toMatch(/X-Content-Type-Options: nosniff/);
    expect(answer).toMatch(/Content-Security-Policy:/);
    await first.close(1000);
  });
});

describe('databases: a clear error naming the file, never a stack trace', () => {
  it('garbage, a truncated file and a folder as --db exit 1 naming the file; a read-only database is still read', async () => {
    const { mkdtempSync, writeFileSync, mkdirSync, readFileSync, chmodSync, copyFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { runCli } = await import('./helpers/cli.js');
    const root = mkdtempSync(join(tmpdir(), 'mlnav-db-'));
    const garbage = join(root, 'garbage.db');
    writeFileSync(garbage, 'this is not sqlite at all, just some text that goes on for a while '.repeat(100));
    const g = await runCli(['--db', garbage, 'tools']);
    expect(g.code).toBe(1);
    expect(g.stderr).toMatch(/garbage\.db is not an mlnav database/);
    expect(g.stderr).not.toMatch(/internal error|at .*\.js/);
    const dir = join(root, 'folder.db');
    mkdirSync(dir);
    const d = await runCli(['--db', dir, 'tools']);
    expect(d.code).toBe(1);
    expect(d.stderr).toMatch(/folder\.db is a folder/);
    // A good database, then a truncated copy of it.
    const good = join(root, 'good.db');
    expect((await runCli(['--db', good, 'tools', '--json'])).code).toBe(0);
    const bytes = readFileSync(good);
    writeFileSync(join(root, 'cut.db'), bytes.subarray(0, 4096 + 100));
    const c = await runCli(['--db', join(root, 'cut.db'), 'tools']);
    expect(c.code).toBe(1);
    expect(c.stderr).toMatch(/cut\.db (is damaged|is not an mlnav database|holds no catalogue)/);
    // Read-only: reads work (the process runs as root here, so the folder is made read-only too where it matters).
    const roDir = join(root, 'ro');
    mkdirSync(roDir);
    const ro = join(roDir, 'ro.db');
    copyFileSync(good, ro);
    chmodSync(ro, 0o444);
    const r = await runCli(['--db', ro, 'tools', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).length).toBeGreaterThan(100);
  });
});
