import type { WebCatalogue } from './data';

/** The tool a person typed or linked to: its id, name or an alias, in any case (as the CLI resolves them); undefined if none. */
export function findTool(cat: WebCatalogue, typed: string): WebCatalogue['tools'][number] | undefined {
  const wanted = typed.trim();
  const lower = wanted.toLowerCase();
  if (!wanted) return undefined;
  return (
    cat.tools.find((t) => t.id === wanted) ??
    cat.tools.find((t) => t.id === lower || t.name.toLowerCase() === lower) ??
    cat.tools.find((t) => (t.aliases ?? []).some((a) => a.toLowerCase() === lower))
  );
}
