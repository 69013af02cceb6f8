import type { Taxonomy } from '../src/core/taxonomy/schema.js';
import type { Tool } from '../src/core/catalogue/tool.js';

export { rng } from '../src/core/stats/random.js';
import { rng } from '../src/core/stats/random.js';

const core = { strength: 'core' as const, source: 'https://example.org/docs', checked: '2026-12-01' };

/** N plausible tools over the real taxonomy: 1-3 core and 0-4 partial capabilities (uniformly random), cross-references. */
export function syntheticTools(n: number, taxonomy: Taxonomy, seed = 42): Tool[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const caps = taxonomy.capabilities.map((c) => c.id);
  const cats = taxonomy.categories.map((c) => c.id);
  const tools: Tool[] = [];
  for (let i = 0; i < n; i++) {
    const chosen = new Set<string>();
    const primary: string[] = [];
    const secondary: string[] = [];
    for (let k = 1 + Math.floor(r() * 3); k > 0; k--) {
      const c = pick(caps);
      if (!chosen.has(c)) {
        chosen.add(c);
        primary.push(c);
      }
    }
    for (let k = Math.floor(r() * 5); k > 0; k--) {
      const c = pick(caps);
      if (!chosen.has(c)) {
        chosen.add(c);
        secondary.push(c);
      }
    }
    const oss = r() < 0.6;
    tools.push({
      id: `tool-${i}`,
      name: `Tool ${i}`,
      aliases: r() < 0.3 ? [`T${i}`] : [],
      homepage: `https://tool-${i}.example.org`,
      repository: oss ? `https://github.com/example/tool-${i}` : undefined,
      license: oss ? pick(['Apache-2.0', 'MIT', 'BSD-3-Clause']) : 'proprietary',
      openSource: oss,
      offering: r() < 0.2 ? ['cloud-service'] : r() < 0.5 ? ['library', 'managed'] : ['self-hosted'],
      vendor: `Vendor ${i % 997}`,
      description: `Synthetic tool number ${i}, generated for benchmarks of the catalogue pipeline.`,
      capabilities: Object.fromEntries([...primary.map((c) => [c, core]), ...secondary.map((c) => [c, { strength: 'partial' }])]),
      categories: [pick(cats)],
      worksWith: i > 10 ? [`tool-${Math.floor(r() * i)}`] : [],
      competesWith: [],
      status: r() < 0.05 ? { state: 'discontinued', checked: '2026-11-27', since: '2024', replacedBy: ['tool-0'] } : { state: 'active', checked: '2026-11-27' },
      firstRelease: 2010 + Math.floor(r() * 16),
      sources: {
        license: { url: 'https://example.org/license', checked: '2026-12-01' },
        status: { url: 'https://example.org/releases', checked: '2026-12-01' },
      },
    } as Tool);
    if (!oss) delete (tools[i] as { repository?: string }).repository;
  }
  return tools;
}

/**
 * N tools shaped like the real catalogue: each copies the capability claims, categories, licence and
 * offering of a random bundled tool, then gains or loses one partial capability now and then. The
 * capability mix (what tends to come together) is the real one; uniform random sets are not.
 */
export function realisticTools(n: number, real: readonly Tool[], taxonomy: Taxonomy, seed = 42): Tool[] {
  const r = rng(seed);
  const caps = taxonomy.capabilities.map((c) => c.id);
  return Array.from({ length: n }, (_, i) => {
    const model = real[Math.floor(r() * real.length)]!;
    const claims: Tool['capabilities'] = {};
    for (const [c, claim] of Object.entries(model.capabilities)) if (claim.strength !== 'partial' || r() > 0.15) claims[c] = claim;
    const extra = caps[Math.floor(r() * caps.length)]!;
    if (r() < 0.3 && !claims[extra]) claims[extra] = { strength: 'partial' };
    return {
      ...model,
      id: `tool-${i}`,
      name: `Tool ${i}`,
      aliases: [],
      capabilities: claims,
      worksWith: [],
      competesWith: [],
      status: r() < 0.05 ? { state: 'discontinued', checked: '2026-11-27', since: '2024' } : { state: 'active', checked: '2026-11-27' },
      override: undefined,
    } as Tool;
  });
}
