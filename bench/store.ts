/**
 * Store benchmark (issue 12): the organisation's API on SQLite and on PostgreSQL, in the same run.
 * One `mlnav serve` per store, each seeded alike (a radar of 200 blips with two editions, 100 open
 * proposals); autocannon in its own process. Reads: radar, proposals, radar list, edition diff. Mixed:
 * the same reads with one write in three (a blip upsert, a proposal). Rounds alternate between the
 * stores so a drifting machine affects both; the ratio PostgreSQL / SQLite is the result.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { freePort } from './free-port.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type autocannon from 'autocannon';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = join(here, '..', '..');
const PG_BASE = process.env.MLNAV_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

const cli = (db: string, ...args: string[]) => execFileSync(process.execPath, [join(repo, 'bin', 'mlnav'), '--db', db, ...args], { encoding: 'utf8' });

async function start(db: string): Promise<{ proc: ChildProcess; base: string }> {
  const port = await freePort();
  const proc = spawn(process.execPath, [join(repo, 'bin', 'mlnav'), '--db', db, 'serve', '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    proc.stdout!.on('data', (d: Buffer) => String(d).includes('MLOps Navigator on') && resolve());
    proc.once('exit', (code) => reject(new Error(`mlnav serve exited with ${code}`)));
  });
  return { proc, base: `http://127.0.0.1:${port}` };
}

/** A radar of 200 blips, two editions, 100 open proposals: through the API, as users would. */
async function seed(base: string, token: string): Promise<string> {
  const h = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const rings = ['r1', 'r2', 'r3', 'r4'].map((id) => ({ id, name: id.toUpperCase() }));
  const quadrants = ['q1', 'q2', 'q3', 'q4'].map((id) => ({ id, name: id.toUpperCase() }));
  const { id } = (await (
    await fetch(`${base}/api/radars`, { method: 'POST', headers: h, body: JSON.stringify({ title: 'Bench', rings, quadrants }) })
  ).json()) as { id: string };
  const put = (i: number, ring: string) =>
    fetch(`${base}/api/radars/${id}/blips/seed-${i}`, {
      method: 'PUT',
      headers: h,
      body: JSON.stringify({ name: `Seed ${i}`, quadrant: `q${(i % 4) + 1}`, ring, rationale: `Blip ${i}: **why** it sits here.` }),
    });
  for (let i = 0; i < 200; i++) await put(i, `r${(i % 4) + 1}`);
  await fetch(`${base}/api/radars/${id}/editions`, { method: 'POST', headers: h, body: JSON.stringify({ date: '2026-06' }) });
  for (let i = 0; i < 200; i += 3) await put(i, `r${((i + 1) % 4) + 1}`);
  await fetch(`${base}/api/radars/${id}/editions`, { method: 'POST', headers: h, body: JSON.stringify({ date: '2026-12' }) });
  for (let i = 0; i < 100; i++)
    await fetch(`${base}/api/proposals`, {
      method: 'POST',
      headers: h,
      body: JSON.stringify({ kind: 'move-blip', radar: id, blip: `seed-${i}`, ring: 'r4', reason: `proposal ${i}` }),
    });
  return id;
}

