/**
 * Quick check of tool files against the tool schema and the taxonomy's capability ids, without
 * building the catalogue: `npx tsx scripts/check-tool-files.ts [FILE...]` (default every file).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ToolSchema } from '../src/core/catalogue/tool.js';
import { TaxonomySchema } from '../src/core/taxonomy/schema.js';
import { parseYaml, validateYaml } from '../src/formats/yaml-source.js';

const dir = 'data/tools';
const tax = TaxonomySchema.parse(parseYaml('taxonomy.yaml', readFileSync('data/taxonomy.yaml', 'utf8')).data);
const caps = new Set(tax.capabilities.map((c) => c.id));
const cats = new Set(tax.categories.map((c) => c.id));
const ids = new Set(readdirSync(dir).map((f) => f.replace(/\.yaml$/, '')));
const files = process.argv.length > 2 ? process.argv.slice(2) : readdirSync(dir).map((f) => join(dir, f));
let bad = 0;
for (const path of files) {
  const file = basename(path);
  const src = parseYaml(file, readFileSync(path, 'utf8'));
  const problems = [...src.problems];
  const { value, problems: p2 } = validateYaml(src, ToolSchema);
  problems.push(...p2);
  if (value) {
    for (const [c, claim] of Object.entries(value.capabilities)) {
      if (!caps.has(c)) problems.push({ file, field: `capabilities.${c}`, message: `unknown capability "${c}"`, severity: 'error' });
      if (claim.via && !ids.has(claim.via)) problems.push({ file, field: `capabilities.${c}.via`, message: `unknown tool "${claim.via}"`, severity: 'error' });
    }
    for (const c of value.categories) if (!cats.has(c)) problems.push({ file, field: 'categories', message: `unknown category "${c}"`, severity: 'error' });
    for (const r of [...value.worksWith, ...value.competesWith, ...(value.status.replacedBy ?? [])])
      if (!ids.has(r)) problems.push({ file, field: 'worksWith/competesWith/replacedBy', message: `unknown tool "${r}"`, severity: 'error' });
  }
  for (const p of problems) {
    if (p.severity === 'error') bad++;
    console.log(`${p.severity === 'error' ? 'ERROR' : 'warn '} ${p.file}${p.line ? `:${p.line}` : ''} ${p.field}: ${p.message}`);
  }
}
console.log(`${files.length} files, ${bad} errors`);
process.exit(bad ? 1 : 0);
