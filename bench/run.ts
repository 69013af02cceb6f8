/**
 * `npm run bench`: runs every benchmark and prints a Markdown table to paste into BENCHMARKS.md.
 * Pass `--sizes 1000,10000` to choose the catalogue sizes (default 1k, 10k, 100k); `--only SECTION` to run one
 * (catalogue, recommend, radar, web, firstpaint, load, store); `--byor DIR` or MLNAV_BENCH_BYOR=DIR for the
 * first-paint comparison with a Build Your Own Radar build; `--rounds N` for its rounds (default 25).
 */
import { cpus, totalmem } from 'node:os';
import { benchCatalogue } from './catalogue.js';
import { benchWeb } from './web.js';
import { benchFirstPaint, byorDirFromArgs } from './first-paint.js';
import { buildWebApp } from '../test/browser/web-build.js';
import { benchRecommend } from './recommend.js';
import { benchRadar } from './radar.js';
import { benchLoad } from './load.js';
import { benchStore } from './store.js';

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const arg = process.argv.indexOf('--sizes');
const sizes = arg > 0 ? process.argv[arg + 1]!.split(',').map(Number) : [1_000, 10_000, 100_000];

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

const machine = `${cpus().length} x ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`MLOps Navigator benchmarks, ${new Date().toISOString().slice(0, 10)}, ${machine}\n`);

if (only === undefined || only === 'catalogue') await catalogueSection();
if (only === undefined || only === 'recommend') await recommendSection();
if (only === undefined || only === 'radar') radarSection();
if (only === undefined || only === 'web') await webSection();
if (only === undefined || only === 'web' || only === 'firstpaint') await firstPaintSection();
if (only === undefined || only === 'load') await loadSection();
if (only === undefined || only === 'store') await storeSection();

function radarSection() {
  const r = benchRadar(400);
  console.log(
    `\nRadar: layout + SVG render of ${r.blips} blips in Node (median of 20 after 3 warm-up runs): ${r.median.toFixed(1)} ms, max ${r.max.toFixed(1)} ms; target <= 100 ms: ${r.max <= 100 ? 'met' : 'NOT met'}`,
  );
}

async function recommendSection() {
  for (const shape of ['realistic', 'uniform'] as const) {
    const b = await benchRecommend(shape);
    const how =
      shape === 'realistic'
        ? 'tools shaped like the real catalogue (capability mixes copied from bundled tools)'
        : 'uniformly random capability sets (a stress test: harder, and unlike any real catalogue)';
    console.log(
      `\nRecommender on a synthetic ${b.tools.toLocaleString('en')}-tool catalogue, ${how}: ${b.needs} needs, open source only, 5% excluded, one tool kept; HiGHS MIP vs greedy set cover\n`,
    );
    console.log('| run | best stack (MIP) | with alternatives | tools (proven optimal) | alternatives | greedy tools | greedy time |');
    console.log('|---:|---:|---:|---:|---:|---:|---:|');
    b.rows.forEach((r, i) =>
      console.log(
        `| ${i + 1} | ${r.bestMs.toFixed(0)} ms | ${r.ms.toFixed(0)} ms | ${r.tools} (${r.optimal ? 'yes' : 'no'}) | ${r.alternatives} | ${r.greedyTools}${r.greedyCovered ? '' : ' (not covered: greedy has no partial fallback)'} | ${r.greedyMs.toFixed(0)} ms |`,
      ),
    );
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const mBest = median(b.rows.map((r) => r.bestMs)),
      mFull = median(b.rows.map((r) => r.ms));
    console.log(
      `\nTarget: proven optimal, median <= 500 ms: ${b.rows.every((r) => r.optimal) && mBest <= 500 ? 'met' : 'NOT met'} (best stack median ${mBest.toFixed(0)} ms, max ${Math.max(...b.rows.map((r) => r.bestMs)).toFixed(0)} ms; with the two alternatives median ${mFull.toFixed(0)} ms, max ${Math.max(...b.rows.map((r) => r.ms)).toFixed(0)} ms); greedy needed more tools in ${b.rows.filter((r) => r.greedyTools > r.tools).length} of ${b.rows.length} runs`,
    );
  }
}

async function catalogueSection() {
  const rows = await benchCatalogue(sizes);
  const f = (ms: number) => (ms / 1000).toFixed(2) + ' s';
  console.log(
    'Catalogue pipeline (synthetic tools; validate = read + parse + schema + cross-references; place = compute every position; load = one SQLite transaction)\n',
  );
  console.log('| tools | validate | place | load | total | tools/s | serve ready | ready / total |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows)
    console.log(
      `| ${r.tools.toLocaleString('en')} | ${f(r.validateMs)} | ${f(r.placeMs)} | ${f(r.loadMs)} | ${f(r.totalMs)} | ${Math.round(r.toolsPerSecond).toLocaleString('en')} | ${f(r.serveReadyMs)} | ${(r.serveReadyMs / r.totalMs).toFixed(2)}x |`,
    );
  const big = rows.find((r) => r.tools === 100_000);
  if (big) console.log(`\n100k target (<= 10 s validated, placed and loaded): ${big.totalMs <= 10_000 ? 'met' : 'NOT met'} (${f(big.totalMs)})`);
  if (big)
    console.log(
      `100k start-up target (server ready within 2x validate + place + load of the same run): ${big.serveReadyMs <= 2 * big.totalMs ? 'met' : 'NOT met'} (${(big.serveReadyMs / big.totalMs).toFixed(2)}x)`,
    );
}

async function webSection() {
  const w = await benchWeb(2500);
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  console.log(
    `\nWeb app and API on a synthetic ${w.tools.toLocaleString('en')}-tool catalogue (headless Debian Chromium; servers in child processes; autocannon, 32 connections, three alternating 4 s rounds)\n`,
  );
  console.log('| measure | result | target |');
  console.log('|---|---:|---:|');
  console.log(
    `| map first render after navigation, new tab: frame drawn (median of ${w.firstRenderMs.runs}; max) | ${ms(w.firstRenderMs.median)}; ${ms(w.firstRenderMs.max)} | <= 400 ms |`,
  );
  console.log(
    `| ... frame drawn, served without Cross-Origin-Opener-Policy (--no-opener-policy; median; max) | ${ms(w.withoutOpenerPolicyMs.median)}; ${ms(w.withoutOpenerPolicyMs.max)} | - |`,
  );
  console.log(
    `| ... frame drawn, navigating from a page of the same site (no new renderer process; median; max) | ${ms(w.sameSiteMs.median)}; ${ms(w.sameSiteMs.max)} | - |`,
  );
  console.log(
    `| browser floor: a one-line page on screen, new tab, same server and headers (median; max) | ${ms(w.floorMs.median)}; ${ms(w.floorMs.max)} | - |`,
  );
  console.log(
    `| ... the same one-line page without Cross-Origin-Opener-Policy (median; max) | ${ms(w.floorWithoutOpenerPolicyMs.median)}; ${ms(w.floorWithoutOpenerPolicyMs.max)} | - |`,
  );
  console.log(`| map interactive (every marker a link with data-tool-id; median; max) | ${ms(w.interactiveMs.median)}; ${ms(w.interactiveMs.max)} | - |`);
  console.log(
    `| search keystroke to repaint, "tool 1" typed once search is warm (median; p95; max of ${w.keystrokeMs.runs}) | ${ms(w.keystrokeMs.median)}; ${ms(w.keystrokeMs.p95)}; ${ms(w.keystrokeMs.max)} | <= 50 ms |`,
  );
  console.log(
    `| ... typed as soon as the index exists, while the one-character queries warm (median; p95; max of ${w.keystrokeDuringWarmMs.runs}) | ${ms(w.keystrokeDuringWarmMs.median)}; ${ms(w.keystrokeDuringWarmMs.p95)}; ${ms(w.keystrokeDuringWarmMs.max)} | - |`,
  );
  console.log(
    `| radar page, 400 blips, first rendered after navigation: frame drawn (median of ${w.radarPageMs.runs}; max) | ${ms(w.radarPageMs.median)}; ${ms(w.radarPageMs.max)} | <= 300 ms |`,
  );
  console.log(`| ... the same frame presented on screen (Element Timing; median; max) | ${ms(w.radarPresentedMs.median)}; ${ms(w.radarPresentedMs.max)} | - |`);
  console.log(
    `| ... on screen, navigating from a page of the same site (median; max) | ${ms(w.radarSameSiteOnScreenMs.median)}; ${ms(w.radarSameSiteOnScreenMs.max)} | - |`,
  );
  console.log(
    `| search index build, in idle time after the first paint; then warming the 36 one-character queries, in idle periods (medians) | ${ms(median(w.searchIndexMs))}; ${ms(median(w.searchWarmMs))} | - |`,
  );
  console.log(`| map page JavaScript, gzipped | ${(w.jsGzipBytes / 1024).toFixed(1)} KB | <= 150 KB |`);
  console.log(
    `| bare node:http hello world (the median round's) | ${Math.round(w.api.helloRps).toLocaleString('en')} req/s, p99 ${w.api.helloP99Ms} ms | baseline |`,
  );
  console.log(
    `| GET /api/tools?q=..., median of three alternating 4 s rounds | ${Math.round(w.api.apiRps).toLocaleString('en')} req/s (${(w.api.ratio * 100).toFixed(0)}% of baseline; rounds ${w.api.roundRatios.map((r) => `${(r * 100).toFixed(0)}%`).join(', ')}), p99 ${w.api.apiP99Ms} ms (worst round ${w.api.worstApiP99Ms} ms), ${w.api.errors} errors | >= 40%, p99 <= 25 ms |`,
  );
}

