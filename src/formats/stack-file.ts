import { readFileSync } from 'node:fs';
import type { Catalogue } from '../core/catalogue/catalogue.js';
import { fieldPath, type Problem } from '../core/problems.js';
import { StackSchema, type Stack } from '../core/stack/schema.js';
import { checkStack } from '../core/stack/check.js';
import { parseYaml, validateYaml } from './yaml-source.js';

/** Reads a stack file; every problem (syntax, schema, unknown tool or persona) with its line. */
export function readStackFile(path: string, shown: string, cat: Catalogue): { stack?: Stack; problems: Problem[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { problems: [{ file: shown, field: '', message: `cannot read: ${(e as Error).message}`, severity: 'error' }] };
  }
  return parseStackText(text, shown, cat);
}

export function parseStackText(text: string, shown: string, cat: Catalogue): { stack?: Stack; problems: Problem[] } {
  const src = parseYaml(shown, text);
  if (src.data === undefined) return { problems: src.problems };
  const { value, problems } = validateYaml(src, StackSchema);
  if (!value) return { problems };
  const refs = checkStack(cat, value).map((p) => ({
    file: shown,
    line: src.lineOf(p.path),
    field: fieldPath(p.path),
    message: p.message,
    severity: 'error' as const,
  }));
  return refs.length ? { problems: refs } : { stack: value, problems: [] };
}
