import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import type { Activity, ReviewItem } from '../core/catalogue/tool.js';
import { ToolSchema } from '../core/catalogue/tool.js';
import { parseYaml, validateYaml } from '../formats/yaml-source.js';

/**
 * Replaces the top-level `activity:` and `review:` blocks of a tool file's text, leaving every other line
 * as it was (comments and layout included). New blocks go before `sources:`, or at the end.
 */
export function withEnrichment(text: string, activity: Activity, review: ReviewItem[]): string {
  const lines = text.replace(/\n*$/, '\n').split('\n');
  lines.pop();
  const kept: string[] = [];
  let skipping = false;
  for (const line of lines) {
    if (/^(activity|review):/.test(line)) {
      skipping = true;
      continue;
    }
    if (skipping && (line === '' || /^[\s#-]/.test(line))) continue;
    skipping = false;
    kept.push(line);
  }
  const block = stringify({ activity, ...(review.length ? { review } : {}) }, { lineWidth: 0, flowCollectionPadding: false, aliasDuplicateObjects: false })
    .trimEnd()
    .split('\n');
  const at = kept.findIndex((l) => /^sources:/.test(l));
  if (at < 0) kept.push(...block);
  else kept.splice(at, 0, ...block);
  return kept.join('\n') + '\n';
}

/** Writes the new text only when it is still a valid tool file; through a temporary file, so a crash leaves the old one. */
export function writeEnrichedFile(path: string, file: string, activity: Activity, review: ReviewItem[]): void {
  const next = withEnrichment(readFileSync(path, 'utf8'), activity, review);
  const src = parseYaml(file, next);
  const { problems } = validateYaml(src, ToolSchema);
  if (src.problems.length || problems.length)
    throw new Error(`${file}: the enriched file would not validate: ${[...src.problems, ...problems].map((p) => `${p.field}: ${p.message}`).join('; ')}`);
  const tmp = `${path}.mlnav-tmp`;
  writeFileSync(tmp, next);
  renameSync(tmp, path);
}
