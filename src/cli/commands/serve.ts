import type { Command } from 'commander';
import { listen, ListenError } from '../../server/listen.js';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { createApp } from '../../server/app.js';
import { packageRoot } from '../../app/paths.js';
import { UserError, openCatalogueOf } from '../context.js';
import { WorkPool } from '../../server/pool.js';
import { lateWork } from '../../server/work.js';

export const webRootDir = join(packageRoot, 'dist-web');

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the JSON API and the web app on the catalogue in the database')
    .option('--port <n>', 'port to listen on', '8080')
    .option('--host <addr>', 'address to listen on', '127.0.0.1')
    .option('--no-opener-policy', 'leave out Cross-Origin-Opener-Policy (saves a browser process switch per navigation)')
    .option('--private', 'every read needs a signed-in user or an API token too (writes always do)')
    .option('--headers-timeout <ms>', 'how long a client may take to send its request headers', '10000')
    .option('--request-timeout <ms>', 'how long a client may take to send its whole request', '30000')
    .action(
      async (opts: { port: string; host: string; openerPolicy: boolean; private?: boolean; headersTimeout: string; requestTimeout: string }, cmd: Command) => {
        const port = Number(opts.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port must be a port number, not "${opts.port}"`, 2);
        const ms = (flag: string, v: string) => {
          const n = Number(v);
          if (!Number.isInteger(n) || n < 100 || n > 600_000) throw new UserError(`${flag} must be 100 to 600000 milliseconds, not "${v}"`, 2);
          return n;
        };
        const headersTimeoutMs = ms('--headers-timeout', opts.headersTimeout);
        const requestTimeoutMs = ms('--request-timeout', opts.requestTimeout);
        // The catalogue is read once; the store stays open for saved stacks.
        const { catalogue, info, store } = await openCatalogueOf(cmd);
        // Analyses and recommendations run in worker threads, so reads and health checks never wait on a solver.
        const makeWork = async (cat: typeof catalogue) => {
          const pool = new WorkPool(cat);
          await pool.ready();
          return pool;
        };
        // The pool's threads load their catalogue while this thread builds the app; it listens once both are done.
        const booting = makeWork(catalogue);
        const work = lateWork(booting);
        const app = createApp({ catalogue, info, webRoot: webRootDir, store, private: opts.private, openerPolicy: opts.openerPolicy, work, makeWork });
        await booting;
        if (!(await store.listUsers()).length)
          process.stderr.write('mlnav: there are no users yet, so every write is refused: add one with `mlnav user add NAME --role admin`\n');
        if (!existsSync(join(webRootDir, 'index.html'))) process.stderr.write('mlnav: the web app is not built (npm run build); serving the API only\n');
        let running;
        try {
          running = await listen(app, { port, host: opts.host, headersTimeoutMs, requestTimeoutMs });
        } catch (e) {
          await work.close();
          await store.close();
          if (e instanceof ListenError) throw new UserError(e.message);
          throw e;
        }
        process.stdout.write(`MLOps Navigator on http://${opts.host}:${running.port}/ (API at /api, OpenAPI at /api/openapi.json)\n`);
        await new Promise<void>((resolve) => {
          // Requests in flight get ten seconds to finish; slow clients are then cut off.
          const stop = () =>
            void running
              .close(10_000)
              .then(() => app.stop?.())
              .then(() => work.close())
              .then(() => store.close())
              .then(resolve);
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      },
    );
}
