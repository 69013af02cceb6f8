import { z } from 'zod';
import { Id } from '../ids.js';

export const PersonaKind = z.enum(['researcher', 'engineer', 'ml-engineer']);
export type PersonaKind = z.infer<typeof PersonaKind>;

/** A tool an organisation built itself, declared by what it does. */
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
            persona: PersonaKind,
            tools: z.array(Id).default([]).describe('catalogue or in-house tool ids'),
          })
          .strict(),
      )
      .min(1),
    inHouse: z.array(InHouseTool).default([]),
    needs: z.array(Id).default([]).describe('capability or stage ids the organisation needs covered; default every stage'),
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
