import { useEffect, useState } from 'preact/hooks';

/** Hash routes (`#/tools/mlflow?x=y`) work on any static host, under any sub-path. */
export interface Route {
  path: string;
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [path, query] = raw.split('?', 2) as [string, string | undefined];
  return { path: path || '/', params: new URLSearchParams(query ?? '') };
}

export function href(path: string, params?: URLSearchParams | Record<string, string>): string {
  const q = params instanceof URLSearchParams ? params.toString() : new URLSearchParams(params ?? {}).toString();
  return `#${path}${q ? `?${q}` : ''}`;
}

/** Replaces the current URL's query without adding a history entry (filter typing should not flood history). */
export function replaceParams(params: URLSearchParams): void {
  const { path } = parseHash(location.hash);
  history.replaceState(null, '', href(path, params));
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    // The same address keeps the same route object, so effects keyed on it do not run again when a
    // hashchange repeats it (replaceParams dispatches one even when nothing changed).
    const on = () =>
      setRoute((prev) => {
        const next = parseHash(location.hash);
        return next.path === prev.path && next.params.toString() === prev.params.toString() ? prev : next;
      });
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
