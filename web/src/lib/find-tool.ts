import type { WebCatalogue } from './data';

/** The tool a person typed into an "add a tool" box: its name in any case, or its id; undefined if none. */
export function findTool(cat: WebCatalogue, typed: string): WebCatalogue['tools'][number] | undefined {
  const wanted = typed.trim();
  const lower = wanted.toLowerCase();
  return wanted ? cat.tools.find((t) => t.name.toLowerCase() === lower || t.id === wanted) : undefined;
}
