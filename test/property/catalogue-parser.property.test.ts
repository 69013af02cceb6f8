import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseYaml, validateYaml } from '../../src/formats/yaml-source.js';
import { loadCatalogueFolder, toolToYaml } from '../../src/formats/catalogue-folder.js';
import { ToolSchema, type Tool } from '../../src/core/catalogue/tool.js';
import { bundledTaxonomy } from '../../src/app/paths.js';
import { bundledCatalogue } from '../helpers/bundled.js';

const id = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,6}){0,2}$/);
const text = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0);
const caps = bundledCatalogue().tax.taxonomy.capabilities.map((c) => c.id);
const cats = bundledCatalogue().tax.taxonomy.categories.map((c) => c.id);

/** Arbitrary valid tools, including awkward strings (quotes, colons, unicode, leading spaces). */
const toolArb: fc.Arbitrary<Tool> = fc
  .record({
    id,
    name: text,
    aliases: fc.array(text, { maxLength: 3 }),
    homepage: fc.webUrl({ validSchemes: ['https'] }),
    license: fc.constantFrom('Apache-2.0', 'MIT', 'proprietary', 'GPL-3.0-only OR MIT'),
    openSource: fc.boolean(),
    offering: fc.uniqueArray(fc.constantFrom('library', 'self-hosted', 'managed', 'cloud-service'), { minLength: 1 }),
    description: fc.string({ minLength: 20, maxLength: 200 }).filter((s) => s.trim().length >= 20),
    capabilities: fc
      .uniqueArray(fc.constantFrom(...caps), { minLength: 1, maxLength: 4 })
      .chain((ids) =>
        fc
          .tuple(...ids.map(() => fc.constantFrom('core', 'partial')))
          .map((strengths) =>
            Object.fromEntries(
              ids.map((c, i) => [
                c,
                strengths[i] === 'core' ? { strength: 'core', source: 'https://example.org/docs', checked: '2026-12-01' } : { strength: 'partial' },
              ]),
            ),
          ),
      ),
    categories: fc.uniqueArray(fc.constantFrom(...cats), { minLength: 1, maxLength: 2 }),
    worksWith: fc.constant([] as string[]),
    competesWith: fc.constant([] as string[]),
    status: fc.record({ state: fc.constant('active' as const), checked: fc.constant('2026-11-27') }),
    firstRelease: fc.integer({ min: 1990, max: 2026 }),
    sources: fc.constant({
      license: { url: 'https://example.org/LICENSE', checked: '2026-12-01' },
      status: { url: 'https://example.org/releases', checked: '2026-12-01' },
    }),
  })
  .map((t) => ToolSchema.parse({ ...t, openSource: t.license === 'proprietary' ? false : t.openSource }));

describe('catalogue YAML: property tests', () => {
  it('any valid tool survives toolToYaml -> parse -> validate unchanged', () => {
    fc.assert(
      fc.property(toolArb, (tool) => {
        const src = parseYaml('t.yaml', toolToYaml(tool));
        expect(src.problems).toEqual([]);
        const { value, problems } = validateYaml(src, ToolSchema);
        expect(problems).toEqual([]);
        expect(value).toEqual(tool);
      }),
      { numRuns: 300 },
    );
  });

  it('arbitrary text never crashes the parser; every problem names the file and a line inside it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (input) => {
        const src = parseYaml('x.yaml', input);
        const problems = src.data === undefined ? src.problems : validateYaml(src, ToolSchema).problems;
        const lines = input.split('\n').length;
        for (const p of problems) {
          expect(p.file).toBe('x.yaml');
          if (p.line !== undefined) {
            expect(p.line).toBeGreaterThanOrEqual(1);
            expect(p.line).toBeLessThanOrEqual(lines + 1);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a mutated field of a valid file is reported, never silently accepted or dropped', () => {
    const base = bundledCatalogue().byId.get('mlflow')!;
    const mutations = fc.oneof(
      fc.record({ field: fc.constant('firstRelease'), value: fc.oneof(fc.string(), fc.integer({ min: 2101 })) }),
      fc.record({ field: fc.constant('offering'), value: fc.constantFrom([], ['saas'], 'managed') }),
      fc.record({ field: fc.constant('id'), value: fc.constantFrom('Upper', 'with space', 'trailing-', '') }),
      fc.record({ field: fc.constant('homepage'), value: fc.constantFrom('not a url', 'ftp://x.org', 42) }),
      fc.record({ field: fc.constant('openSource'), value: fc.constantFrom('yes', 1, null) }),
    );
    fc.assert(
      fc.property(mutations, ({ field, value }) => {
        const doc = { ...base, [field]: value } as Record<string, unknown>;
        const src = parseYaml('m.yaml', toolToYaml(doc as unknown as Tool));
        const { problems } = validateYaml(src, ToolSchema);
        expect(problems.length).toBeGreaterThan(0);
        expect(problems.some((p) => p.field === field || p.field.startsWith(`${field}[`))).toBe(true);
        expect(problems.every((p) => typeof p.line === 'number')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('a folder of random valid tools loads every one of them (no record dropped)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(toolArb, { selector: (t) => t.id, minLength: 1, maxLength: 12 }), (tools) => {
        const dir = mkdtempSync(join(tmpdir(), 'mlnav-prop-'));
        try {
          mkdirSync(join(dir, 'tools'));
          for (const t of tools) writeFileSync(join(dir, 'tools', `${t.id}.yaml`), toolToYaml(t));
          const loaded = loadCatalogueFolder(dir, { fallbackTaxonomy: bundledTaxonomy });
          expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
          expect(loaded.tools.map((t) => t.id).sort()).toEqual(tools.map((t) => t.id).sort());
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 40 },
    );
  });
});
