import type { WebCatalogue } from '../../../src/app/web-data';
import type { ToolDetail } from '../../../src/core/catalogue/detail';

import type { Radar } from '../../../src/core/radar/schema';

export type { WebCatalogue, ToolDetail, Radar };

/**
 * Where the data comes from: the server's API, or the JSON files of a static export. Paths are
 * relative, so both work at a site's root or under any sub-path.
 */
const mode = document.querySelector<HTMLMetaElement>('meta[name="mlnav-data"]')?.content === 'static' ? 'static' : 'api';

declare global {
  interface Window {
    /** The request web/public/first-view.js started for the first view's data, before this script ran. */
    mlnavFirstRequest?: { url: string; response: Promise<Response>; json?: Promise<unknown> };
  }
}

async function getJson<T>(path: string): Promise<T> {
  const early = window.mlnavFirstRequest;
  if (early?.url === path) window.mlnavFirstRequest = undefined; // its body can be read once
  const mine = early?.url === path ? early : undefined;
  const res = await (mine ? mine.response : fetch(path, { headers: { Accept: 'application/json' } }));
  if (!res.ok) throw new Error(`${path}: ${res.status} ${res.statusText}`);
  // The first view's radar is already being parsed (its body read) by first-view.js.
  return (mine?.json ? await mine.json : await res.json()) as T;
}

let catalogue: Promise<WebCatalogue> | undefined;
export function loadCatalogue(): Promise<WebCatalogue> {
  return (catalogue ??= getJson<WebCatalogue>(mode === 'api' ? 'api/catalogue' : 'data/catalogue.json').then((c) => {
    performance.mark('mlnav:data-loaded');
    return c;
  }));
}

let radar: Promise<Radar> | undefined;
export function loadRadar(): Promise<Radar> {
  return (radar ??= getJson<Radar>(mode === 'api' ? 'api/radar' : 'data/radar.json'));
}

const details = new Map<string, Promise<ToolDetail>>();
/** After this page changed the catalogue (an approved proposal): tool pages and the catalogue are asked for again. */
export function forgetCatalogue(): void {
  details.clear();
  catalogue = undefined;
}
export function loadTool(id: string): Promise<ToolDetail> {
  let p = details.get(id);
  if (!p) details.set(id, (p = getJson<ToolDetail>(mode === 'api' ? `api/tools/${encodeURIComponent(id)}` : `data/tools/${encodeURIComponent(id)}.json`)));
  return p;
}
