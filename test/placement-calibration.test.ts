import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { calibrate, CALIBRATION_TARGETS } from '../src/core/placement/calibration.js';
import { readSeedFigure } from '../src/formats/seed-figure.js';
import { packageRoot, seedFigureFile } from '../src/app/paths.js';
import { bundledCatalogue } from './helpers/bundled.js';

/** The figure table of ../shared/DOMAIN.md, parsed from its Markdown (two tools per row). */
function domainFigureTable(): Array<{ name: string; x: number; y: number }> | undefined {
  const path = join(packageRoot, '..', 'shared', 'DOMAIN.md');
  if (!existsSync(path)) return undefined;
  const rows: Array<{ name: string; x: number; y: number }> = [];
  const row = /^\| ([^|]+?) \| (-?[\d.]+) \| (-?[\d.]+) \| \| ([^|]+?) \| (-?[\d.]+) \| (-?[\d.]+) \|$/;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = row.exec(line.trim());
    if (m) rows.push({ name: m[1]!, x: Number(m[2]), y: Number(m[3]) }, { name: m[4]!, x: Number(m[5]), y: Number(m[6]) });
  }
  return rows;
}

describe('placement calibrated against the seed figure', () => {
  const seed = readSeedFigure(seedFigureFile);

  // shared/ sits beside the checkout on the project's machines and in CI; elsewhere the bundled copy stands alone.
  it.skipIf(!existsSync(join(packageRoot, '..', 'shared', 'DOMAIN.md')))(
    'the bundled seed table is the DOMAIN.md figure table, row for row (needs ../shared)',
    () => {
      const domain = domainFigureTable()!;
      expect(seed.map(({ name, x, y }) => ({ name, x, y }))).toEqual(domain);
    },
  );

  // The targets: 42 of 44 in the figure's quadrant, Spearman >= 0.90 (x) and >= 0.85 (y), no overrides.
  // The two misses: Domino's features are model-side where the figure drew it at x = -0.04; Flyte sits at
  // x 0.01, inside the tie band around the centre line, where the figure drew it at 0.20.
  it('holds Spearman >= 0.90 (x) and >= 0.85 (y), no overrides, and at least 42 of 44 in the figure quadrant', () => {
    const report = calibrate(bundledCatalogue(), seed);
    const misses = report.rows.filter((r) => !r.agrees).map((r) => `${r.name} (figure ${r.seedQuadrant}, computed ${r.computed?.quadrant})`);
    console.log(
      `seed calibration: ${report.quadrantMatches}/${report.compared} in the figure's quadrant, ` +
        `Spearman x ${report.spearmanX.toFixed(3)}, y ${report.spearmanY.toFixed(3)}; misses: ${misses.join('; ') || 'none'}`,
    );
    expect(report.compared).toBe(44);
    expect(report.missing).toEqual([]);
    expect(report.overridden).toEqual([]);
    console.log(
      `seed calibration target of ${CALIBRATION_TARGETS.quadrantMatches}/44: ${report.quadrantMatches >= CALIBRATION_TARGETS.quadrantMatches ? 'met' : 'NOT met'}`,
    );
    expect(report.quadrantMatches).toBeGreaterThanOrEqual(CALIBRATION_TARGETS.quadrantMatches);
    expect(report.spearmanX).toBeGreaterThanOrEqual(CALIBRATION_TARGETS.spearmanX);
    expect(report.spearmanY).toBeGreaterThanOrEqual(CALIBRATION_TARGETS.spearmanY);
  });
});
