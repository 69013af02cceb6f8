import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { lazy, Suspense } from 'preact/compat';
import { loadCatalogue, loadRadar, type WebCatalogue } from './lib/data';
import { href, useRoute } from './lib/route';
import { applyFilters, buildIndex, filtersFrom } from './lib/filters';
import { FilterBar } from './components/FilterBar';
import { MapPage, MapPlaceholder } from './pages/MapPage';
// The radar page is small and in the entry (no second request when it is the first view); its legend, with
// the Markdown renderer, is a chunk of its own.
import { RadarPage } from './pages/RadarPage';
import { signOut, useSession } from './lib/session';
import { findTool } from './lib/find-tool';
import './styles.css';

/**
 * The map and the radar are in the entry: a first view needs nothing else. Every other page is a chunk of its own,
 * so a first view compiles and runs only what it shows (the entry's evaluation was the largest task before the
 * radar's first frame); the chunks are fetched once the browser is idle after the first view, or on the visit.
 */
const pages: Array<() => Promise<unknown>> = [];
function page<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  pages.push(load);
  return lazy(() => load().then((m) => ({ default: m[name] })));
}
const TablePage = page(() => import('./pages/TablePage'), 'TablePage');
const ToolPage = page(() => import('./pages/ToolPage'), 'ToolPage');
const ComparePage = page(() => import('./pages/ComparePage'), 'ComparePage');
const LifecyclePage = page(() => import('./pages/LifecyclePage'), 'LifecyclePage');
const StackPage = page(() => import('./pages/StackPage'), 'StackPage');
const RecommendPage = page(() => import('./pages/RecommendPage'), 'RecommendPage');
const RadarsPage = page(() => import('./pages/RadarsPage'), 'RadarsPage');
const OrgRadarPage = page(() => import('./pages/OrgRadarPage'), 'OrgRadarPage');
const ProposalsPage = page(() => import('./pages/ProposalsPage'), 'ProposalsPage');
const SignInPage = page(() => import('./pages/SignInPage'), 'SignInPage');
const GuidePage = page(() => import('./pages/GuidePage'), 'GuidePage');
const StatsPage = page(() => import('./pages/StatsPage'), 'StatsPage');

const NAV = [
  ['/', 'Map'],
  ['/table', 'Catalogue'],
  ['/lifecycle', 'Lifecycle'],
  ['/compare', 'Compare'],
  ['/radar', 'Radar'],
  ['/stack', 'Your stack'],
  ['/recommend', 'Recommend'],
  ['/stats', 'Stats'],
  ['/guide', 'Guide'],
] as const;
/** Views that take no filters: their links do not carry the others' along. */
const UNFILTERED = ['/compare', '/stack', '/radar', '/recommend', '/stats', '/guide'];
/** Pages that only a server has (a static export has no accounts or radars of its own). */
const SERVER_NAV = [
  ['/radars', 'Radars'],
  ['/proposals', 'Proposals'],
] as const;
/** `/embed#/radars/ID`: a radar without the app's chrome, for a wiki or dashboard to frame. */
const embed = /\/embed$/.test(location.pathname);
/** Routes that need neither the catalogue nor a placeholder. */
const OWN_ROUTES = ['/signin', '/radars', '/proposals'];

// What the first view needs is already on its way (web/public/first-view.js started the request). Reading and
// parsing it, and drawing the interactive map, are long tasks: they wait until the page's own picture of the
// map has been painted. The radar page needs only the radar: the catalogue then waits until the browser is idle.
const firstPaint = new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
const radarFirst = location.hash.startsWith('#/radar');
if (radarFirst) void loadRadar();
const catalogueRequest = radarFirst
  ? new Promise<WebCatalogue>((resolve, reject) => (window.requestIdleCallback ?? setTimeout)(() => loadCatalogue().then(resolve, reject)))
  : firstPaint.then(loadCatalogue);

function Account() {
  const session = useSession();
  if (!session.accounts) return null;
  return session.user ? (
    <span class="account">
      {session.user.name} ({session.user.role}){' '}
      <button type="button" class="link" onClick={() => void signOut()}>
        Sign out
      </button>
    </span>
  ) : (
    <a class="account" href={href('/signin')}>
      Sign in
    </a>
  );
}

