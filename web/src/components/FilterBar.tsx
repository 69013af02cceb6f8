import type { WebCatalogue } from '../lib/data';
import { replaceParams } from '../lib/route';
import { withFilter, type Filters } from '../lib/filters';

interface Props {
  /** Null while the catalogue loads: the bar is drawn (search already works) and its lists fill in on arrival. */
  cat: WebCatalogue | null;
  filters: Filters;
  params: URLSearchParams;
  shown: number;
}

/** Search and filters; every change goes to the URL, so a view can be shared and restored. */
export function FilterBar({ cat, filters, params, shown }: Props) {
  const set = (key: keyof Filters) => (e: Event) => replaceParams(withFilter(params, key, (e.currentTarget as HTMLInputElement).value));
  // A value from the link that is not among the options (a stale or mistyped link) stays visible in its list
  // and is named in an alert: otherwise the list would read "Any" while nothing matches.
  const unknown: string[] = [];
  const select = (key: keyof Filters, label: string, options: ReadonlyArray<readonly [string, string]>) => {
    const value = filters[key];
    const known = !value || !cat || options.some(([id]) => id === value);
    if (!known) unknown.push(`${label.toLowerCase()} “${value}”`);
    return (
      <label class="filter">
        <span>{label}</span>
        <select name={key} value={value} onChange={set(key)}>
          <option value="">Any</option>
          {!known && <option value={value}>“{value}” (unknown)</option>}
          {options.map(([id, name]) => (
            <option value={id} key={id}>
              {name}
            </option>
          ))}
        </select>
      </label>
    );
  };
  const t = cat?.taxonomy ?? { categories: [], capabilities: [], stages: [], quadrants: [] };
  const active = Object.values(filters).some(Boolean);
  return (
    <form class="filters" role="search" aria-label="Filter tools" onSubmit={(e) => e.preventDefault()}>
      <label class="filter search">
        <span>Search</span>
        <input type="search" name="q" placeholder="Search tools, vendors, capabilities…" value={filters.q} onInput={set('q')} autoComplete="off" />
      </label>
      {select(
        'quadrant',
        'Quadrant',
        t.quadrants.map((q) => [q.id, q.name] as const),
      )}
      {select(
        'category',
        'Category',
        t.categories.map((c) => [c.id, c.name] as const),
      )}
      {select(
        'capability',
        'Capability',
        t.capabilities.map((c) => [c.id, c.name] as const),
      )}
      {select(
        'stage',
        'Lifecycle stage',
        t.stages.map((s) => [s.id, s.name] as const),
      )}
      {select('oss', 'Licence', [
        ['true', 'Open source'],
        ['false', 'Not open source'],
      ])}
      {select('offering', 'Offering', [
        ['library', 'Library'],
        ['self-hosted', 'Self-hosted'],
        ['managed', 'Managed'],
        ['cloud-service', 'Cloud service'],
      ])}
      {select('status', 'Status', [
        ['active', 'Active'],
        ['maintenance', 'Maintenance'],
        ['acquired', 'Acquired'],
        ['archived', 'Archived'],
        ['discontinued', 'Discontinued'],
      ])}
      <p class="count" aria-live="polite">
        {cat ? (
          <>
            <strong data-testid="shown-count">{shown}</strong> of {cat.tools.length} tools
          </>
        ) : (
          'Loading the catalogue…'
        )}
        {active && (
          <button type="button" class="link" onClick={() => replaceParams(new URLSearchParams())}>
            Clear filters
          </button>
        )}
      </p>
      {unknown.length > 0 && (
        <p role="alert" class="filter-problem">
          Not a known value, so no tool matches: {unknown.join(', ')}.
        </p>
      )}
    </form>
  );
}
