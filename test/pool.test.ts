import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/server/app.js';
import { WorkPool } from '../src/server/pool.js';
import { inlineWork, WorkQueueFull, type HeavyWork } from '../src/server/work.js';
import { bundledCatalogue } from './helpers/bundled.js';
import { StackSchema } from '../src/core/stack/schema.js';

/** Heavy requests run in worker threads behind a bounded queue with a deadline (issue 11, point 2). */
const cat = bundledCatalogue();
const info = { sourceHash: 'test', loadedAt: '2026-11-27T00:00:00.000Z', source: 'bundled' as const };
const pools: WorkPool[] = [];
const pool = (opts: ConstructorParameters<typeof WorkPool>[1]) => {
  const p = new WorkPool(cat, opts);
  pools.push(p);
  return p;
};
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

const post = (app: ReturnType<typeof createApp>, path: string, body: unknown) =>
  app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
/** A request that keeps the solver busy for a while: every capability the taxonomy has, with alternatives. */
const heavyNeeds = [...cat.tax.capability.keys()].filter((id) => !cat.tax.capability.get(id)!.substrate).slice(0, 30);
const stack = StackSchema.parse({ name: 's', teams: [{ name: 'A', persona: cat.tax.taxonomy.personas[0]!.id, tools: ['mlflow', 'airflow', 'kubernetes'] }] });

describe('the work pool', () => {
  it('answers exactly what the inline path answers, for analyses and recommendations', async () => {
    const p = pool({ size: 1 });
    await p.ready();
    const inline = inlineWork(cat);
    const req = { needs: ['experiment-tracking', 'model-serving', 'model-monitoring'] };
    expect(await p.recommend(req)).toBe(await inline.recommend(req));
    expect(await p.analyze(stack)).toBe(await inline.analyze(stack));
  });

  it('admits as many jobs as workers plus the queue bound, and refuses the rest at once; the admitted ones answer', async () => {
    const p = pool({ size: 1, maxQueue: 1 });
    await p.ready();
    const outcomes = await Promise.all(
      [0, 1, 2, 3].map(() =>
        p.recommend({ needs: heavyNeeds }).then(
          () => 'answered',
          (e: Error) => (e instanceof WorkQueueFull ? 'refused' : e.message),
        ),
      ),
    );
    expect(outcomes).toEqual(['answered', 'answered', 'refused', 'refused']);
  });

  it('over HTTP a full queue is 503 with Retry-After and a reason', async () => {
    const p = pool({ size: 1, maxQueue: 0 });
    await p.ready();
    const app = createApp({ catalogue: cat, info, work: p });
    const holding = p.recommend({ needs: heavyNeeds }); // the one worker is taken
    const refused = await post(app, '/api/recommend', { needs: heavyNeeds });
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/busy/);
    await holding;
    expect((await post(app, '/api/recommend', { needs: heavyNeeds })).status).toBe(200);
  });

  it('a job past its deadline is answered 503 with Retry-After; its worker is stopped and a fresh one started', async () => {
    const p = pool({ size: 1, deadlineMs: 1 });
    await p.ready();
    const app = createApp({ catalogue: cat, info, work: p });
    const late = await post(app, '/api/recommend', { needs: heavyNeeds });
    expect(late.status).toBe(503);
    expect(late.headers.get('Retry-After')).toBe('5');
    expect(((await late.json()) as { error: { message: string } }).error.message).toMatch(/longer than/);
    expect(p.load).toEqual({ running: 0, queued: 0 });
    await p.ready(); // the replacement has built its catalogue
  });

  it('health answers while the workers are busy (the event loop is free); inline, it waits for the solver', async () => {
    const p = pool({ size: 1 });
    await p.ready();
    /** Health checks answered, one after another, while one recommendation runs. */
    const healthDuring = async (work: HeavyWork) => {
      const app = createApp({ catalogue: cat, info, work });
      let done = false;
      const job = work.recommend({ needs: heavyNeeds }).then(() => (done = true));
      let answered = 0;
      while (!done) {
        await new Promise((r) => setImmediate(r)); // let the event loop turn (timers, worker messages), as a server's does
        if ((await app.request('/api/health')).status === 200 && !done) answered++;
      }
      await job;
      return answered;
    };
    await inlineWork(cat).recommend({ needs: ['model-serving'] }); // the solver loaded, so only the solving is measured
    expect(await healthDuring(p)).toBeGreaterThanOrEqual(3);
    expect(await healthDuring(inlineWork(cat))).toBe(0); // the same check can fail: without the pool nothing answers meanwhile
  });

  it('closing refuses waiting jobs with a reason instead of dropping them', async () => {
    const p = new WorkPool(cat, { size: 1 });
    const waiting = [p.recommend({ needs: heavyNeeds }), p.recommend({ needs: heavyNeeds })].map((w) =>
      w.then(
        () => 'answered',
        (e: Error) => e.message,
      ),
    );
    await p.close();
    expect(await Promise.all(waiting)).toEqual(['the server is shutting down', 'the server is shutting down']);
  });
});