function App() {
  const route = useRoute();
  const session = useSession();
  const [cat, setCat] = useState<WebCatalogue | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    catalogueRequest.then(setCat, (e: Error) => setError(e.message));
  }, []);
  const filters = useMemo(() => filtersFrom(route.params), [route.params]);
  // The search index is built when the browser is idle after the first paint (or at the first
  // search, if that comes sooner), so neither the first render nor the first keystroke waits for it.
  const [index, setIndex] = useState<ReturnType<typeof buildIndex> | null>(null);
  const searching = filters.q.trim() !== '';
  useEffect(() => {
    if (!cat || index) return;
    if (searching) return setIndex(buildIndex(cat));
    const idle = window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200));
    idle(() => setIndex((current) => current ?? buildIndex(cat)));
  }, [cat, index, searching]);
  const shown = useMemo(() => (cat ? applyFilters(cat, index, filters) : []), [cat, index, filters]);
  useEffect(() => {
    const page = NAV.find(([p]) => p === route.path)?.[1];
    document.title = page ? `${page} · MLOps Navigator` : 'MLOps Navigator';
  }, [route.path]);

  const filtered = route.path === '/' || route.path === '/table' || route.path === '/lifecycle';
  const askedTool = route.path.startsWith('/tools/') ? decodeURIComponent(route.path.slice('/tools/'.length)) : null;
  // An alias, a name or another case resolves to the tool (#/tools/wandb, #/tools/MLflow), and the address becomes its own.
  const resolvedTool = askedTool && cat ? findTool(cat, askedTool) : undefined;
  const toolId = askedTool === null ? null : (resolvedTool?.id ?? askedTool);
  useEffect(() => {
    if (resolvedTool && askedTool !== resolvedTool.id) history.replaceState(null, '', href(`/tools/${resolvedTool.id}`, route.params));
  }, [askedTool, resolvedTool, route.params]);
  const radarId = route.path.startsWith('/radars/') ? decodeURIComponent(route.path.slice('/radars/'.length)) : null;
  const own = OWN_ROUTES.includes(route.path) || radarId !== null;
  if (embed)
    return (
      <main id="main" class="embed">
        <Suspense fallback={<p aria-busy="true">Loading…</p>}>
          {radarId ? <OrgRadarPage id={radarId} cat={cat} params={route.params} embed /> : <RadarPage params={route.params} />}
        </Suspense>
      </main>
    );
  // Filters carry over between the views that use them.
  const keep = new URLSearchParams([...route.params].filter(([k]) => k !== 'ids' && k !== 'diagonal' && k !== 'focus'));
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <a class="brand" href={href('/')}>
          MLOps Navigator
        </a>
        <nav aria-label="Views">
          {NAV.map(([path, label]) => (
            <a key={path} href={UNFILTERED.includes(path) ? href(path) : href(path, keep)} aria-current={route.path === path ? 'page' : undefined}>
              {label}
            </a>
          ))}
          {session.accounts &&
            SERVER_NAV.map(([path, label]) => (
              <a key={path} href={href(path)} aria-current={route.path === path || (path === '/radars' && radarId !== null) ? 'page' : undefined}>
                {label}
              </a>
            ))}
        </nav>
        <Account />
      </header>
      <main id="main" tabIndex={-1}>
        {error && <p role="alert">Could not load the catalogue: {error}</p>}
        {!cat && !error && !filtered && route.path !== '/radar' && !own && <p aria-busy="true">Loading the catalogue…</p>}
        {filtered && !error && <FilterBar cat={cat} filters={filters} params={route.params} shown={shown.length} />}
        {route.path === '/' && !error && (cat ? <MapPage cat={cat} shown={shown} params={route.params} /> : <MapPlaceholder params={route.params} />)}
        <Suspense fallback={<p aria-busy="true">Loading the page…</p>}>
          {cat && route.path === '/table' && <TablePage cat={cat} shown={shown} />}
          {cat && route.path === '/lifecycle' && <LifecyclePage cat={cat} shown={shown} />}
          {cat && route.path === '/compare' && <ComparePage cat={cat} params={route.params} />}
          {cat && route.path === '/stack' && <StackPage cat={cat} params={route.params} />}
          {cat && route.path === '/recommend' && <RecommendPage cat={cat} params={route.params} />}
          {cat && route.path === '/stats' && <StatsPage cat={cat} />}
          {cat && route.path === '/guide' && <GuidePage cat={cat} />}
          {route.path === '/radar' && <RadarPage params={route.params} />}
          {cat && toolId && <ToolPage id={toolId} cat={cat} />}
          {route.path === '/signin' && <SignInPage params={route.params} />}
          {route.path === '/radars' && <RadarsPage />}
          {route.path === '/proposals' && <ProposalsPage params={route.params} cat={cat} />}
          {radarId !== null && <OrgRadarPage id={radarId} cat={cat} params={route.params} embed={false} />}
        </Suspense>
        {cat && !filtered && !toolId && !own && !UNFILTERED.includes(route.path) && (
          <p role="alert">
            No such page. <a href={href('/')}>Back to the map</a>.
          </p>
        )}
      </main>
      {/* While the map view waits for the catalogue, the page's picture of the map sits where the map goes, just after the app: no footer above it. */}
      {(cat || route.path !== '/') && (
        <footer class="foot muted small">
          Framework after L. J. V. Miranda, “Navigating the MLOps tooling landscape” (2021). Placement computed from each tool’s capabilities.
        </footer>
      )}
    </>
  );
}

render(<App />, document.getElementById('app')!);
// The other pages' chunks, fetched and compiled when the browser is idle after the first view.
void firstPaint.then(() => (window.requestIdleCallback ?? setTimeout)(() => pages.forEach((load) => void load().catch(() => undefined))));
