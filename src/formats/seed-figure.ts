import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Id } from '../core/ids.js';
import type { SeedPosition } from '../core/placement/calibration.js';
import { parseYaml, validateYaml } from './yaml-source.js';
import { formatProblem } from '../core/problems.js';

const SeedFigure = z.object({
  tools: z.array(z.object({ tool: Id, name: z.string(), x: z.number(), y: z.number() })).min(1),
});

/** Reads data/seed-figure.yaml: the essay's hand-placed positions, the yardstick for calibration. */
export function readSeedFigure(path: string): SeedPosition[] {
  const src = parseYaml(path, readFileSync(path, 'utf8'));
  const { value, problems } = validateYaml(src, SeedFigure);
  if (!value) throw new Error(problems.map(formatProblem).join('\n'));
  return value.tools;
}
