/**
 * First paint as ratios measured in one run (issue #14, point 9), in interleaved rounds, each page in a fresh
 * browser context (empty cache), the tab arriving from a page on another origin (another port):
 *  (a) the map's first picture at 2,500 tools against a one-line page from the same server;
 *  (b) our radar page with 400 blips against Build Your Own Radar (BYOR) drawing the same radar, exported as a
 *      BYOR CSV and served from a third origin with CORS. BYOR is not part of this repository: the location of a
 *      BYOR build (its dist folder) comes from MLNAV_BENCH_BYOR or --byor; without it that comparison is skipped.
 *
 * "On screen", the same for every page: time from the start of the navigation (the page's time origin) to the
 * end of the first frame whose DOM holds the page's N elements (floor: its one paragraph; map: the picture
 * drawn into the HTML, complete; radar: N blip elements). A requestAnimationFrame loop, started before the page's
 * own scripts, checks the count just before each frame is drawn; in the frame where it holds, a message posted
 * from that callback is handled once the frame's style, layout and paint are done, and that is the time taken.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportByorCsv } from '../src/formats/radar/byor.js';
import type { Radar } from '../src/core/radar/schema.js';
import { launchChromium } from '../test/browser/chromium.js';

type Browser = import('playwright-core').Browser;
const here = fileURLToPath(new URL('.', import.meta.url));

/** Starts one of the bench's servers (bench/servers/*) in its own process; resolves with the port it printed. */
export function start(script: string, args: string[] = []): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [join(here, script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve({ child, port: Number(String(d).trim()) }));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

/** A page under test: its address, and the elements (selector, how many) whose frame counts as on screen. */
interface Target {
  url: string;
  selector: string;
  count: number;
}

/** Runs in every document of the context before its scripts (a string: this file is compiled without DOM types). */
const ON_SCREEN = `(() => {
  const t = TARGET;
  if (location.origin !== new URL(t.url).origin) return;
  window.__mlnavOnScreen = new Promise((resolve) => {
    const tick = () => {
      if (document.querySelectorAll(t.selector).length < t.count) return requestAnimationFrame(tick);
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    };
    requestAnimationFrame(tick);
  });
})()`;

/** One page load in a fresh context, from `from`: milliseconds from navigation start to the frame that shows the target. */
async function onScreen(browser: Browser, from: string, target: Target): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  try {
    await context.addInitScript(ON_SCREEN.replace('TARGET', JSON.stringify(target)));
    const page = await context.newPage();
    await page.goto(from);
    await page.goto(target.url, { waitUntil: 'commit' });
    return await page.evaluate<number>('window.__mlnavOnScreen', undefined);
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
export const stats = (xs: number[]) => ({ median: median(xs), p95: p95(xs), max: Math.max(...xs), runs: xs.length });

/** BYOR's default quadrant names (a build without QUADRANTS set accepts only these), given to ours in order. */
const BYOR_QUADRANTS = ['Techniques', 'Platforms', 'Tools', 'Languages & Frameworks'];

export function byorDirFromArgs(argv: string[] = process.argv): string | undefined {
  const i = argv.indexOf('--byor');
  return (i > 0 ? argv[i + 1] : undefined) ?? process.env.MLNAV_BENCH_BYOR ?? undefined;
}

/** The browser's floor: a one-line page, written into the web build so the same server sends it with the same headers. */
export const FLOOR_HTML = '<!doctype html><html lang="en"><meta charset="utf-8"><title>floor</title><p elementtiming="floor">MLOps Navigator</p></html>';

/**
 * Serves the web build in `webRoot` on a 2,500-tool catalogue (the map, the one-line page) and on a 400-tool one
 * (its radar: 400 blips), as `mlnav serve` does; every tab starts on a bare page of another server (another port).
 */
export async function benchFirstPaint(opts: { webRoot: string; rounds?: number; byorDir?: string; tools?: number }) {
  const rounds = opts.rounds ?? 25;
  writeFileSync(join(opts.webRoot, 'floor.html'), FLOOR_HTML);
  const servers: ChildProcess[] = [];
  const serve = async (script: string, args: string[] = []) => {
    const s = await start(script, args);
    servers.push(s.child);
    return `http://127.0.0.1:${s.port}`;
  };
  try {
    const big = await serve('servers/api.js', [String(opts.tools ?? 2500), opts.webRoot]);
    const radarOrigin = await serve('servers/api.js', ['400', opts.webRoot]);
    const fromUrl = `${await serve('servers/hello.js')}/`;
    return await measure({ mapUrl: `${big}/`, floorUrl: `${big}/floor.html`, radarOrigin, fromUrl, rounds, byorDir: opts.byorDir, serve });
  } finally {
    for (const s of servers) s.kill();
  }
}

async function measure(opts: {
  mapUrl: string;
  floorUrl: string;
  radarOrigin: string;
  fromUrl: string;
  rounds: number;
  byorDir?: string;
  serve: (script: string, args?: string[]) => Promise<string>;
}) {
  const rounds = opts.rounds;
  const radar = (await (await fetch(`${opts.radarOrigin}/api/radar`)).json()) as Radar;
  const blips = radar.editions.at(-1)!.blips.length;
  const targets: Record<string, Target> = {
    floor: { url: opts.floorUrl, selector: 'p[elementtiming="floor"]', count: 1 },
    // The picture drawn into the HTML is complete once the parser has reached the script after it.
    map: { url: opts.mapUrl, selector: 'div.prerendered.map + script', count: 1 },
    radar: { url: `${opts.radarOrigin}/#/radar`, selector: '.radar svg g.blip', count: blips },
  };
  let byorNote: string | undefined;
  if (opts.byorDir) {
    // The same radar as BYOR reads it: our BYOR CSV export, its quadrants given BYOR's default names.
    const renamed: Radar = { ...radar, quadrants: radar.quadrants.map((q, i) => ({ ...q, name: BYOR_QUADRANTS[i]! })) };
    const dataDir = mkdtempSync(join(tmpdir(), 'mlnav-byor-data-'));
    writeFileSync(join(dataDir, 'radar.csv'), exportByorCsv(renamed));
    const csv = `${await opts.serve('servers/static.js', [dataDir, 'cors'])}/radar.csv`;
    const byor = await opts.serve('servers/static.js', [opts.byorDir]);
    // BYOR lists every blip under its quadrant as it draws that ring's marks (rings over its per-ring limit are drawn
    // as one group mark each): the 400th list entry means every row has its place in the picture.
    targets.byor = { url: `${byor}/?documentId=${encodeURIComponent(csv)}`, selector: 'li.blip-list__item', count: blips };
  } else byorNote = 'BYOR comparison not run: set MLNAV_BENCH_BYOR (or pass --byor) to the folder of a BYOR build';

  // Nothing but this machine: BYOR's page links web fonts on other hosts, which fail at once instead of waiting on the network.
  const browser = await launchChromium(['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1']);
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(targets).map((k) => [k, []]));
  try {
    const names = Object.keys(targets);
    // One warm-up round (the servers' caches), then the rounds; the order alternates so no page always goes first.
    for (let round = -1; round < rounds; round++) {
      for (const name of round % 2 === 0 ? names : [...names].reverse()) {
        const ms = await onScreen(browser, opts.fromUrl, targets[name]!);
        if (round >= 0) times[name]!.push(ms);
      }
    }
  } finally {
    await browser.close();
  }
  const perRound = (a: string, b: string) => times[a]!.map((x, i) => x / times[b]![i]!);
  return {
    rounds,
    blips,
    floor: stats(times.floor!),
    map: stats(times.map!),
    radar: stats(times.radar!),
    byor: times.byor ? stats(times.byor) : undefined,
    mapRatio: median(times.map!) / median(times.floor!),
    mapRoundRatios: stats(perRound('map', 'floor')),
    radarRatio: times.byor ? median(times.radar!) / median(times.byor) : undefined,
    radarRoundRatios: times.byor ? stats(perRound('radar', 'byor')) : undefined,
    byorNote,
  };
}
