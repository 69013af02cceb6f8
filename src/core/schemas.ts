import { z } from 'zod';
import { ToolSchema } from './catalogue/tool.js';
import { TaxonomySchema } from './taxonomy/schema.js';
import { StackSchema } from './stack/schema.js';
import { RadarSchema } from './radar/schema.js';

/**
 * The JSON Schemas shipped in schema/, generated from the zod schemas (the single source).
 * They describe the files as written (input side), which is what editors complete.
 */
export function jsonSchemas(): Record<string, unknown> {
  const gen = (schema: z.ZodType, title: string) => ({
    title,
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
  });
  return {
    'tool.schema.json': gen(ToolSchema, 'MLOps Navigator catalogue tool (data/tools/<id>.yaml)'),
    'taxonomy.schema.json': gen(TaxonomySchema, 'MLOps Navigator taxonomy (data/taxonomy.yaml)'),
    'stack.schema.json': gen(StackSchema, "MLOps Navigator: an organisation's stack"),
    'radar.schema.json': gen(RadarSchema, 'MLOps Navigator adoption radar'),
  };
}
