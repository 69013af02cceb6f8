import { z } from 'zod';

/** Ids are lower-case kebab-case so they work as file names, URL segments and CLI arguments. */
export const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case kebab-case (a-z, 0-9 and single dashes)');
