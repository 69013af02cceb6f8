import { z } from 'zod';
import { Id } from '../ids.js';

/**
 * The framework of the essay as data: axes, quadrants, lifecycle, personas, rings, categories,
 * capabilities and maturity models. Code reads ids from here and never names one itself.
 */

const AxisEnd = z.object({ value: z.number(), label: z.string().min(1) });
const Axis = z.object({
  id: Id,
  name: z.string().min(1),
  min: AxisEnd,
  max: AxisEnd,
  question: z.string().min(1),
});

/** Quadrant, loop and ring ids are whatever the taxonomy says. */
export type QuadrantId = string;
export type LoopId = string;
export type RingId = string;

const Sign = z.enum(['negative', 'positive']);

export const Quadrant = z.object({
  id: Id,
  name: z.string().min(1),
  x: Sign.describe('which half of the artifact axis the quadrant covers'),
  y: Sign.describe('which half of the scope axis the quadrant covers'),
  description: z.string().min(1),
});

export const StageCapabilities = z
  .object({
    essential: z.array(Id).min(1).describe('the stage is served when the stack holds one of these as core; the first is what a gap names'),
    helpful: z.array(Id).default([]).describe('support the stage, but do not serve it alone'),
  })
  .strict();

export const Stage = z.object({
  id: Id,
  name: z.string().min(1),
  loops: z.array(Id).min(1),
  description: z.string().min(1),
  capabilities: StageCapabilities,
});

export const Loop = z.object({
  id: Id,
  name: z.string().min(1),
  persona: Id,
  cycle: z.array(Id).min(2).describe('stage ids in order; the last stage leads back to the first'),
});

export const Interlock = z.object({
  id: Id,
  name: z.string().min(1),
  stage: Id.describe('the stage where the two loops meet'),
  from: Id.describe('the stage that hands over'),
  to: Id.describe('the stage that takes over'),
  bridges: z.array(Id).min(1).describe('capabilities that carry the handoff; one held as core makes it healthy'),
  description: z.string().min(1),
});

export const Persona = z.object({
  id: Id,
  name: z.string().min(1),
  loops: z.array(Id).min(1).describe('the loops this persona works in'),
  wants: z.string(),
  frustration: z.string(),
  needs: z.string(),
});

export const Ring = z.object({
  id: Id,
  name: z.string(),
  risk: z.number().min(0).describe('adoption risk the recommender charges for a tool in this ring'),
  strategy: z.string(),
  actions: z.string(),
});

export const Category = z.object({
  id: Id,
  name: z.string().min(1),
  quadrant: Id,
  ring: Id.describe("part 3's default ring for the category"),
  description: z.string().min(1),
  ringReason: z.string().min(1),
});

export const CapabilityGroup = z.object({
  id: Id,
  name: z.string().min(1),
  ml: z.boolean().describe('whether the group is ML work (as opposed to general infrastructure or software delivery)'),
  description: z.string().min(1),
  ringCeiling: z
    .object({
      ring: Id,
      since: z.number().int().min(1970).max(2100).describe('the year the practice took shape: a tool is judged young against it, not against older fields'),
      reason: z.string().min(10),
    })
    .strict()
    .optional()
    .describe('the innermost ring any tool can have when used for this kind of work, and why (a practice too young for any tool to be proven)'),
});

export const Capability = z.object({
  id: Id,
  name: z.string().min(1),
  group: Id,
  artifact: z.number().min(-1).max(1).describe('position on the artifact axis: -1 software, +1 model'),
  pull: z.number().positive().max(5).default(1).describe("how strongly the capability defines a tool's artifact (weight in the x mean)"),
  substrate: z.boolean().default(false).describe('runs every stage but serves none on its own (compute, clusters)'),
  useCases: z
    .number()
    .positive()
    .max(8)
    .default(1)
    .describe('how many use-cases of the lifecycle the capability stands for, for placement (an ML pipeline spans several)'),
  integrator: z.boolean().default(false).describe("glue between tools: part 3's advice is to build integrators, not buy another platform"),
  countsOnlyWith: z
    .array(Id)
    .optional()
    .describe(
      'the capability serves its stages (and meets requirements) only in a stack that also holds one of these as core: LLM observability watches LLM applications, not classic models',
    ),
  description: z.string().min(1),
});

export const UseCase = z
  .object({
    id: Id,
    name: z.string().min(1),
    description: z.string().min(1),
    capabilities: z.array(Id).min(2),
  })
  .describe(
    'capabilities a practitioner names as one job (tracking runs, registering models and sweeping their parameters are experiment management): on the scope axis they count as one use-case, each further one adding a fraction',
  );
export type UseCase = z.infer<typeof UseCase>;

const Day = z.union([z.date().transform((d) => d.toISOString().slice(0, 10)), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD')]);

export const Requirement = z.union([
  z.object({ capabilities: z.array(Id).min(1).describe('met when one is held as core'), because: z.string().min(1) }).strict(),
  z.object({ interlock: Id.describe('met when that handoff is healthy'), because: z.string().min(1) }).strict(),
]);
export type Requirement = z.infer<typeof Requirement>;

export const MaturityLevel = z.object({
  level: z.number().int().min(0),
  name: z.string().min(1),
  description: z.string().min(1),
  requires: z.array(Requirement).default([]).describe('in addition to the levels below'),
});

export const MaturityModel = z.object({
  id: Id,
  name: z.string().min(1),
  source: z.url({ protocol: /^https?$/ }),
  checked: Day,
  levels: z.array(MaturityLevel).min(1),
});
export type MaturityModel = z.infer<typeof MaturityModel>;

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

const TaxonomyObject = z.object({
  axes: z.object({ x: Axis, y: Axis }),
  quadrants: z.array(Quadrant).length(4),
  stages: z.array(Stage).min(1),
  loops: z.array(Loop).length(2),
  interlocks: z.array(Interlock),
  personas: z.array(Persona).min(1),
  rings: z.array(Ring).min(1).describe('from the centre out: the first is the strongest adoption, the last is hold'),
  categories: z.array(Category).min(1),
  capabilityGroups: z.array(CapabilityGroup).min(1),
  capabilities: z.array(Capability).min(1),
  useCases: z.array(UseCase).default([]),
  maturityModels: z.array(MaturityModel).default([]),
  diagonals: z.array(Diagonal).default([]),
});

/**
 * The stages each capability serves are said once, by the stages; the parsed taxonomy carries them on
 * the capability too (`stages`: essential or helpful; `essentialFor`: essential only).
 */
export const TaxonomySchema = TaxonomyObject.transform((t) => ({
  ...t,
  capabilities: t.capabilities.map((c) => ({
    ...c,
    stages: c.substrate ? [] : t.stages.filter((s) => s.capabilities.essential.includes(c.id) || s.capabilities.helpful.includes(c.id)).map((s) => s.id),
    essentialFor: c.substrate ? [] : t.stages.filter((s) => s.capabilities.essential.includes(c.id)).map((s) => s.id),
  })),
}));

export type Taxonomy = z.output<typeof TaxonomySchema>;
export type Category = z.infer<typeof Category>;
export type Capability = Taxonomy['capabilities'][number];
export type Stage = z.infer<typeof Stage>;
export type Interlock = z.infer<typeof Interlock>;
export type Persona = z.infer<typeof Persona>;
