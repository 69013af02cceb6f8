import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../src/app/paths.js';
import { openCatalogue } from '../src/app/open-catalogue.js';
import { newToken } from '../src/app/credentials.js';
import { PostgresStore } from '../src/store/postgres/postgres-store.js';
import { pgSchema } from './helpers/pg.js';

/**
 * Two `mlnav serve` processes on one PostgreSQL database, 32 concurrent writers for 20 s on radars and
 * proposals, alternating between the servers: no write lost or doubled, no 5xx, every write in the audit
 * log, and what one server wrote is read back from the other at once.
 */
const WRITERS = 32;
const SECONDS = Number(process.env.MLNAV_CONCURRENCY_SECONDS ?? 20);

function startServer(url: string): Promise<{ proc: ChildProcess; base: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(packageRoot, 'src/cli/run.ts'), '--db', url, 'serve', '--port', '0'], {
    cwd: packageRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  proc.stderr!.on('data', (d) => (err += String(d)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 60_000);
    proc.stdout!.on('data', (d) => {
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(String(d));
      if (m) {
        clearTimeout(timer);
        resolve({ proc, base: `http://127.0.0.1:${m[1]}` });
      }
    });
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}: ${err}`)));
  });
}

describe('two servers on one PostgreSQL', () => {
  const pg = pgSchema('conc');
  let servers: Array<{ proc: ChildProcess; base: string }> = [];
  const tokens: string[] = [];
  let reviewer = '';

  beforeAll(async () => {
    const opened = await openCatalogue(pg.url); // seeds the bundled catalogue once, before either server starts
    const store = opened.store;
    for (let i = 0; i < 4; i++) {
      await store.addUser({ name: `w${i}`, role: 'editor' }, { user: 'test' });
      const t = newToken();
      await store.addToken({ id: t.id, user: `w${i}`, hash: t.hash, label: 'test' }, { user: 'test' });
      tokens.push(t.token);
    }
    await store.addUser({ name: 'boss', role: 'admin' }, { user: 'test' });
    const t = newToken();
    await store.addToken({ id: t.id, user: 'boss', hash: t.hash, label: 'test' }, { user: 'test' });
    reviewer = t.token;
    await store.close();
    servers = await Promise.all([startServer(pg.url), startServer(pg.url)]);
  }, 120_000);

  afterAll(async () => {
    for (const s of servers) s.proc.kill('SIGTERM');
    await Promise.all(servers.map((s) => new Promise((r) => (s.proc.exitCode !== null ? r(null) : s.proc.once('exit', r)))));
    await pg.drop();
  });

  it(`${WRITERS} writers for ${SECONDS} s: nothing lost or doubled, no 5xx, all audited, visible across servers`, async () => {
    const q = ['a', 'b', 'c', 'd'];
    const auth = (i: number) => ({ Authorization: `Bearer ${tokens[i % tokens.length]}`, 'Content-Type': 'application/json' });
    const send = (base: string, method: string, path: string, i: number, body?: unknown) =>
      fetch(base + path, { method, headers: auth(i), body: body === undefined ? undefined : JSON.stringify(body) });
    // Four shared radars, created through server A.
    const radars: string[] = [];
    for (let r = 0; r < 4; r++) {
      const res = await send(servers[0]!.base, 'POST', '/api/radars', r, { title: `Shared ${r}`, quadrants: q.map((id) => ({ id, name: id })) });
      expect(res.status).toBe(201);
      radars.push(((await res.json()) as { id: string }).id);
    }
    const statuses = new Map<number, number>();
    const count = (s: number) => statuses.set(s, (statuses.get(s) ?? 0) + 1);
    const blipsWritten = new Map<string, Map<string, string>>(radars.map((r) => [r, new Map()]));
    const proposals = new Set<number>();
    let crossChecks = 0;
    let crossMisses = 0;
    let published = 0;
    let votes = 0;
    const until = Date.now() + SECONDS * 1000;
    const writer = async (w: number) => {
      for (let n = 0; Date.now() < until; n++) {
        const here = servers[(w + n) % 2]!.base;
        const there = servers[(w + n + 1) % 2]!.base;
        const radar = radars[(w + n) % radars.length]!;
        const op = n % 5;
        if (op <= 2) {
          // Blips: each writer has its own few ids, so the last ring written for each must be the one stored.
          const id = `w${w}-b${n % 7}`;
          const ring = ['adopt', 'trial', 'assess', 'hold'][n % 4]!;
          const res = await send(here, 'PUT', `/api/radars/${radar}/blips/${id}`, w, { name: `W${w} B${n % 7}`, quadrant: q[n % 4], ring });
          count(res.status);
          if (res.ok) {
            blipsWritten.get(radar)!.set(id, ring);
            // Read-your-write on the other server, at once.
            if (n % 3 === 0) {
              crossChecks++;
              const seen = (await (await send(there, 'GET', `/api/radars/${radar}`, w)).json()) as { draft: { blips: Array<{ id: string; ring: string }> } };
              const b = seen.draft.blips.find((x) => x.id === id);
              if (!b || b.ring !== ring) crossMisses++;
            }
          }
        } else if (op === 3) {
          const res = await send(here, 'POST', '/api/proposals', w, {
            kind: 'move-blip',
            radar,
            blip: `w${w}-b0`,
            ring: 'hold',
            reason: `writer ${w} round ${n}`,
          });
          count(res.status);
          if (res.status === 201) {
            const id = ((await res.json()) as { id: number }).id;
            expect(proposals.has(id)).toBe(false);
            proposals.add(id);
            const v = await send(there, 'POST', `/api/proposals/${id}/vote`, w + 1, { vote: 'up' });
            count(v.status);
            if (v.ok) votes++;
          }
        } else {
          // Publishing: many writers race for the same dates; exactly one wins each (201), the rest get 409.
          const day = String(1 + (Math.floor((Date.now() - (until - SECONDS * 1000)) / 1000) % 28)).padStart(2, '0');
          const res = await send(here, 'POST', `/api/radars/${radar}/editions`, w, { date: `2027-01-${day}` });
          count(res.status);
          if (res.status === 201) published++;
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));

    const fiveXX = [...statuses].filter(([s]) => s >= 500);
    expect(fiveXX).toEqual([]);
    expect([...statuses.keys()].every((s) => [200, 201, 404, 409].includes(s))).toBe(true);
    expect(crossMisses).toBe(0);
    expect(crossChecks).toBeGreaterThan(50);

    // What the database holds is exactly what was acknowledged.
    const store = await PostgresStore.open(pg.url);
    try {
      for (const r of radars) {
        const stored = await store.getRadar(r);
        const draft = new Map(stored!.draft.map((b) => [b.id, b.ring]));
        expect(draft).toEqual(blipsWritten.get(r));
      }
      const all = await store.listProposals();
      expect(new Set(all.map((p) => p.id))).toEqual(proposals);
      const log = await store.audit({ limit: 1_000_000 });
      const by = (action: string) => log.filter((e) => e.action === action).length;
      const ok = (s: number) => statuses.get(s) ?? 0;
      expect(by('proposal.add')).toBe(proposals.size);
      expect(by('proposal.vote')).toBe(votes);
      expect(by('radar.publish')).toBe(published);
      // Every acknowledged blip write: 200 and 201 of PUTs and votes, minus the votes, minus proposals (201) and editions (201).
      expect(by('radar.blip.put')).toBe(ok(200) + ok(201) - votes - proposals.size - published);
      expect(new Set(log.map((e) => e.id)).size).toBe(log.length);
      console.log(
        `concurrency: ${[...statuses].map(([s, n]) => `${s}: ${n}`).join(', ')}; ${proposals.size} proposals, ${votes} votes, ${published} editions, ${crossChecks} cross-server reads`,
      );

      // A catalogue change approved on A reaches B's tool page (B learns it by LISTEN/NOTIFY and rebuilds).
      const p = (await (
        await send(servers[0]!.base, 'POST', '/api/proposals', 0, {
          kind: 'change-tool',
          tool: 'mlflow',
          changes: { description: 'Changed through server A.' },
          reason: 'propagation check',
        })
      ).json()) as { id: number };
      const started = Date.now();
      const r = await fetch(`${servers[0]!.base}/api/proposals/${p.id}/review`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${reviewer}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ decision: 'approve', comment: 'fine' }),
      });
      expect(r.status).toBe(200);
      let seenOnB = false;
      while (!seenOnB && Date.now() - started < 10_000) {
        const t = (await (await fetch(`${servers[1]!.base}/api/tools/mlflow`)).json()) as { tool: { description: string } };
        seenOnB = t.tool.description === 'Changed through server A.';
      }
      expect(seenOnB).toBe(true);
      console.log(`concurrency: a tool change approved on A was served by B ${Date.now() - started} ms after the approval was sent`);
    } finally {
      await store.close();
    }
  }, 180_000);

  it('kill -9 of a server in the middle of writes: every acknowledged write is there after a restart, nothing half-written', async () => {
    const victim = servers[1]!;
    const q = ['a', 'b', 'c', 'd'];
    const h = { Authorization: `Bearer ${tokens[0]}`, 'Content-Type': 'application/json' };
    const made = await fetch(`${victim.base}/api/radars`, {
      method: 'POST',
      headers: h,
      body: JSON.stringify({ title: 'Crash', quadrants: q.map((id) => ({ id, name: id })) }),
    });
    const radar = ((await made.json()) as { id: string }).id;
    const acked = new Map<string, string>();
    let failed = 0;
    let stop = false;
    const writer = async (w: number) => {
      for (let n = 0; !stop; n++) {
        const id = `k${w}-${n}`;
        try {
          const res = await fetch(`${victim.base}/api/radars/${radar}/blips/${id}`, {
            method: 'PUT',
            headers: h,
            body: JSON.stringify({ name: id, quadrant: q[n % 4], ring: 'trial' }),
          });
          if (res.status === 201) acked.set(id, 'trial');
          else failed++;
        } catch {
          failed++; // the connection died with the server: this write was never acknowledged
          return;
        }
      }
    };
    const running = Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
    await new Promise((r) => setTimeout(r, 1500));
    victim.proc.kill('SIGKILL');
    await running;
    stop = true;
    expect(acked.size).toBeGreaterThan(20);
    // Restarted on the same database, the server has every acknowledged write, each with its audit entry.
    servers[1] = await startServer(pg.url);
    const store = await PostgresStore.open(pg.url);
    try {
      const draft = new Map((await store.getRadar(radar))!.draft.map((b) => [b.id, b.ring]));
      for (const [id, ring] of acked) expect(draft.get(id), id).toBe(ring);
      const audited = new Set(
        (await store.audit({ target: `radar:${radar}`, limit: 1_000_000 })).filter((e) => e.action === 'radar.blip.put').map((e) => e.target.split('/')[1]),
      );
      // A write is in the draft exactly when it is in the audit log: the two commit together or not at all.
      expect(new Set(draft.keys())).toEqual(audited);
      console.log(
        `kill -9: ${acked.size} acknowledged blip writes before the kill, all present after restart; ${draft.size - acked.size} committed but unacknowledged; ${failed} cut off`,
      );
    } finally {
      await store.close();
    }
    const seen = (await (await fetch(`${servers[1]!.base}/api/radars/${radar}`, { headers: h })).json()) as { draft: { blips: unknown[] } };
    expect(seen.draft.blips.length).toBeGreaterThanOrEqual(acked.size);
  }, 120_000);
});
