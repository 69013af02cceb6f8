import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync, openSync, readSync, closeSync, lstatSync, realpathSync, statSync } from 'node:fs';
import { join, relative, basename, dirname, sep } from 'node:path';
import { stringify } from 'yaml';
import { TaxonomySchema, type Taxonomy } from '../core/taxonomy/schema.js';
import { checkTaxonomy, indexTaxonomy } from '../core/taxonomy/index.js';
import { ToolSchema, type Tool } from '../core/catalogue/tool.js';
import { crossCheck } from '../core/catalogue/cross-check.js';
import { fieldPath, type Problem } from '../core/problems.js';
import { parseYaml, parseYamlDocument, validateYaml, type YamlSource } from './yaml-source.js';
import { readToolFilesInWorker } from './tool-file-worker-client.js';

export interface LoadedCatalogue {
  taxonomy?: Taxonomy;
  tools: Tool[];
  /** Every problem found, errors and warnings, in file order. */
  problems: Problem[];
  files: number;
}

export interface LoadOptions {
  /** Used when the folder has no taxonomy.yaml of its own. */
  fallbackTaxonomy?: string;
  /** Paths in problems are shown relative to this folder. */
  relativeTo?: string;
}

/** The outcome of reading one tool file: the tool when it is valid on its own, and its problems. */
export interface ToolFileResult {
  /** Where the file is, and how problems name it. */
  path: string;
  file: string;
  tool?: Tool;
  problems: Problem[];
}

let scratch = Buffer.alloc(64 * 1024);

/** readFileSync without its per-call stat and allocation: tool files are small and read by the thousand. */
/** The file's text, or undefined when it is not valid UTF-8. */
function readSmallFile(path: string): string | undefined {
  const fd = openSync(path, 'r');
  try {
    let size = readSync(fd, scratch, 0, scratch.length, 0);
    while (size === scratch.length) {
      const bigger = Buffer.alloc(scratch.length * 2);
      scratch.copy(bigger);
      scratch = bigger;
      size += readSync(fd, scratch, size, scratch.length - size, size);
    }
    try {
      return utf8.decode(scratch.subarray(0, size));
    } catch {
      return undefined; // not UTF-8: the caller reports it
    }
  } finally {
    closeSync(fd);
  }
}

/** The largest tool file read (real ones are a few KB). */
export const MAX_TOOL_FILE_BYTES = 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Why a path in a catalogue folder is not read, or undefined when it is a regular file of a sane size
 * inside the folder. A FIFO, device or socket is never opened (opening a FIFO blocks), and a symbolic
 * link is followed only when it stays inside the folder.
 */
function refuse(path: string): string | undefined {
  let st = lstatSync(path);
  if (st.isSymbolicLink()) {
    const folder = realpathSync(dirname(path));
    let target: string;
    try {
      target = realpathSync(path);
    } catch {
      return 'a symbolic link to nothing';
    }
    if (!target.startsWith(folder + sep)) return `a symbolic link out of the folder (to ${target}): not followed`;
    st = statSync(target);
  }
  if (!st.isFile()) return `not a regular file (${st.isFIFO() ? 'a FIFO' : st.isDirectory() ? 'a folder' : st.isSocket() ? 'a socket' : 'a device'}): not read`;
  if (st.size > MAX_TOOL_FILE_BYTES) return `too large: ${st.size} bytes (a tool file is at most ${MAX_TOOL_FILE_BYTES})`;
  return undefined;
}

