/**
 * `npm run bench`: runs every benchmark and prints a Markdown table to paste into BENCHMARKS.md.
 * Pass `--sizes 1000,10000` to choose the catalogue sizes (default 1k, 10k, 100k).
 */
import { cpus, totalmem } from 'node:os';
import { benchCatalogue } from './catalogue.js';

const arg = process.argv.indexOf('--sizes');
const sizes = arg > 0 ? process.argv[arg + 1]!.split(',').map(Number) : [1_000, 10_000, 100_000];

const machine = `${cpus().length} x ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`MLOps Navigator benchmarks, ${new Date().toISOString().slice(0, 10)}, ${machine}\n`);

const rows = await benchCatalogue(sizes);
const f = (ms: number) => (ms / 1000).toFixed(2) + ' s';
console.log('Catalogue pipeline (synthetic tools; validate = read + parse + schema + cross-references; place = compute every position; load = one SQLite transaction)\n');
console.log('| tools | validate | place | load | total | tools/s |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const r of rows)
  console.log(`| ${r.tools.toLocaleString('en')} | ${f(r.validateMs)} | ${f(r.placeMs)} | ${f(r.loadMs)} | ${f(r.totalMs)} | ${Math.round(r.toolsPerSecond).toLocaleString('en')} |`);
const big = rows.find((r) => r.tools === 100_000);
if (big) console.log(`\n100k target (<= 10 s validated, placed and loaded): ${big.totalMs <= 10_000 ? 'met' : 'NOT met'} (${f(big.totalMs)})`);
