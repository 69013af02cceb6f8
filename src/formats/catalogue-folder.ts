import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, basename } from 'node:path';
import { stringify } from 'yaml';
import { TaxonomySchema, type Taxonomy } from '../core/taxonomy/schema.js';
import { checkTaxonomy, indexTaxonomy } from '../core/taxonomy/index.js';
import { ToolSchema, type Tool } from '../core/catalogue/tool.js';
import { crossCheck } from '../core/catalogue/cross-check.js';
import { fieldPath, type Problem } from '../core/problems.js';
import { parseYaml, validateYaml, type YamlSource } from './yaml-source.js';

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

/**
 * Reads a catalogue folder laid out like `data/`: `taxonomy.yaml` (optional) and `tools/*.yaml`.
 * Never throws on user data: everything wrong is reported as a problem with its file and line.
 */
export function loadCatalogueFolder(dir: string, opts: LoadOptions = {}): LoadedCatalogue {
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
          ...internal.map((i) => ({ file: src.file, line: src.lineOf(i.field.split(/[.[\]]+/).filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s))), field: i.field, message: i.message, severity: 'error' as const })),
        );
        if (!internal.length) taxonomy = value;
      }
    }
  }

  const toolsDir = join(dir, 'tools');
  const toolFiles = existsSync(toolsDir)
    ? readdirSync(toolsDir).filter((f) => /\.ya?ml$/.test(f)).sort()
    : [];
  if (!existsSync(toolsDir))
    problems.push({ file: show(toolsDir), field: '', message: 'no tools/ folder found', severity: 'error' });

  const tools: Tool[] = [];
  const sources: YamlSource[] = [];
  for (const f of toolFiles) {
    const path = join(toolsDir, f);
    const src = parseYaml(show(path), readFileSync(path, 'utf8'));
    problems.push(...src.problems);
    if (src.data === undefined) continue;
    const { value, problems: p } = validateYaml(src, ToolSchema);
    problems.push(...p);
    if (!value) continue;
    const stem = basename(f).replace(/\.ya?ml$/, '');
    if (value.id !== stem)
      problems.push({ file: src.file, line: src.lineOf(['id']), field: 'id', message: `id "${value.id}" does not match the file name "${f}"`, severity: 'error' });
    tools.push(value);
    sources.push(src);
  }

  if (taxonomy) {
    for (const c of crossCheck(tools, indexTaxonomy(taxonomy))) {
      const src = sources[c.index]!;
      const also = c.duplicateOf !== undefined ? ` (also in ${sources[c.duplicateOf]!.file})` : '';
      problems.push({ file: src.file, line: src.lineOf(c.path), field: fieldPath(c.path), message: c.message + also, severity: c.severity });
    }
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { taxonomy, tools, problems, files: toolFiles.length };
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
  };
  for (const k of Object.keys(ordered)) if (ordered[k] === undefined) delete ordered[k];
  return TOOL_SCHEMA_COMMENT + stringify(ordered, { lineWidth: 100, flowCollectionPadding: false });
}

/** Writes a catalogue folder that `loadCatalogueFolder` reads back to the same data. */
export function writeCatalogueFolder(dir: string, taxonomy: Taxonomy, tools: readonly Tool[]): void {
  mkdirSync(join(dir, 'tools'), { recursive: true });
  writeFileSync(join(dir, 'taxonomy.yaml'), TAXONOMY_SCHEMA_COMMENT + stringify(taxonomy, { lineWidth: 100 }));
  for (const t of tools) writeFileSync(join(dir, 'tools', `${t.id}.yaml`), toolToYaml(t));
}
