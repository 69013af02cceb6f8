import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Catalogue } from '../core/catalogue/catalogue.js';
import type { Stack } from '../core/stack/schema.js';
import type { RecommendRequest } from '../core/recommend/recommend.js';
import { WorkDeadline, WorkQueueFull, type HeavyWork, type Job } from './work.js';

export interface PoolOptions {
  /** Worker threads; default one fewer than the cores (at least one), so the event loop keeps a core. */
  size?: number;
  /** Jobs waiting for a worker beyond those running; more are refused with WorkQueueFull. Default 64. */
  maxQueue?: number;
  /** From arrival to answer; a job past it is refused (queued) or its worker stopped (running). Default 15 s. */
  deadlineMs?: number;
}

interface Task {
  id: number;
  job: Job;
  resolve: (json: string) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  task?: Task;
}

/**
 * The worker: the compiled .js next to this file; under tsx or vitest (running the .ts sources) a small
 * script that registers tsx in the worker and imports the .ts.
 */
function startWorker(workerData: unknown): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./work-worker.js', import.meta.url), { workerData });
  // tsx's ESM entry, from its package.json exports (require.resolve would give the CommonJS one).
  const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
  const api = (JSON.parse(readFileSync(pkg, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api']!.import.default;
  const tsx = pathToFileURL(join(dirname(pkg), api)).href;
  const entry = new URL('./work-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

/**
 * A fixed pool of worker threads for the heavy jobs, with a bounded queue and a deadline per job.
 * Each worker holds its own copy of the catalogue (built once from the main thread's data). A worker
 * that crashes or overruns a deadline is replaced; the job it held is answered with an error, never lost
 * silently.
 */
export class WorkPool implements HeavyWork {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private next = 1;
  private closed = false;
  /** Set when workers cannot start (three in a row failed before ready): jobs are refused with it. */
  private broken?: Error;
  private startFailures = 0;
  readonly size: number;
  private readonly maxQueue: number;
  private readonly deadlineMs: number;

  constructor(
    private readonly cat: Catalogue,
    opts: PoolOptions = {},
  ) {
    this.size = Math.max(1, opts.size ?? availableParallelism() - 1);
    this.maxQueue = opts.maxQueue ?? 64;
    this.deadlineMs = opts.deadlineMs ?? 15_000;
    for (let i = 0; i < this.size; i++) this.slots.push(this.spawn());
  }

  /** Resolves when every worker has built its catalogue. */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.ready));
  }

  /** Jobs running and waiting now (for tests and health). */
  get load(): { running: number; queued: number } {
    return { running: this.slots.filter((s) => s.task).length, queued: this.queue.length };
  }

  analyze(stack: Stack): Promise<string> {
    return this.run({ kind: 'analyze', stack });
  }

  recommend(req: RecommendRequest): Promise<string> {
    return this.run({ kind: 'recommend', req });
  }

  run(job: Job): Promise<string> {
    if (this.closed) return Promise.reject(new Error('the work pool is closed'));
    if (this.broken) return Promise.reject(this.broken);
    // Admitted: those running plus those waiting, up to the workers plus the queue's bound.
    const running = this.slots.filter((s) => s.task).length;
    if (running + this.queue.length >= this.slots.length + this.maxQueue)
      return Promise.reject(new WorkQueueFull(Math.max(1, Math.ceil(this.deadlineMs / 1000 / 4))));
    return new Promise<string>((resolve, reject) => {
      const task: Task = { id: this.next++, job, resolve, reject, timer: setTimeout(() => this.overdue(task), this.deadlineMs) };
      this.queue.push(task);
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) this.fail(t, new Error('the server is shutting down'));
    await Promise.all(
      this.slots.map((s) => {
        if (s.task) this.fail(s.task, new Error('the server is shutting down'));
        return s.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const worker = startWorker({ taxonomy: this.cat.tax.taxonomy, tools: this.cat.tools });
    const slot: Slot = { worker, ready: Promise.resolve() };
    let started = false;
    slot.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (m: { ready?: true; id?: number; ok?: boolean; json?: string; message?: string }) => {
        if (m.ready) {
          started = true;
          this.startFailures = 0;
          resolve();
          this.dispatch();
          return;
        }
        const task = slot.task;
        if (!task || task.id !== m.id) return; // an answer after its deadline: already refused
        slot.task = undefined;
        clearTimeout(task.timer);
        if (m.ok) task.resolve(m.json!);
        else task.reject(new Error(m.message));
        this.dispatch();
      });
      worker.on('error', (e) => {
        reject(e);
        if (slot.task) this.fail(slot.task, e);
        slot.task = undefined;
      });
      worker.on('exit', (code) => {
        if (this.closed) return;
        if (slot.task) this.fail(slot.task, new Error('a worker stopped while answering'));
        slot.task = undefined;
        if (!started && ++this.startFailures >= 3) {
          // Not a passing fault: say so to every job instead of restarting workers for ever.
          this.broken = new Error(`analysis workers cannot start (exit code ${code})`);
          for (const t of this.queue.splice(0)) this.fail(t, this.broken);
          return;
        }
        this.replace(slot);
      });
    });
    slot.ready.catch(() => {}); // surfaced through the task or ready()
    return slot;
  }

  private replace(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots[i] = this.spawn();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.task || !this.queue.length) continue;
      // A worker is usable once it has said it is ready; until then its jobs wait in the queue.
      void slot.ready.then(() => {
        if (slot.task || !this.queue.length || !this.slots.includes(slot)) return;
        const task = this.queue.shift()!;
        slot.task = task;
        slot.worker.postMessage({ id: task.id, job: task.job });
      });
    }
  }

  private overdue(task: Task): void {
    const q = this.queue.indexOf(task);
    if (q >= 0) this.queue.splice(q, 1);
    const slot = this.slots.find((s) => s.task === task);
    task.reject(new WorkDeadline(this.deadlineMs / 1000));
    if (slot) {
      // A runaway job is stopped with its worker; a fresh one takes its place.
      slot.task = undefined;
      this.replace(slot);
      void slot.worker.terminate();
    }
  }

  private fail(task: Task, e: Error): void {
    clearTimeout(task.timer);
    task.reject(e);
  }
}
