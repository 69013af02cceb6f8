import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../src/core/catalogue/catalogue.js';
import { createCatalogueApp, WARM_AT_START_MAX } from '../src/server/catalogue-app.js';
import { syntheticTools } from '../bench/synthetic.js';
import { bundledCatalogue } from './helpers/bundled.js';

describe('a catalogue above the warm-at-start size', () => {
  it('builds its search index and radar on first use: search and the radar still answer', async () => {
    const taxonomy = bundledCatalogue().tax.taxonomy;
    const cat = buildCatalogue(taxonomy, syntheticTools(WARM_AT_START_MAX + 500, taxonomy));
    const app = createCatalogueApp({ catalogue: cat, info: { sourceHash: 'big', loadedAt: '2026-12-01T00:00:00Z', source: 'bench' } });
    const name = cat.tools[123]!.name;
    const found = (await (await app.request(`/api/tools?q=${encodeURIComponent(name)}&limit=5`)).json()) as { total: number; items: Array<{ name: string }> };
    expect(found.total).toBeGreaterThan(0);
    expect(found.items.map((t) => t.name)).toContain(name);
    const radar = (await (await app.request('/api/radar')).json()) as { editions: Array<{ blips: unknown[] }> };
    expect(radar.editions[0]!.blips).toHaveLength(cat.tools.length);
    const map = (await (await app.request('/api/map')).json()) as { layout: { marks: unknown[] } };
    expect(map.layout.marks).toHaveLength(cat.tools.length);
  }, 60_000);
});
