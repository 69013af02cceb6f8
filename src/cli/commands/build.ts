import type { Command } from 'commander';
import { resolve } from 'node:path';
import { exportStaticSite } from '../../app/static-export.js';
import { UserError, withCatalogue } from '../context.js';
import { OutputDirError } from '../../app/output-dir.js';
import { webRootDir } from './serve.js';

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('export the whole read-only web app as static files that work from any static host, under any sub-path')
    .requiredOption('--out <dir>', 'folder to write: empty, or one mlnav wrote before (only its own files are replaced)')
    .option('--force', 'write into a non-empty folder mlnav did not write, deleting nothing')
    .option('--base-path <path>', 'the sub-path the site will live under, e.g. /mlops/ (optional: the export is relocatable)')
    .action(async (opts: { out: string; basePath?: string; force?: boolean }, cmd: Command) => {
      if (opts.basePath !== undefined && !/^\/([A-Za-z0-9_.~-]+\/)*$/.test(opts.basePath))
        throw new UserError(`--base-path must look like /sub/path/ (leading and trailing slash): "${opts.basePath}"`, 2);
      await withCatalogue(cmd, ({ catalogue, info }) => {
        let files: number;
        try {
          ({ files } = exportStaticSite({ webRoot: webRootDir, out: resolve(opts.out), catalogue, info, basePath: opts.basePath, force: opts.force }));
        } catch (e) {
          if (e instanceof OutputDirError) throw new UserError(e.message);
          throw e;
        }
        process.stdout.write(`wrote the static site to ${opts.out} (${files} data files, ${catalogue.tools.length} tools)\n`);
      });
    });
}