/** Reads, parses and validates one tool file. Never throws on the file's content. */
export function readToolFile(path: string, file: string): ToolFileResult {
  let text: string | undefined;
  try {
    const why = refuse(path);
    if (why) return { path, file, problems: [{ file, field: '', message: why, severity: 'error' }] };
    text = readSmallFile(path);
  } catch (e) {
    return { path, file, problems: [{ file, field: '', message: `cannot read: ${(e as Error).message}`, severity: 'error' }] };
  }
  if (text === undefined) return { path, file, problems: [{ file, field: '', message: 'not UTF-8 text: save the file as UTF-8', severity: 'error' }] };
  const src = parseYaml(file, text);
  if (src.data === undefined && !src.problems.length)
    return { path, file, problems: [{ file, line: 1, field: '', message: 'empty file: no tool in it', severity: 'error' }] };
  if (src.data === undefined) return { path, file, problems: src.problems };
  if (src.data === null || typeof src.data !== 'object')
    return {
      path,
      file,
      problems: [
        { file, line: 1, field: '', message: src.data === null ? 'empty file: no tool in it' : 'a tool file is a YAML mapping of fields', severity: 'error' },
      ],
    };
  const { value, problems } = validateYaml(src, ToolSchema);
  const all = [...src.problems, ...problems];
  if (!value) return { path, file, problems: all };
  const stem = basename(path).replace(/\.ya?ml$/, '');
  if (value.id !== stem)
    all.push({ file, line: src.lineOf(['id']), field: 'id', message: `id "${value.id}" does not match the file name "${basename(path)}"`, severity: 'error' });
  return { path, file, tool: value, problems: all };
}

interface FolderPlan {
  taxonomy?: Taxonomy;
  problems: Problem[];
  /** Tool files to read: absolute path and displayed name. */
  files: Array<{ path: string; file: string }>;
}

/** Reads the taxonomy and lists the tool files; the tool files themselves are read by the caller. */
function planFolder(dir: string, opts: LoadOptions): FolderPlan {
  const problems: Problem[] = [];
  const show = (p: string) => (opts.relativeTo ? relative(opts.relativeTo, p) || p : p);

  const ownTaxonomy = join(dir, 'taxonomy.yaml');
  const taxonomyPath = existsSync(ownTaxonomy) ? ownTaxonomy : opts.fallbackTaxonomy;
  let taxonomy: Taxonomy | undefined;
  if (!taxonomyPath || !existsSync(taxonomyPath)) {
    problems.push({ file: show(ownTaxonomy), field: '', message: 'no taxonomy.yaml found', severity: 'error' });
  } else {
    const src = parseYaml(show(taxonomyPath), readFileSync(taxonomyPath, 'utf8'));
    problems.push(...src.problems);
    if (src.data !== undefined) {
      const { value, problems: p } = validateYaml(src, TaxonomySchema);
      problems.push(...p);
      if (value) {
        const internal = checkTaxonomy(value);
        problems.push(
          ...internal.map((i) => ({ file: src.file, line: src.lineOf(parsePath(i.field)), field: i.field, message: i.message, severity: 'error' as const })),
        );
        if (!internal.length) taxonomy = value;
      }
    }
  }

  const toolsDir = join(dir, 'tools');
  if (!existsSync(toolsDir)) problems.push({ file: show(toolsDir), field: '', message: 'no tools/ folder found', severity: 'error' });
  const names = existsSync(toolsDir)
    ? readdirSync(toolsDir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
    : [];
  return { taxonomy, problems, files: names.map((f) => ({ path: join(toolsDir, f), file: show(join(toolsDir, f)) })) };
}

const parsePath = (field: string) =>
  field
    .split(/[.[\]]+/)
    .filter(Boolean)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));

/** Cross-references across files, then one sorted problem list. Lines are found by re-reading only the files concerned. */
function finish(plan: FolderPlan, results: readonly ToolFileResult[]): LoadedCatalogue {
  const problems = [...plan.problems, ...results.flatMap((r) => r.problems)];
  const valid = results.filter((r) => r.tool);
  const tools = valid.map((r) => r.tool!);
  if (plan.taxonomy) {
    const located = new Map<number, YamlSource>();
    const sourceOf = (i: number) => {
      let src = located.get(i);
      if (!src) located.set(i, (src = parseYamlDocument(valid[i]!.file, readFileSync(valid[i]!.path, 'utf8'))));
      return src;
    };
    for (const c of crossCheck(tools, indexTaxonomy(plan.taxonomy))) {
      const also = c.duplicateOf !== undefined ? ` (also in ${valid[c.duplicateOf]!.file})` : '';
      problems.push({
        file: valid[c.index]!.file,
        line: sourceOf(c.index).lineOf(c.path),
        field: fieldPath(c.path),
        message: c.message + also,
        severity: c.severity,
      });
    }
  }
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  return { taxonomy: plan.taxonomy, tools, problems, files: plan.files.length };
}

