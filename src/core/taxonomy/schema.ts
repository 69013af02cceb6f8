import { z } from 'zod';
import { Id } from '../ids.js';

/** The framework of the essay as data: axes, quadrants, lifecycle, personas, rings, categories, capabilities. */

const AxisEnd = z.object({ value: z.number(), label: z.string().min(1) });
const Axis = z.object({
  id: Id,
  name: z.string().min(1),
  min: AxisEnd,
  max: AxisEnd,
  question: z.string().min(1),
});

export const QuadrantId = z.enum(['cloud-platforms', 'ml-platforms', 'specialized-ml-tools', 'standard-swe-tools']);
export type QuadrantId = z.infer<typeof QuadrantId>;

const Sign = z.enum(['negative', 'positive']);

export const Quadrant = z.object({
  id: QuadrantId,
  name: z.string().min(1),
  x: Sign.describe('which half of the artifact axis the quadrant covers'),
  y: Sign.describe('which half of the scope axis the quadrant covers'),
  description: z.string().min(1),
});

export const LoopId = z.enum(['model', 'application']);
export type LoopId = z.infer<typeof LoopId>;

export const Stage = z.object({
  id: Id,
  name: z.string().min(1),
  loops: z.array(LoopId).min(1),
  description: z.string().min(1),
});

export const Loop = z.object({
  id: LoopId,
  name: z.string().min(1),
  persona: Id,
  cycle: z.array(Id).min(2).describe('stage ids in order; the last stage leads back to the first'),
});

export const Interlock = z.object({ stage: Id, description: z.string().min(1) });

export const Persona = z.object({
  id: Id,
  name: z.string().min(1),
  loop: LoopId,
  wants: z.string(),
  frustration: z.string(),
  needs: z.string(),
});

export const RingId = z.enum(['adopt', 'trial', 'assess', 'hold']);
export type RingId = z.infer<typeof RingId>;

export const Ring = z.object({ id: RingId, name: z.string(), strategy: z.string(), actions: z.string() });

export const Category = z.object({
  id: Id,
  name: z.string().min(1),
  quadrant: QuadrantId,
  ring: RingId.describe("part 3's default ring for the category"),
  description: z.string().min(1),
  ringReason: z.string().min(1),
});

export const Capability = z.object({
  id: Id,
  name: z.string().min(1),
  artifact: z.number().min(-1).max(1).describe('position on the artifact axis: -1 software, +1 model'),
  stages: z.array(Id).min(1).describe('lifecycle stages the capability serves'),
  pull: z.number().positive().max(5).default(1).describe("how strongly the capability defines a tool's artifact (weight in the x mean)"),
  description: z.string().min(1),
});

export const Diagonal = z.object({
  id: Id,
  name: z.string().min(1),
  description: z.string().min(1),
  from: z.tuple([z.number(), z.number()]).describe('start of the line, in landscape coordinates'),
  to: z.tuple([z.number(), z.number()]),
  band: z.number().positive().describe('how far from the line a tool may sit and still be on the diagonal'),
  capabilities: z.array(Id).optional().describe('when given, only tools with one of these capabilities are on it'),
});
export type Diagonal = z.infer<typeof Diagonal>;

export const TaxonomySchema = z.object({
  axes: z.object({ x: Axis, y: Axis }),
  quadrants: z.array(Quadrant).length(4),
  stages: z.array(Stage).min(1),
  loops: z.array(Loop).length(2),
  interlocks: z.array(Interlock),
  personas: z.array(Persona).min(1),
  rings: z.array(Ring).min(1),
  categories: z.array(Category).min(1),
  capabilities: z.array(Capability).min(1),
  diagonals: z.array(Diagonal).default([]),
});

export type Taxonomy = z.infer<typeof TaxonomySchema>;
export type Category = z.infer<typeof Category>;
export type Capability = z.infer<typeof Capability>;
export type Stage = z.infer<typeof Stage>;
