import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../app/paths.js';
import { EXIT, UserError } from './context.js';
import { registerValidate } from './commands/validate.js';
import { registerTools } from './commands/tools.js';
import { registerShow } from './commands/show.js';
import { registerExplain } from './commands/explain.js';
import { registerCheck } from './commands/check.js';
import { registerImportExport } from './commands/import-export.js';
import { registerMap } from './commands/map.js';
import { registerServe } from './commands/serve.js';
import { registerBuild } from './commands/build.js';
import { registerRecommend, registerStack } from './commands/stack.js';
import { registerRadar } from './commands/radar.js';
import { registerEnrich } from './commands/enrich.js';
import { registerUsers } from './commands/users.js';

const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };

export function buildProgram(): Command {
  const program = new Command()
    .name('mlnav')
    .description('MLOps Navigator: the MLOps tooling landscape, computed and explained')
    .version(version)
    .option(
      '--db <file|url>',
      'SQLite file, or postgres://user@host/db[?schema=NAME] for a shared deployment (created and loaded with the bundled catalogue on first use); default ./mlnav.db or $MLNAV_DB',
    )
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const register of [
    registerValidate,
    registerTools,
    registerShow,
    registerExplain,
    registerCheck,
    registerImportExport,
    registerMap,
    registerServe,
    registerBuild,
    registerStack,
    registerRecommend,
    registerRadar,
    registerEnrich,
    registerUsers,
  ])
    register(program);
  program.commands.forEach((c) => c.exitOverride());
  return program;
}

/** Runs the CLI and returns the exit code: 0 ok, 1 bad input, 2 usage. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are successful exits; everything else commander rejects is a usage error.
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof UserError) {
      if (e.message) process.stderr.write(`mlnav: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`mlnav: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 70;
  }
}
