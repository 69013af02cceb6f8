import { z } from 'zod';
import { ToolSchema } from '../core/catalogue/tool.js';
import { ToolSummarySchema } from '../core/catalogue/query.js';
import { TaxonomySchema } from '../core/taxonomy/schema.js';
import { ToolsQuery } from './query.js';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'output', unrepresentable: 'any', target: 'draft-2020-12' });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (s: unknown, description: string) => ({ description, content: { 'application/json': { schema: s } } });
const errors = {
  '400': json(ref('Error'), 'a parameter or the body is invalid; `error.parameter` names it'),
  '404': json(ref('Error'), 'no such resource'),
};

/** The OpenAPI 3.1 document of the HTTP API, with schemas generated from the zod contract. */
export function openApiDocument(version: string): Record<string, unknown> {
  const query = schema(ToolsQuery) as { properties: Record<string, Record<string, unknown>> };
  const parameters = Object.entries(query.properties).map(([name, s]) => ({
    name,
    in: 'query',
    required: false,
    description: s.description,
    schema: { ...s, description: undefined },
  }));
  return {
    openapi: '3.1.0',
    info: { title: 'MLOps Navigator API', version, description: 'The MLOps landscape catalogue: tools, computed placement and its explanation.' },
    paths: {
      '/api/taxonomy': { get: { summary: 'The framework: axes, quadrants, stages, loops, personas, rings, categories, capabilities', responses: { '200': json(ref('Taxonomy'), 'the taxonomy') } } },
      '/api/tools': {
        get: {
          summary: 'List tools with filters, full-text search, facet counts and paging',
          parameters,
          responses: {
            '200': json({ type: 'object', required: ['total', 'offset', 'limit', 'items', 'facets'], properties: { total: { type: 'integer' }, offset: { type: 'integer' }, limit: { type: 'integer' }, items: { type: 'array', items: ref('ToolSummary') }, facets: { type: 'object', additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } } } } }, 'a page of tools'),
            '400': errors['400'],
          },
        },
      },
      '/api/tools/{id}': {
        get: {
          summary: 'One tool with its placement, the explanation, and related tools',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': json({ type: 'object', properties: { tool: ref('Tool'), summary: ref('ToolSummary') } }, 'the tool'), '404': errors['404'] },
        },
      },
      '/api/map': { get: { summary: 'Map positions and label layout of every tool, and the diagonals', responses: { '200': json({ type: 'object' }, 'the map') } } },
      '/api/catalogue': { get: { summary: 'Everything the web app loads at once', responses: { '200': json({ type: 'object' }, 'taxonomy, tools, map') } } },
      '/api/validate': {
        post: {
          summary: 'Check a tool document (JSON) against the schema and the catalogue, without storing it',
          requestBody: { required: true, content: { 'application/json': { schema: ref('Tool') } } },
          responses: {
            '200': json({ type: 'object', properties: { ok: { type: 'boolean' }, problems: { type: 'array' } } }, 'the verdict'),
            '400': errors['400'],
            '413': json(ref('Error'), 'the body is larger than 256 KiB'),
          },
        },
      },
    },
    components: {
      schemas: {
        Tool: schema(ToolSchema),
        ToolSummary: schema(ToolSummarySchema),
        Taxonomy: schema(TaxonomySchema),
        Error: { type: 'object', required: ['error'], properties: { error: { type: 'object', required: ['status', 'message'], properties: { status: { type: 'integer' }, message: { type: 'string' }, parameter: { type: 'string' } } } } },
      },
    },
  };
}
