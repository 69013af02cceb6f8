import type { Taxonomy } from '../core/taxonomy/schema.js';
import type { Tool } from '../core/catalogue/tool.js';
import type { Stack } from '../core/stack/schema.js';

export interface StoredStack {
  id: string;
  name: string;
  savedAt: string;
  stack: Stack;
}

/** Organisations' stacks, saved through the API. */
export interface StackRepository {
  saveStack(id: string, stack: Stack): Promise<StoredStack>;
  getStack(id: string): Promise<StoredStack | undefined>;
  listStacks(): Promise<Array<Omit<StoredStack, 'stack'>>>;
}

export interface StoreInfo {
  tools: number;
  /** Where the current catalogue came from: a folder path, or "bundled". */
  source: string;
  sourceHash: string;
  loadedAt: string;
  schemaVersion: string;
}

/**
 * What the CLI and the server need from persistence. Implementations must make
 * `replaceCatalogue` all-or-nothing: a failed load leaves the previous catalogue intact.
 */
export interface CatalogueStore extends StackRepository {
  replaceCatalogue(input: { taxonomy: Taxonomy; tools: readonly Tool[]; source: string; sourceHash: string }): Promise<StoreInfo>;
  /** The stored catalogue, or undefined when nothing was loaded yet. */
  readCatalogue(): Promise<{ taxonomy: Taxonomy; tools: Tool[] } | undefined>;
  info(): Promise<StoreInfo | undefined>;
  close(): Promise<void>;
}
