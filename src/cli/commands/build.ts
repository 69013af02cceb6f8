import type { Command } from 'commander';
import { resolve } from 'node:path';
import { exportStaticSite, WebAppNotBuilt } from '../../app/static-export.js';
import { UserError, withCatalogue } from '../context.js';
import { OutputDirError } from '../../app/output-dir.js';
import { webRootDir } from './serve.js';
import type { Radar } from '../../core/radar/schema.js';

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('export the whole read-only web app as static files that work from any static host, under any sub-path')
    .requiredOption('--out <dir>', 'folder to write: empty, or one mlnav wrote before (only its own files are replaced)')
    .option('--force', 'write into a non-empty folder mlnav did not write, deleting nothing')
    .option('--base-path <path>', 'the sub-path the site will live under, e.g. /mlops/ (optional: the export is relocatable)')
    .option('--radar <id>', "the radar page shows this radar of the organisation (its published editions) instead of the catalogue's")
    .action(async (opts: { out: string; basePath?: string; force?: boolean; radar?: string }, cmd: Command) => {
      if (opts.basePath !== undefined && !/^\/([A-Za-z0-9_.~-]+\/)*$/.test(opts.basePath))
        throw new UserError(`--base-path must look like /sub/path/ (leading and trailing slash): "${opts.basePath}"`, 2);
      await withCatalogue(cmd, async ({ catalogue, info, store }) => {
        let radar: Radar | undefined;
        if (opts.radar) {
          const r = await store.getRadar(opts.radar);
          if (!r) throw new UserError(`no radar "${opts.radar}" in the database`);
          if (!r.editions.length) throw new UserError(`radar "${opts.radar}" has no published edition yet: publish one first (the draft is never exported)`);
          radar = { title: r.title, rings: r.rings, quadrants: r.quadrants, editions: r.editions.map((e) => ({ date: e.date, blips: e.blips })) };
        }
        let files: number;
        try {
          ({ files } = exportStaticSite({ webRoot: webRootDir, out: resolve(opts.out), catalogue, info, basePath: opts.basePath, force: opts.force, radar }));
        } catch (e) {
          if (e instanceof OutputDirError || e instanceof WebAppNotBuilt) throw new UserError(e.message);
          throw e;
        }
        process.stdout.write(`wrote the static site to ${opts.out} (${files} data files, ${catalogue.tools.length} tools)\n`);
      });
    });
}
