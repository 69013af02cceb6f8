import { loadCatalogueFolder } from '../../src/formats/catalogue-folder.js';
import { buildCatalogue, type Catalogue } from '../../src/core/catalogue/catalogue.js';
import { bundledDataDir } from '../../src/app/paths.js';

let cached: Catalogue | undefined;

/** The bundled catalogue, loaded from data/ once per test file. */
export function bundledCatalogue(): Catalogue {
  if (cached) return cached;
  const loaded = loadCatalogueFolder(bundledDataDir);
  if (!loaded.taxonomy) throw new Error('bundled taxonomy does not load');
  cached = buildCatalogue(loaded.taxonomy, loaded.tools);
  return cached;
}
