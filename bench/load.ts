/**
 * Load test (issue 11): `mlnav serve` on the bundled catalogue (its worker pool, a fresh SQLite file),
 * 63 connections for 30 s on a mix of reads, stack analyses and recommendations (a child process running
 * autocannon), and a 64th connection probing /api/health one request at a time. The probe's p99 under
 * load is compared with its p99 on the idle server, measured first in the same run.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { freePort } from './free-port.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'node:http';
import type autocannon from 'autocannon';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = join(here, '..', '..');

/** Sequential GETs of /api/health over one kept-alive connection for `seconds`: each latency in ms. */
async function probe(port: number, seconds: number): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const out: number[] = [];
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const t0 = performance.now();
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/health', agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end();
    });
    if (status !== 200) throw new Error(`health answered ${status}`);
    out.push(performance.now() - t0);
  }
  agent.destroy();
  return out;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

export async function benchLoad(seconds = 30, connections = 63) {
  const dir = mkdtempSync(join(tmpdir(), 'mlnav-load-'));
  const port = await freePort();
  const server = spawn(process.execPath, [join(repo, 'bin', 'mlnav'), 'serve', '--port', String(port)], {
    env: { ...process.env, MLNAV_DB: join(dir, 'load.db') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.stdout!.on('data', (d: Buffer) => String(d).includes('MLOps Navigator on') && resolve());
      server.once('exit', (code) => reject(new Error(`mlnav serve exited with ${code}`)));
    });
    await probe(port, 2); // warm-up
    const idle = await probe(port, 10);
    const client = spawn(process.execPath, [join(here, 'load-client.js'), `http://127.0.0.1:${port}`, String(connections), String(seconds)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    client.stdout!.on('data', (d: Buffer) => (text += d));
    const done = new Promise<void>((resolve) => client.once('exit', () => resolve()));
    const loaded = await probe(port, seconds - 1);
    await done;
    const r = JSON.parse(text) as autocannon.Result;
    return {
      connections: connections + 1,
      seconds,
      requests: r.requests.total,
      rps: r.requests.average,
      errors: r.errors,
      timeouts: r.timeouts,
      non2xx: r.non2xx,
      statusCodes: r.statusCodeStats,
      p99Ms: r.latency.p99,
      health: { idleP99: pct(idle, 99), idleMedian: pct(idle, 50), loadP99: pct(loaded, 99), loadMedian: pct(loaded, 50), probes: loaded.length },
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}
