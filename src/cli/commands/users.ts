import type { Command } from 'commander';
import { hashPassword, newToken, parseToken } from '../../app/credentials.js';
import { openStore } from '../../store/open-store.js';
import { StoreError } from '../../store/errors.js';
import { ROLES, type CatalogueStore, type Role } from '../../store/store.js';
import { EXIT, UserError, cliActor, dbPathOf, printJson } from '../context.js';

/** User names: lower case, so "Ana" and "ana" cannot be two people. */
const NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

async function withStore<T>(cmd: Command, fn: (store: CatalogueStore) => Promise<T>): Promise<T> {
  let store: CatalogueStore;
  try {
    store = await openStore(dbPathOf(cmd));
  } catch (e) {
    if (e instanceof StoreError) throw new UserError(e.message);
    throw e;
  }
  try {
    return await fn(store);
  } catch (e) {
    if (e instanceof StoreError) throw new UserError(e.message);
    throw e;
  } finally {
    await store.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function registerUsers(program: Command): void {
  const user = program.command('user').description('accounts: who may sign in to the web app and write through the API');
  user
    .command('add')
    .description('add a user with a role, and print a new personal API token for them (shown once)')
    .argument('<name>', 'lower-case login name')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--password-stdin', 'read a password for web sign-in from standard input (without it the user signs in with tokens only)')
    .option('--json', 'print {name, role, token}')
    .action(async (name: string, opts: { role: string; passwordStdin?: boolean; json?: boolean }, cmd: Command) => {
      if (!NAME.test(name)) throw new UserError(`user name "${name}" must be lower case: letters, digits, ".", "_" or "-" (at most 64)`, EXIT.usage);
      if (!(ROLES as readonly string[]).includes(opts.role)) throw new UserError(`--role must be one of ${ROLES.join(', ')}, not "${opts.role}"`, EXIT.usage);
      let passwordHash: string | undefined;
      if (opts.passwordStdin) {
        const password = await readStdin();
        if (password.length < 12) throw new UserError('the password must have at least 12 characters');
        passwordHash = await hashPassword(password);
      }
      await withStore(cmd, async (store) => {
        const added = await store.addUser({ name, role: opts.role as Role, passwordHash }, cliActor());
        if (!added) throw new UserError(`there is already a user "${name}"`);
        const t = newToken();
        await store.addToken({ id: t.id, user: name, hash: t.hash, label: 'created with the user' }, cliActor());
        if (opts.json) return printJson({ name, role: opts.role, token: t.token });
        process.stdout.write(`added ${name} (${opts.role})\nAPI token (shown once; send it as "Authorization: Bearer <token>"):\n${t.token}\n`);
      });
    });
  user
    .command('list')
    .description('list users and their roles')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) =>
      withStore(cmd, async (store) => {
        const users = await store.listUsers();
        if (opts.json) return printJson(users);
        if (!users.length) return void process.stdout.write('no users yet: mlnav user add NAME --role admin\n');
        for (const u of users) process.stdout.write(`${u.name.padEnd(24)} ${u.role.padEnd(7)} since ${u.createdAt.slice(0, 10)}\n`);
      }),
    );
  user
    .command('remove')
    .description('remove a user, with their tokens and sessions (what they did stays in the audit log)')
    .argument('<name>')
    .action(async (name: string, _opts: unknown, cmd: Command) =>
      withStore(cmd, async (store) => {
        if (!(await store.removeUser(name, cliActor()))) throw new UserError(`no user "${name}"`);
        process.stdout.write(`removed ${name}\n`);
      }),
    );

  const token = program.command('token').description('personal API tokens, for scripts');
  token
    .command('add')
    .description('create another API token for a user (shown once)')
    .argument('<user>')
    .option('--label <text>', 'what it is for', 'cli')
    .option('--json', 'print {id, user, token}')
    .action(async (name: string, opts: { label: string; json?: boolean }, cmd: Command) =>
      withStore(cmd, async (store) => {
        if (!(await store.getUser(name))) throw new UserError(`no user "${name}"`);
        const t = newToken();
        await store.addToken({ id: t.id, user: name, hash: t.hash, label: opts.label }, cliActor());
        if (opts.json) return printJson({ id: t.id, user: name, token: t.token });
        process.stdout.write(`${t.token}\n`);
      }),
    );
  token
    .command('list')
    .description('list tokens (ids only; secrets are never stored)')
    .option('--user <name>')
    .option('--json', 'print JSON')
    .action(async (opts: { user?: string; json?: boolean }, cmd: Command) =>
      withStore(cmd, async (store) => {
        const tokens = await store.listTokens(opts.user);
        if (opts.json) return printJson(tokens);
        for (const t of tokens)
          process.stdout.write(`${t.id}  ${t.user.padEnd(20)} ${t.label.padEnd(24)} ${t.revokedAt ? `revoked ${t.revokedAt.slice(0, 10)}` : 'live'}\n`);
      }),
    );
  token
    .command('revoke')
    .description('revoke a token at once (give its id, or the whole token)')
    .argument('<id-or-token>')
    .action(async (given: string, _opts: unknown, cmd: Command) =>
      withStore(cmd, async (store) => {
        const id = parseToken(given)?.id ?? given;
        if (!(await store.revokeToken(id, cliActor()))) throw new UserError(`no live token "${id}"`);
        process.stdout.write(`revoked ${id}\n`);
      }),
    );
}
