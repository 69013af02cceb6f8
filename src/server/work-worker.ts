import { parentPort, workerData } from 'node:worker_threads';
import { buildCatalogue } from '../core/catalogue/catalogue.js';
import type { Taxonomy } from '../core/taxonomy/schema.js';
import type { Tool } from '../core/catalogue/tool.js';
import { runJob, type Job } from './work.js';

/** A pool worker: builds the catalogue once from the main thread's data, then answers jobs one at a time. */
const { taxonomy, tools } = workerData as { taxonomy: Taxonomy; tools: Tool[] };
const cat = buildCatalogue(taxonomy, tools);
parentPort!.on('message', async ({ id, job }: { id: number; job: Job }) => {
  try {
    parentPort!.postMessage({ id, ok: true, json: await runJob(cat, job) });
  } catch (e) {
    parentPort!.postMessage({ id, ok: false, message: e instanceof Error ? e.message : String(e) });
  }
});
parentPort!.postMessage({ ready: true });
