import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { CatalogueError, describeProblems, openCatalogue, type OpenedCatalogue } from '../app/open-catalogue.js';
import { dbTarget, defaultDbPath } from '../app/paths.js';
import { StoreError } from '../store/errors.js';

/** Exit codes: 0 success, 1 bad input (user data or an unknown tool), 2 usage. */
export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

/** An error whose message is for the user, with the exit code it should end the process with. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.badInput,
  ) {
    super(message);
  }
}

export function dbPathOf(cmd: Command): string {
  const opts = cmd.optsWithGlobals<{ db?: string }>();
  return opts.db !== undefined ? dbTarget(opts.db) : defaultDbPath();
}

/** Who the audit log names for what the CLI writes: the operating-system account. */
export const cliActor = (reason?: string) => ({ user: `cli:${userInfo().username}`, ...(reason ? { reason } : {}) });

/** Opens the database's catalogue for a command: its problems as a UserError, its warnings on stderr. The caller closes the store. */
export async function openCatalogueOf(cmd: Command): Promise<OpenedCatalogue> {
  let opened: OpenedCatalogue;
  try {
    opened = await openCatalogue(dbPathOf(cmd));
  } catch (e) {
    if (e instanceof CatalogueError) throw new UserError(`${e.message}\n${describeProblems(e.problems)}`);
    if (e instanceof StoreError) throw new UserError(e.message);
    throw e;
  }
  for (const w of opened.warnings) process.stderr.write(`mlnav: ${w}\n`);
  return opened;
}

/** Runs `fn` with the opened catalogue and always closes the store. */
export async function withCatalogue<T>(cmd: Command, fn: (opened: OpenedCatalogue) => Promise<T> | T): Promise<T> {
  const opened = await openCatalogueOf(cmd);
  try {
    return await fn(opened);
  } catch (e) {
    if (e instanceof StoreError) throw new UserError(e.message);
    throw e;
  } finally {
    await opened.store.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

export const list = (v: string): string[] =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
