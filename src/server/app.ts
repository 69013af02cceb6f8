import { Hono } from 'hono';
import type { Catalogue } from '../core/catalogue/catalogue.js';
import type { Radar } from '../core/radar/schema.js';
import { buildCatalogue } from '../core/catalogue/catalogue.js';
import { layeredTools } from '../app/open-catalogue.js';
import type { CatalogueStore, StackRepository, StoreInfo } from '../store/store.js';
import { StoreError } from '../store/errors.js';
import { createCatalogueApp } from './catalogue-app.js';
import { inlineWork, lateWork, type HeavyWork } from './work.js';
import { authenticate, requireRole, type AuthEnv } from './auth.js';
import { apiError } from './errors.js';
import { securityHeaders } from './security-headers.js';
import { sessionRoutes } from './routes/session.js';
import { radarRoutes } from './routes/radars.js';
import { proposalRoutes } from './routes/proposals.js';
import { auditRoutes } from './routes/audit.js';
import { stackRoutes } from './routes/stacks.js';
import type { CurrentCatalogue } from './current.js';

export { MAX_BODY_BYTES } from './body.js';

export interface AppOptions {
  catalogue: Catalogue;
  info: Pick<StoreInfo, 'sourceHash' | 'loadedAt' | 'source' | 'catalogueVersion'>;
  /**
   * The database: accounts, the organisation's radars, proposals, the audit log and saved stacks.
   * Without it the API serves the catalogue read-only (writes answer 503).
   */
  store?: CatalogueStore;
  /** Only saved stacks (tests): when there is no full store. */
  stacks?: StackRepository;
  /** Every read needs a signed-in user or a token too (`serve --private`). */
  private?: boolean;
  /** The radar served at /api/radar; default: the catalogue's, from part 3's table. */
  radar?: Radar;
  /** The built web app (dist-web/); the API works without it. */
  webRoot?: string;
  /** Send Cross-Origin-Opener-Policy: same-origin (default true; see security-headers.ts). */
  openerPolicy?: boolean;
  /** Where analyses and recommendations run: a worker pool in `mlnav serve`; default inline. */
  work?: HeavyWork;
  /** Makes the job runner for a new catalogue after a change (default: inline); the old one is then closed. */
  makeWork?: (cat: Catalogue) => Promise<HeavyWork>;
}

/** The app, and what keeps it current: `ready` settles when a catalogue change has been taken in (tests wait on it). */
export interface ServedApp extends Hono<AuthEnv> {
  /** Reloads the catalogue from the store now (also done on every change the store announces). */
  reload?: () => Promise<void>;
  /** Stops listening for catalogue changes. */
  stop?: () => Promise<void>;
}

/**
 * The whole HTTP face: authentication as middleware, one route module per resource composed with
 * `app.route()`, and the catalogue's read API (rebuilt whole when the catalogue or the organisation's
 * layer over it changes, so its caches and ETags follow).
 */