async function loadSection() {
  const l = await benchLoad();
  const ms = (v: number) => `${v.toFixed(2)} ms`;
  const ratio = l.health.loadP99 / l.health.idleP99;
  console.log(
    `\nLoad test: mlnav serve on the bundled catalogue (worker pool), ${l.connections} connections for ${l.seconds} s: 63 on a mix of reads, analyses and recommendations (autocannon, own process), 1 probing /api/health\n`,
  );
  console.log('| measure | result | target |');
  console.log('|---|---:|---:|');
  console.log(`| mix: requests, req/s, p99 | ${l.requests.toLocaleString('en')}, ${Math.round(l.rps).toLocaleString('en')} req/s, p99 ${l.p99Ms} ms | - |`);
  console.log(`| errors, timeouts, non-2xx | ${l.errors}, ${l.timeouts}, ${l.non2xx} (status codes ${JSON.stringify(l.statusCodes)}) | 0, 0, 0 |`);
  console.log(`| health idle (same run): median, p99 | ${ms(l.health.idleMedian)}, ${ms(l.health.idleP99)} | baseline |`);
  console.log(
    `| health under load: median, p99 (${l.health.probes} probes) | ${ms(l.health.loadMedian)}, ${ms(l.health.loadP99)} (${ratio.toFixed(1)}x idle p99) | <= 10x: ${ratio <= 10 ? 'met' : 'NOT met'} |`,
  );
}

