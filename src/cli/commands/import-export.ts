import type { Command } from 'commander';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { CatalogueError, describeProblems, importFolder } from '../../app/open-catalogue.js';
import { formatProblem } from '../../core/problems.js';
import { writeCatalogueFolder } from '../../formats/catalogue-folder.js';
import { openStore } from '../../store/open-store.js';
import { UserError, dbPathOf, printJson, withCatalogue } from '../context.js';

export function registerImportExport(program: Command): void {
  program
    .command('import')
    .description('validate a catalogue folder and, if it has no errors, replace the stored catalogue with it (all or nothing)')
    .argument('<dir>', 'catalogue folder laid out like data/')
    .option('--json', 'print the result as JSON')
    .action(async (dir: string, opts: { json?: boolean }, cmd: Command) => {
      const path = resolve(dir);
      if (!existsSync(path)) throw new UserError(`${dir}: no such folder`);
      const store = await openStore(dbPathOf(cmd));
      try {
        const { info, problems } = await importFolder(store, path);
        if (opts.json) return printJson({ ok: true, ...info, problems });
        for (const p of problems) process.stdout.write(formatProblem(p) + '\n');
        process.stdout.write(`imported ${info.tools} tool(s) from ${dir} into ${dbPathOf(cmd)}\n`);
      } catch (e) {
        if (!(e instanceof CatalogueError)) throw e;
        if (opts.json) {
          printJson({ ok: false, message: e.message, problems: e.problems });
          throw new UserError('', 1);
        }
        throw new UserError(`${describeProblems(e.problems)}\n${e.message}`);
      } finally {
        await store.close();
      }
    });

  program
    .command('export')
    .description('write the stored catalogue as a folder (taxonomy.yaml and tools/*.yaml) that import reads back unchanged')
    .argument('<dir>', 'folder to write')
    .action(async (dir: string, _opts: unknown, cmd: Command) => {
      await withCatalogue(cmd, ({ catalogue }) => {
        writeCatalogueFolder(resolve(dir), catalogue.tax.taxonomy, catalogue.tools);
        process.stdout.write(`exported ${catalogue.tools.length} tool(s) to ${dir}\n`);
      });
    });
}