function load(base: string, mode: 'read' | 'mixed', token: string, radar: string, seconds: number, connections: number): Promise<autocannon.Result> {
  const client = spawn(process.execPath, [join(here, 'store-client.js'), base, String(connections), String(seconds), mode, token, radar], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let text = '';
  client.stdout!.on('data', (d: Buffer) => (text += d));
  return new Promise((resolve) => client.once('exit', () => resolve(JSON.parse(text) as autocannon.Result)));
}

export interface StoreBench {
  rounds: number;
  seconds: number;
  connections: number;
  read: Record<'sqlite' | 'postgres', { rps: number[]; p99: number[]; errors: number; non2xx: number }>;
  mixed: Record<'sqlite' | 'postgres', { rps: number[]; p99: number[]; errors: number; non2xx: number; statusCodes: Record<string, unknown> }>;
  /** A tool change approved through one PostgreSQL server, until a second server on the same database serves it (ms). */
  propagation: number[];
}

export async function benchStore(rounds = 3, seconds = 8, connections = 16): Promise<StoreBench> {
  const dir = mkdtempSync(join(tmpdir(), 'mlnav-store-bench-'));
  const schema = `bench_${process.pid}`;
  const dbs = { sqlite: join(dir, 'bench.db'), postgres: `${PG_BASE}?schema=${schema}` } as const;
  const servers: Array<{ proc: ChildProcess }> = [];
  try {
    const ready: Record<string, { base: string; token: string; radar: string }> = {};
    for (const kind of ['sqlite', 'postgres'] as const) {
      const { token } = JSON.parse(cli(dbs[kind], 'user', 'add', 'bench', '--role', 'editor', '--json')) as { token: string };
      const s = await start(dbs[kind]);
      servers.push(s);
      ready[kind] = { base: s.base, token, radar: await seed(s.base, token) };
    }
    const empty = () => ({ rps: [] as number[], p99: [] as number[], errors: 0, non2xx: 0, statusCodes: {} });
    const out: StoreBench = {
      rounds,
      seconds,
      connections,
      read: { sqlite: empty(), postgres: empty() },
      mixed: { sqlite: empty(), postgres: empty() },
      propagation: [],
    };
    for (const mode of ['read', 'mixed'] as const) {
      for (const kind of ['sqlite', 'postgres'] as const) await load(ready[kind]!.base, mode, ready[kind]!.token, ready[kind]!.radar, 2, connections); // warm-up
      for (let r = 0; r < rounds; r++)
        for (const kind of r % 2 ? (['postgres', 'sqlite'] as const) : (['sqlite', 'postgres'] as const)) {
          const res = await load(ready[kind]!.base, mode, ready[kind]!.token, ready[kind]!.radar, seconds, connections);
          const m = out[mode][kind];
          m.rps.push(res.requests.average);
          m.p99.push(res.latency.p99);
          m.errors += res.errors + res.timeouts;
          m.non2xx += res.non2xx;
          if (mode === 'mixed') (m as { statusCodes: Record<string, unknown> }).statusCodes = res.statusCodeStats as unknown as Record<string, unknown>;
        }
    }
    // Propagation: a second server on the same PostgreSQL; approve on the first, poll the second.
    const { token: admin } = JSON.parse(cli(dbs.postgres, 'user', 'add', 'boss', '--role', 'admin', '--json')) as { token: string };
    const second = await start(dbs.postgres);
    servers.push(second);
    const a = ready.postgres!.base;
    for (let i = 0; i < 5; i++) {
      const text = `Changed for the propagation benchmark, round ${i}.`;
      const h = { 'Content-Type': 'application/json' };
      const { id } = (await (
        await fetch(`${a}/api/proposals`, {
          method: 'POST',
          headers: { ...h, Authorization: `Bearer ${ready.postgres!.token}` },
          body: JSON.stringify({ kind: 'change-tool', tool: 'mlflow', changes: { description: text }, reason: 'benchmark' }),
        })
      ).json()) as { id: number };
      const t0 = performance.now();
      await fetch(`${a}/api/proposals/${id}/review`, {
        method: 'POST',
        headers: { ...h, Authorization: `Bearer ${admin}` },
        body: JSON.stringify({ decision: 'approve', comment: 'ok' }),
      });
      for (;;) {
        const d = (await (await fetch(`${second.base}/api/tools/mlflow`)).json()) as { tool: { description: string } };
        if (d.tool.description === text) break;
        await new Promise((r) => setTimeout(r, 5));
      }
      out.propagation.push(performance.now() - t0);
    }
    return out;
  } finally {
    for (const s of servers) s.proc.kill('SIGTERM');
    await Promise.all(servers.map((s) => new Promise((r) => (s.proc.exitCode !== null ? r(null) : s.proc.once('exit', r)))));
    rmSync(dir, { recursive: true, force: true });
    const c = new pg.Client({ connectionString: PG_BASE });
    await c.connect();
    await c.query(`drop schema if exists "${schema}" cascade`);
    await c.end();
  }
}
