import { z } from 'zod';
import { Id } from '../ids.js';

/** A tool an organisation built itself, declared by what it does (each capability counts as core). */
export const InHouseTool = z
  .object({
    id: Id,
    name: z.string().min(1),
    capabilities: z.array(Id).min(1),
    description: z.string().optional(),
  })
  .strict();

export const StackSchema = z
  .object({
    name: z.string().min(1),
    cloud: z.string().min(1).optional().describe('catalogue id of the cloud it runs on, e.g. aws'),
    teams: z
      .array(
        z
          .object({
            name: z.string().min(1),
            persona: Id.describe('a persona id of the taxonomy (the bundled one: researcher, engineer, ml-engineer)'),
            tools: z.array(Id).default([]).describe('catalogue or in-house tool ids'),
          })
          .strict(),
      )
      .min(1),
    inHouse: z.array(InHouseTool).default([]),
    needs: z.array(Id).default([]).describe('capability or stage ids the organisation needs covered, beyond what the lifecycle and the target level ask'),
    targetLevel: z.number().int().min(0).optional().describe('the maturity level to aim for; default the level above the current one'),
    maturityModel: Id.optional().describe('a maturity model id of the taxonomy; default its first'),
    constraints: z
      .object({
        openSourceOnly: z.boolean().default(false),
        selfHosted: z.boolean().default(false),
        exclude: z.array(Id).default([]),
        maxTools: z.number().int().positive().optional(),
      })
      .strict()
      .default({ openSourceOnly: false, selfHosted: false, exclude: [] }),
  })
  .strict();

export type Stack = z.infer<typeof StackSchema>;
export type InHouseTool = z.infer<typeof InHouseTool>;
