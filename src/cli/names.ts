import type { Catalogue } from '../core/catalogue/catalogue.js';
import { namesFrom, type Names } from '../wording/en.js';

/** The catalogue's names for ids, for wording the core's codes. */
export function catalogueNames(cat: Catalogue): Names {
  return namesFrom(cat.tax.taxonomy, (id) => cat.byId.get(id)?.name);
}