export function createApp(opts: AppOptions): ServedApp {
  const { store } = opts;
  let state: CurrentCatalogue & { app: Hono } = {
    catalogue: opts.catalogue,
    info: opts.info,
    work: opts.work ?? inlineWork(opts.catalogue),
    app: createCatalogueApp({ ...opts, work: opts.work ?? inlineWork(opts.catalogue), mutable: !!store }),
  };
  const current = () => state;

  const app: ServedApp = new Hono<AuthEnv>();
  app.use('*', securityHeaders({ openerPolicy: opts.openerPolicy }));
  // Only the API needs to know the caller: static files and the page never cost a session lookup.
  app.use('/api/*', authenticate(store, { private: opts.private, open: (p) => p === '/api/health' || p.startsWith('/api/session') }));
  // Answers about people and the organisation's own data are never cached by anyone on the way.
  const noStore = async (c: { header: (k: string, v: string) => void }, next: () => Promise<void>) => {
    await next();
    c.header('Cache-Control', 'no-store');
  };
  for (const path of ['/api/session', '/api/radars', '/api/proposals', '/api/audit', '/api/stacks']) app.use(path, noStore).use(`${path}/*`, noStore);

  app.route('/api/stacks', stackRoutes(store ?? opts.stacks, current));
  if (store) {
    app.route('/api/session', sessionRoutes(store));
    app.route('/api/radars', radarRoutes(store, current));
    app.route('/api/proposals', proposalRoutes(store, current));
    app.route('/api/audit', auditRoutes(store));
    // The organisation's layer over the base catalogue: every tool it changed, and those whose base has changed since.
    app.get('/api/overlay', async (c) => {
      const user = requireRole(c, 'editor');
      if (user instanceof Response) return user;
      c.header('Cache-Control', 'no-store');
      const base = await store.readCatalogue();
      const { conflicts } = await layeredTools(store, base?.tools ?? []);
      const conflicted = new Set(conflicts.map((x) => x.tool));
      const overrides = (await store.toolOverrides()).map((o) => ({
        tool: o.tool.id,
        updatedBy: o.updatedBy,
        updatedAt: o.updatedAt,
        inBase: !!base?.tools.some((t) => t.id === o.tool.id),
        conflict: conflicted.has(o.tool.id),
      }));
      return c.json({ overrides, conflicts: overrides.filter((o) => o.conflict) });
    });
    // A tool's history: every approved change to it, who made it and why.
    app.get('/api/tools/:id/history', async (c) => {
      if (!state.catalogue.byId.has(c.req.param('id'))) return apiError(c, 404, `no tool "${c.req.param('id')}"`, 'id');
      c.header('Cache-Control', 'no-store');
      return c.json(await store.audit({ target: `tool:${c.req.param('id')}` }));
    });
  } else {
    // The web app asks who is signed in on every load: without a database, nobody, and there are no accounts.
    app.get('/api/session', (c) => c.json({ user: null, accounts: false }));
    for (const path of ['/api/session', '/api/radars', '/api/proposals', '/api/audit'])
      app.all(path === '/api/session' ? path : `${path}/*`, (c) => apiError(c, 503, 'this server has no database: accounts, radars and proposals are off'));
  }
  // Everything else is the catalogue's: handed to the current catalogue app whole.
  app.all('*', (c) => state.app.fetch(c.req.raw));
  app.onError((err, c) => {
    if (err instanceof StoreError && err.kind === 'busy')
      return apiError(c, 503, 'the database is busy; try again in a moment', undefined, { 'Retry-After': '2' });
    if (err instanceof StoreError && err.kind === 'read-only') return apiError(c, 503, 'the database is read-only: nothing can be written now');
    console.error(err);
    return apiError(c, 500, 'internal error');
  });

  if (store) {
    let loading: Promise<void> | undefined;
    let again = false;
    let seen = -1;
    const reload = async () => {
      const version = await store.catalogueVersion();
      if (version === seen) return;
      const base = await store.readCatalogue();
      if (!base) return;
      const { tools } = await layeredTools(store, base.tools);
      const catalogue = buildCatalogue(base.taxonomy, tools);
      // Tagged with the version read before the tools: the content is at least that new, never older.
      const info = { ...((await store.info()) ?? opts.info), catalogueVersion: version };
      // The worker pool boots in its threads while this thread builds the app: the two overlap.
      const booting = opts.makeWork ? opts.makeWork(catalogue) : Promise.resolve(inlineWork(catalogue));
      const built = createCatalogueApp({ ...opts, catalogue, info, work: lateWork(booting), radar: undefined, mutable: true });
      const work = await booting;
      const old = state.work;
      state = { catalogue, info, work, app: built };
      seen = version;
      if (old !== opts.work || opts.makeWork) await old.close?.();
    };
    /** One reload at a time; a change announced during one triggers one more. */
    const schedule = (): Promise<void> => {
      if (loading) {
        again = true;
        return loading;
      }
      loading = reload()
        .catch((e) => console.error(`mlnav: could not reload the catalogue: ${(e as Error).message}`))
        .finally(() => {
          loading = undefined;
          if (again) {
            again = false;
            void schedule();
          }
        });
      return loading;
    };
    app.reload = schedule;
    const stopped = store.catalogueVersion().then((v) => {
      seen = v;
      return store.onCatalogueChange(() => void schedule());
    });
    app.stop = async () => {
      (await stopped)();
      if (state.work !== opts.work) await state.work.close();
    };
  }
  return app;
}
