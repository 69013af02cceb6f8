import type { Catalogue } from '../core/catalogue/catalogue.js';
import { analyzeStack } from '../core/stack/analyze.js';
import type { Stack } from '../core/stack/schema.js';
import { recommend, type MipSolver, type RecommendRequest } from '../core/recommend/recommend.js';
import { highsSolver } from '../solver/highs.js';

/**
 * The heavy requests (stack analysis and recommendations) as jobs that answer JSON text. The server
 * runs them through this interface: inline (tests, the CLI) or in a worker pool (`mlnav serve`), so
 * the event loop stays free for reads and health checks while a solver runs.
 */
export interface HeavyWork {
  analyze(stack: Stack): Promise<string>;
  recommend(req: RecommendRequest): Promise<string>;
  close(): Promise<void>;
}

export type Job = { kind: 'analyze'; stack: Stack } | { kind: 'recommend'; req: RecommendRequest };

/** Every job waits for a free worker in a bounded queue; a full queue is refused at once. */
export class WorkQueueFull extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('the server is busy with other analyses; try again in a moment');
  }
}

/** A job that did not finish by its deadline (its worker is stopped and replaced). */
export class WorkDeadline extends Error {
  constructor(readonly seconds: number) {
    super(`the request took longer than ${seconds} s and was stopped; try fewer needs or constraints`);
  }
}

/** Runs one job: the same code in the main thread and in a worker. */
export async function runJob(cat: Catalogue, job: Job, solver: () => Promise<MipSolver> = highsSolver): Promise<string> {
  if (job.kind === 'analyze') return JSON.stringify(analyzeStack(cat, job.stack));
  return JSON.stringify(recommend(cat, job.req, await solver()));
}

/** The jobs run in the calling thread (no pool): for tests and single-user tools. */
export function inlineWork(cat: Catalogue): HeavyWork {
  return {
    analyze: (stack) => runJob(cat, { kind: 'analyze', stack }),
    recommend: (req) => runJob(cat, { kind: 'recommend', req }),
    close: async () => {},
  };
}

/** Jobs for a runner that is still starting (a pool booting its threads): each waits for it, then runs. */
export function lateWork(booting: Promise<HeavyWork>): HeavyWork {
  return {
    analyze: async (stack) => (await booting).analyze(stack),
    recommend: async (req) => (await booting).recommend(req),
    close: async () => (await booting).close(),
  };
}
