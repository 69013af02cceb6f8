import { Worker } from 'node:worker_threads';
import type { ToolFileResult } from './catalogue-folder.js';

/** Runs `readToolFile` over `files` in a worker thread. Works from dist/ (.js) and from source under tsx (.ts). */
export function readToolFilesInWorker(files: Array<{ path: string; file: string }>): Promise<ToolFileResult[]> {
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(fromSource ? './tool-file-worker.ts' : './tool-file-worker.js', import.meta.url);
  // From source (tests, benchmarks) the worker first registers tsx so it can load TypeScript.
  const worker = fromSource
    ? new Worker(`import { register } from 'tsx/esm/api'; register(); await import(${JSON.stringify(url.href)});`, { eval: true, workerData: files })
    : new Worker(url, { workerData: files });
  return new Promise((resolve, reject) => {
    worker.once('message', (json: string) => {
      resolve(JSON.parse(json) as ToolFileResult[]);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`tool file worker exited with code ${code}`));
    });
  });
}
