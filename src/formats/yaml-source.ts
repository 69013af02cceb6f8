import { LineCounter, parseDocument, isMap, isNode, isScalar, isSeq, type Document } from 'yaml';
import jsyaml from 'js-yaml';
import type { z } from 'zod';
import { fieldPath, type Problem } from '../core/problems.js';

/** A parsed YAML text that can say on which line any field stands. */
export interface YamlSource {
  file: string;
  data: unknown;
  /** Line of the value at `path`, or of its nearest existing parent; 1-based. */
  lineOf(path: ReadonlyArray<PropertyKey>): number | undefined;
  /** Syntax errors, already located. */
  problems: Problem[];
}

/** The largest YAML text read (a tool file is a few KB; a stack or radar file rarely 100 KB). */
export const MAX_YAML_BYTES = 4 * 1024 * 1024;
/** At most this many alias expansions per document (a "billion laughs" file needs thousands). */
export const MAX_YAML_ALIASES = 100;

/** Anchors or aliases anywhere in the text: such files take the parser that bounds alias expansion. */
const ALIAS = /(^|[\s[{,:-])[&*][^\s,[\]{}]/m;

export function parseYaml(file: string, text: string): YamlSource {
  if (text.length > MAX_YAML_BYTES)
    return {
      file,
      data: undefined,
      lineOf: () => undefined,
      problems: [{ file, line: 1, field: '', message: `file too large: ${text.length} bytes (at most ${MAX_YAML_BYTES})`, severity: 'error' }],
    };
  // js-yaml expands aliases without a limit: a file that uses them goes to the parser that has one.
  if (ALIAS.test(text)) return parseYamlDocument(file, text);
  // Fast path: js-yaml is several times quicker than building a full Document, and most files are
  // fine. The Document (which knows every node's line) is built only when something needs a line.
  try {
    const data: unknown = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, json: false, filename: file });
    let located: YamlSource | undefined;
    return {
      file,
      data,
      problems: [],
      lineOf: (path) => (located ??= parseYamlDocument(file, text)).lineOf(path),
    };
  } catch {
    // Anything js-yaml rejects gets the full parser's located messages.
    return parseYamlDocument(file, text);
  }
}

/** The full parser: every node keeps its position, so errors and fields map to lines. */
export function parseYamlDocument(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [...doc.errors, ...doc.warnings].map((e) => ({
    file,
    line: lineCounter.linePos(e.pos[0]).line,
    field: '',
    message: `YAML ${e.code === 'DUPLICATE_KEY' ? 'duplicate key' : 'syntax error'}: ${e.message.split('\n')[0]}`,
    severity: doc.errors.includes(e as never) ? 'error' : 'warning',
  }));
  // The line of a field is the line of its key (a block map's value starts a line later), of a list
  // item its own line; for a path that does not exist, the nearest parent that does.
  const lineOf = (path: ReadonlyArray<PropertyKey>): number | undefined => {
    for (let n = path.length; n >= 1; n--) {
      const parent = doc.getIn(path.slice(0, n - 1) as unknown[], true);
      const last = path[n - 1];
      if (isMap(parent)) {
        const pair = parent.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === last);
        const key = pair?.key;
        if (isNode(key) && key.range) return lineCounter.linePos(key.range[0]).line;
      } else if (isSeq(parent) && typeof last === 'number') {
        const item = parent.items[last];
        if (isNode(item) && item.range) return lineCounter.linePos(item.range[0]).line;
      }
    }
    const root = doc.contents;
    return isNode(root) && root.range ? lineCounter.linePos(root.range[0]).line : undefined;
  };
  let data: unknown;
  if (!doc.errors.length) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    } catch (e) {
      // Alias problems (unresolved, or too many expansions) only surface when converting.
      problems.push({ file, line: 1, field: '', message: `YAML error: ${e instanceof Error ? e.message : String(e)}`, severity: 'error' });
    }
  }
  return { file, data, lineOf, problems };
}

/** Validates parsed YAML against a zod schema; every issue becomes a located problem. */
export function validateYaml<S extends z.ZodType>(src: YamlSource, schema: S): { value?: z.output<S>; problems: Problem[] } {
  const result = schema.safeParse(src.data);
  if (result.success) return { value: result.data, problems: [] };
  return {
    problems: result.error.issues.map((issue) => ({
      file: src.file,
      line: src.lineOf(issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path),
      field: fieldPath(issue.path),
      message: describeIssue(issue),
      severity: 'error' as const,
    })),
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return `required field is missing (expected ${issue.expected})`;
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
  return issue.message;
}
