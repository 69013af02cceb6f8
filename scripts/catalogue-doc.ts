/** Writes the generated tables of docs/CATALOGUE.md from the bundled catalogue. `npm run catalogue-doc`; a test fails when stale. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalogueFolder } from '../src/formats/catalogue-folder.js';
import { buildCatalogue } from '../src/core/catalogue/catalogue.js';
import { bundledDataDir, packageRoot } from '../src/app/paths.js';
import { catalogueTables, withCatalogueTables } from '../src/app/catalogue-doc.js';

const loaded = loadCatalogueFolder(bundledDataDir);
const cat = buildCatalogue(loaded.taxonomy!, loaded.tools);
const file = join(packageRoot, 'docs', 'CATALOGUE.md');
writeFileSync(file, withCatalogueTables(readFileSync(file, 'utf8'), catalogueTables(cat)));
console.log(`wrote the tables of docs/CATALOGUE.md (${cat.tools.length} tools)`);