async function storeSection() {
  const b = await benchStore();
  const med = (xs: number[]) => [...xs].sort((a, c) => a - c)[Math.floor(xs.length / 2)]!;
  console.log(
    `\nStores: the organisation's API (mlnav serve, one process per store) on SQLite and on PostgreSQL 15 in the same run; ${b.connections} connections, ${b.rounds} alternating rounds of ${b.seconds} s per store and load (autocannon, own process); a radar of 200 blips with two editions, 100 open proposals\n`,
  );
  console.log('| load | SQLite req/s | PostgreSQL req/s | PostgreSQL / SQLite | SQLite p99 | PostgreSQL p99 | errors + non-2xx (SQLite / PostgreSQL) |');
  console.log('|---|---:|---:|---:|---:|---:|---|');
  for (const mode of ['read', 'mixed'] as const) {
    const s = b[mode].sqlite,
      p = b[mode].postgres;
    console.log(
      `| ${mode === 'read' ? 'reads (radar, proposals, list, diff)' : 'mixed (1 write in 3: blip upsert, proposal)'} | ${med(s.rps).toFixed(0)} | ${med(p.rps).toFixed(0)} | ${(med(p.rps) / med(s.rps)).toFixed(2)} | ${med(s.p99)} ms | ${med(p.p99)} ms | ${s.errors + s.non2xx} / ${p.errors + p.non2xx} |`,
    );
  }
  console.log(
    `\nA tool change approved on one PostgreSQL server, until a second server on the same database serves it (5 rounds): median ${med(b.propagation).toFixed(0)} ms, max ${Math.max(...b.propagation).toFixed(0)} ms (the approval's own request included)`,
  );
}

async function firstPaintSection() {
  const i = process.argv.indexOf('--rounds');
  const f = await benchFirstPaint({ webRoot: await buildWebApp(), byorDir: byorDirFromArgs(), rounds: i > 0 ? Number(process.argv[i + 1]) : 25 });
  const ms = (s: { median: number; p95: number }) => `${s.median.toFixed(0)} ms; ${s.p95.toFixed(0)} ms`;
  const x = (s: { median: number; p95: number }) => `${s.median.toFixed(2)}x; ${s.p95.toFixed(2)}x`;
  console.log(
    `\nFirst paint (issue #14): ${f.rounds} interleaved rounds after one warm-up, each page in a fresh browser context, the tab arriving from a page on another origin; time from navigation start to the end of the first frame whose DOM holds the page's elements (requestAnimationFrame, then a posted message)\n`,
  );
  console.log('| measure | median; p95 | target |');
  console.log('|---|---:|---:|');
  console.log(`| one-line page (floor.html, same server and headers) | ${ms(f.floor)} | - |`);
  console.log(`| map, 2,500 tools: the picture drawn into the HTML complete | ${ms(f.map)} | - |`);
  const mapMet = f.mapRatio <= 1.5 ? 'met' : 'NOT met';
  console.log(
    `| map / one-line page: ratio of medians; per-round ratios (median; p95) | ${f.mapRatio.toFixed(2)}x; ${x(f.mapRoundRatios)} | <= 1.5x: ${mapMet} |`,
  );
  console.log(`| our radar page, ${f.blips} blips in the SVG | ${ms(f.radar)} | - |`);
  if (f.byor && f.radarRatio !== undefined && f.radarRoundRatios) {
    console.log(`| BYOR, the same radar as CSV from a third origin (CORS): every row placed (${f.blips} list entries) | ${ms(f.byor)} | - |`);
    const met = f.radarRatio <= 0.45 ? 'met' : 'NOT met';
    console.log(
      `| our radar / BYOR: ratio of medians; per-round ratios (median; p95) | ${f.radarRatio.toFixed(2)}x; ${x(f.radarRoundRatios)} | <= 0.45x: ${met} |`,
    );
  } else console.log(`\n${f.byorNote}`);
}
