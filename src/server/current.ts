import type { Catalogue } from '../core/catalogue/catalogue.js';
import type { StoreInfo } from '../store/store.js';
import type { HeavyWork } from './work.js';

/** The catalogue a request is answered from: swapped whole when the catalogue changes (see app.ts). */
export interface CurrentCatalogue {
  catalogue: Catalogue;
  info: Pick<StoreInfo, 'sourceHash' | 'loadedAt' | 'source' | 'catalogueVersion'>;
  work: HeavyWork;
}

export type Current = () => CurrentCatalogue;
