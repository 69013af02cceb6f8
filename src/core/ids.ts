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

/**
 * The key two spellings of one ring or quadrant name share: case, spacing and punctuation ignored, "&" read
 * as "and", letters of any script kept. "Languages & Frameworks" and "languages-and-frameworks" give
 * "languagesandframeworks"; "Принять" and "採用" keep their letters, so they stay apart.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\+/g, ' plus ')
    .replace(/#/g, ' sharp ')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '');
}

/**
 * An {@link Id} (ASCII kebab-case, as file names, URLs and the API need) for a name from a foreign file,
 * that keeps distinct names apart: accents folded ("Café" -> "cafe"), "+" and "#" spelled out
 * ("C++" -> "c-plus-plus", "C#" -> "c-sharp"), and a word in a script with no ASCII folding written as
 * "u" and its code points in hex ("Принять" -> "u041f0440..."), so non-Latin names do not collapse to one id.
 */
export function nameId(name: string, fallback = 'item'): string {
  const words = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/\+/g, ' plus ')
    .replace(/#/g, ' sharp ')
    .replace(/&/g, ' and ')
    .match(/[\p{L}\p{N}\p{M}]+/gu);
  const parts = (words ?? []).map((w) => {
    const folded = w.normalize('NFKD').replace(/\p{M}+/gu, '');
    if (/^[a-z0-9]+$/.test(folded)) return folded;
    return (
      'u' +
      [...w]
        .map((c) => {
          const f = c.normalize('NFKD').replace(/\p{M}+/gu, '');
          return /^[a-z0-9]+$/.test(f) ? f : c.codePointAt(0)!.toString(16).padStart(4, '0');
        })
        .join('')
    );
  });
  const id = parts.join('-').slice(0, 80).replace(/-+$/, '');
  return id || fallback;
}

/** Ids for a list of names, each distinct: a clash (two blips named alike) gets a numeric suffix, never a merge. */
export function distinctIds(names: readonly string[], fallback = 'item'): string[] {
  const taken = new Set<string>();
  return names.map((n) => {
    const base = nameId(n, fallback);
    let id = base;
    for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
    taken.add(id);
    return id;
  });
}
