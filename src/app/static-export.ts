import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { filesUnder, OutputDirError, prepareOutputDir } from './output-dir.js';
import type { Catalogue } from '../core/catalogue/catalogue.js';
import { toolDetail } from '../core/catalogue/detail.js';
import type { StoreInfo } from '../store/store.js';
import { webCatalogue } from './web-data.js';
import { prerenderIndexHtml } from './prerender.js';
import { catalogueRadar } from './catalogue-radar.js';
import type { Radar } from '../core/radar/schema.js';

/** The export needs the built web app (dist-web/): a usage problem the CLI reports, not an internal error. */
export class WebAppNotBuilt extends Error {}

/**
 * Writes the read-only web app as static files: the built app, with the data it would ask the API
 * for written as JSON beside it. Asset URLs are relative and routes live in the URL hash, so the
 * folder works from any static host and any sub-path; `basePath` adds a <base> for hosts that
 * rewrite unknown paths to index.html.
 */
export function exportStaticSite(opts: {
  webRoot: string;
  out: string;
  catalogue: Catalogue;
  info: Pick<StoreInfo, 'sourceHash' | 'loadedAt' | 'source' | 'catalogueVersion'>;
  basePath?: string;
  force?: boolean;
  /** The radar the radar page shows (an organisation's published editions); default: the catalogue's. */
  radar?: Radar;
}): { files: number } {
  const { webRoot, out, catalogue, info, basePath } = opts;
  if (!existsSync(join(webRoot, 'index.html'))) throw new WebAppNotBuilt(`the web app is not built (${webRoot}): run npm run build first`);
  // Never delete what mlnav did not write: only its own earlier export is replaced (output-dir.ts).
  const dir = prepareOutputDir(out, { force: opts.force });
  const clash = filesUnder(webRoot)
    .map((f) => join(out, relative(webRoot, f)))
    .find((p) => !dir.writable(p));
  if (clash) throw new OutputDirError(`${clash} exists and was not written by mlnav: not overwritten`);
  mkdirSync(join(out, 'data', 'tools'), { recursive: true });
  cpSync(webRoot, out, { recursive: true });
  const web = webCatalogue(catalogue, info);
  let html = prerenderIndexHtml(readFileSync(join(out, 'index.html'), 'utf8'), web.map).replace(
    '<meta name="mlnav-data" content="api" />',
    '<meta name="mlnav-data" content="static" />',
  );
  if (basePath) html = html.replace('<head>', `<head>\n    <base href="${basePath.replace(/[^A-Za-z0-9/_.~-]/g, '')}" />`);
  writeFileSync(join(out, 'index.html'), html);
  writeFileSync(join(out, 'data', 'catalogue.json'), JSON.stringify(web));
  writeFileSync(join(out, 'data', 'radar.json'), JSON.stringify(opts.radar ?? catalogueRadar(catalogue, info.loadedAt.slice(0, 7) || 'current')));
  for (const t of catalogue.tools) writeFileSync(join(out, 'data', 'tools', `${t.id}.json`), JSON.stringify(toolDetail(catalogue, t)));
  dir.finish(filesUnder(out));
  return { files: catalogue.tools.length + 3 };
}
