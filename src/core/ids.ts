import { z } from 'zod';

/** Ids are lower-case kebab-case so they work as file names, URL segments and CLI arguments. */
export const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case kebab-case (a-z, 0-9 and single dashes)');

/**
 * A URL-safe id for something people name (a radar, a saved stack): lower case, letters and digits of
 * any script kept, everything else one dash. "Équipe données" -> "équipe-données"; "Data Team" and
 * "data team" give the same id, so the second is a conflict rather than an overwrite.
 */
export function slugify(name: string, fallback: string): string {
  const s = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return s || fallback;
}
