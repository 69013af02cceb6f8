import { z } from 'zod';
import { ToolSchema } from '../core/catalogue/tool.js';
import { ToolSummarySchema } from '../core/catalogue/query.js';
import { TaxonomySchema } from '../core/taxonomy/schema.js';
import { ToolsQuery, RecommendBody } from './query.js';
import { StackSchema } from '../core/stack/schema.js';
import { RadarSchema } from '../core/radar/schema.js';

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
      '/api/taxonomy': {
        get: {
          summary: 'The framework: axes, quadrants, stages, loops, personas, rings, categories, capabilities',
          responses: { '200': json(ref('Taxonomy'), 'the taxonomy') },
        },
      },
      '/api/tools': {
        get: {
          summary: 'List tools with filters, full-text search, facet counts and paging',
          parameters,
          responses: {
            '200': json(
              {
                type: 'object',
                required: ['total', 'offset', 'limit', 'items', 'facets'],
                properties: {
                  total: { type: 'integer' },
                  offset: { type: 'integer' },
                  limit: { type: 'integer' },
                  items: { type: 'array', items: ref('ToolSummary') },
                  facets: { type: 'object', additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } } },
                },
              },
              'a page of tools',
            ),
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
      '/api/map': {
        get: { summary: 'Map positions and label layout of every tool, and the diagonals', responses: { '200': json({ type: 'object' }, 'the map') } },
      },
      '/api/radar': { get: { summary: "The catalogue's adoption radar: part 3's category rings", responses: { '200': json(ref('Radar'), 'the radar') } } },
      '/api/radar/backstage': {
        get: {
          summary: "The same radar as Backstage's tech-radar plugin loads it (TechRadarLoaderResponse)",
          responses: { '200': json({ type: 'object' }, 'quadrants, rings, entries with timelines') },
        },
      },
      '/api/catalogue': { get: { summary: 'Everything the web app loads at once', responses: { '200': json({ type: 'object' }, 'taxonomy, tools, map') } } },
      '/api/stacks/analyze': {
        post: {
          summary:
            "Analyse an organisation's stack: maturity level, capability gaps with reasons and build-vs-buy advice, stage coverage, interlocks, overlaps, footprints, retired tools",
          requestBody: { required: true, content: { 'application/json': { schema: ref('Stack') } } },
          responses: { '200': json({ type: 'object' }, 'the analysis'), '400': errors['400'], '413': json(ref('Error'), 'the body is larger than 256 KiB') },
        },
      },
      '/api/stacks': {
        get: { summary: 'Saved stacks', responses: { '200': json({ type: 'array' }, 'id, name and when saved') } },
        post: {
          summary: 'Save a stack (needs `Authorization: Bearer <MLNAV_TOKEN>`); nothing is stored when it is invalid',
          requestBody: { required: true, content: { 'application/json': { schema: ref('Stack') } } },
          responses: {
            '201': json({ type: 'object' }, 'saved, with its analysis'),
            '400': errors['400'],
            '401': json(ref('Error'), 'no or wrong token'),
            '403': json(ref('Error'), 'writes disabled'),
          },
        },
      },
      '/api/stacks/{id}': {
        get: {
          summary: 'A saved stack with its analysis',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': json({ type: 'object' }, 'the stack'), '404': errors['404'] },
        },
      },
      '/api/recommend': {
        post: {
          summary:
            'The fewest tools covering the needs, then least overlap and adoption risk (MIP, HiGHS); infeasible requests say which need and which constraint',
          requestBody: { required: true, content: { 'application/json': { schema: ref('RecommendRequest') } } },
          responses: {
            '200': json(
              {
                type: 'object',
                properties: {
                  feasible: { type: 'boolean' },
                  optimal: { type: 'boolean' },
                  tools: { type: 'array', items: { type: 'string' } },
                  covers: { type: 'object' },
                  blocked: { type: 'array' },
                },
              },
              'the recommendation',
            ),
            '400': errors['400'],
          },
        },
      },
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
        Stack: schema(StackSchema),
        Radar: schema(RadarSchema),
        RecommendRequest: schema(RecommendBody),
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['status', 'message'],
              properties: { status: { type: 'integer' }, message: { type: 'string' }, parameter: { type: 'string' } },
            },
          },
        },
      },
    },
  };
}
