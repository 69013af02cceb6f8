import type { Command } from 'commander';
import { resolve } from 'node:path';
import { formatProblem, hasErrors } from '../../core/problems.js';
import { loadCatalogueFolderParallel } from '../../formats/catalogue-folder.js';
import { bundledDataDir, bundledTaxonomy } from '../../app/paths.js';
import { EXIT, printJson } from '../context.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check a catalogue folder (tools/*.yaml, and taxonomy.yaml or the bundled one); report every problem with file, line and field')
    .argument('[dir]', 'catalogue folder laid out like data/', bundledDataDir)
    .option('--json', 'print the problems as JSON')
    .action(async (dir: string, opts: { json?: boolean }) => {
      const loaded = await loadCatalogueFolderParallel(resolve(dir), { fallbackTaxonomy: bundledTaxonomy, relativeTo: process.cwd() });
      const errors = loaded.problems.filter((p) => p.severity === 'error').length;
      if (opts.json) printJson({ ok: !hasErrors(loaded.problems), files: loaded.files, tools: loaded.tools.length, problems: loaded.problems });
      else {
        for (const p of loaded.problems) process.stdout.write(formatProblem(p) + '\n');
        process.stdout.write(
          `${loaded.files} file(s), ${loaded.tools.length} valid tool(s), ${errors} error(s), ${loaded.problems.length - errors} warning(s)\n`,
        );
      }
      process.exitCode = errors ? EXIT.badInput : EXIT.ok;
    });
}
