import type { Catalogue } from '../catalogue/catalogue.js';
import { spearman } from '../stats/spearman.js';
import { quadrantOf } from './place.js';
import type { QuadrantId } from '../taxonomy/schema.js';

export interface SeedPosition {
  tool: string;
  name: string;
  x: number;
  y: number;
}

export interface CalibrationRow extends SeedPosition {
  computed?: { x: number; y: number; quadrant: QuadrantId };
  seedQuadrant: QuadrantId;
  agrees: boolean;
  overridden: boolean;
}

export interface CalibrationReport {
  rows: CalibrationRow[];
  compared: number;
  quadrantMatches: number;
  spearmanX: number;
  spearmanY: number;
  missing: string[];
  overridden: string[];
}

/** The published targets the computed placement is held to (issue #2). */
export const CALIBRATION_TARGETS = { quadrantMatches: 42, spearmanX: 0.9, spearmanY: 0.85 } as const;

/** How well the computed placement agrees with the seed essay's hand-drawn figure. */
export function calibrate(cat: Catalogue, seed: readonly SeedPosition[]): CalibrationReport {
  const rows: CalibrationRow[] = seed.map((s) => {
    const p = cat.placement.get(s.tool);
    const seedQuadrant = quadrantOf(cat.tax, s.x, s.y);
    return {
      ...s,
      seedQuadrant,
      computed: p?.computed,
      agrees: !!p && p.computed.quadrant === seedQuadrant,
      overridden: !!p?.override,
    };
  });
  const present = rows.filter((r) => r.computed);
  return {
    rows,
    compared: present.length,
    quadrantMatches: present.filter((r) => r.agrees).length,
    spearmanX: spearman(
      present.map((r) => r.x),
      present.map((r) => r.computed!.x),
    ),
    spearmanY: spearman(
      present.map((r) => r.y),
      present.map((r) => r.computed!.y),
    ),
    missing: rows.filter((r) => !r.computed).map((r) => r.tool),
    overridden: rows.filter((r) => r.overridden).map((r) => r.tool),
  };
}