/**
 * Reads a catalogue folder laid out like `data/`: `taxonomy.yaml` (optional) and `tools/*.yaml`.
 * Never throws on user data: everything wrong is reported as a problem with its file and line.
 */
export function loadCatalogueFolder(dir: string, opts: LoadOptions = {}): LoadedCatalogue {
  const plan = planFolder(dir, opts);
  return finish(
    plan,
    plan.files.map((f) => readToolFile(f.path, f.file)),
  );
}

/**
 * The same result as `loadCatalogueFolder`, with the tool files shared between this thread and a
 * worker thread when there are enough of them to pay for it (parsing dominates large loads).
 */
export async function loadCatalogueFolderParallel(dir: string, opts: LoadOptions & { minFilesForWorker?: number } = {}): Promise<LoadedCatalogue> {
  const plan = planFolder(dir, opts);
  if (plan.files.length < (opts.minFilesForWorker ?? 20_000))
    return finish(
      plan,
      plan.files.map((f) => readToolFile(f.path, f.file)),
    );
  // The worker starts cold (module loading, JIT), so it gets the smaller share.
  const half = Math.floor(plan.files.length * 0.6);
  const theirs = readToolFilesInWorker(plan.files.slice(half));
  const ours = plan.files.slice(0, half).map((f) => readToolFile(f.path, f.file));
  return finish(plan, [...ours, ...(await theirs)]);
}

const TOOL_SCHEMA_COMMENT = '# yaml-language-server: $schema=../../schema/tool.schema.json\n';
const TAXONOMY_SCHEMA_COMMENT = '# yaml-language-server: $schema=../schema/taxonomy.schema.json\n';

/** The YAML text of one tool, fields in the documented order, defaults left out when empty. */
export function toolToYaml(tool: Tool): string {
  const { aliases, worksWith, competesWith, ...rest } = tool;
  const ordered: Record<string, unknown> = {
    id: rest.id,
    name: rest.name,
    aliases,
    homepage: rest.homepage,
    repository: rest.repository,
    license: rest.license,
    openSource: rest.openSource,
    offering: rest.offering,
    vendor: rest.vendor,
    description: rest.description,
    capabilities: rest.capabilities,
    categories: rest.categories,
    worksWith,
    competesWith,
    status: rest.status,
    firstRelease: rest.firstRelease,
    override: rest.override,
    activity: rest.activity,
    review: rest.review,
    sources: rest.sources,
  };
  for (const k of Object.keys(ordered)) if (ordered[k] === undefined) delete ordered[k];
  return TOOL_SCHEMA_COMMENT + stringify(ordered, { lineWidth: 100, flowCollectionPadding: false, aliasDuplicateObjects: false });
}

/** Writes a catalogue folder that `loadCatalogueFolder` reads back to the same data. */
export function writeCatalogueFolder(dir: string, taxonomy: Taxonomy, tools: readonly Tool[]): void {
  mkdirSync(join(dir, 'tools'), { recursive: true });
  writeFileSync(join(dir, 'taxonomy.yaml'), TAXONOMY_SCHEMA_COMMENT + stringify(taxonomy, { lineWidth: 100, aliasDuplicateObjects: false }));
  for (const t of tools) writeFileSync(join(dir, 'tools', `${t.id}.yaml`), toolToYaml(t));
}
