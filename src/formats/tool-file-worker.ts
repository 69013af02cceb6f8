/** Worker thread: reads and validates the tool files it is given and answers with one JSON string. */
import { parentPort, workerData } from 'node:worker_threads';
import { readToolFile } from './catalogue-folder.js';

const files = workerData as Array<{ path: string; file: string }>;
// One string is far cheaper to pass back than 50k structured-cloned objects.
parentPort!.postMessage(JSON.stringify(files.map((f) => readToolFile(f.path, f.file))));
