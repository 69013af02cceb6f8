import { z } from 'zod';
import { ToolSchema } from '../core/catalogue/tool.js';
import { ToolSummarySchema } from '../core/catalogue/query.js';
import { TaxonomySchema } from '../core/taxonomy/schema.js';
import { ToolsQuery, RecommendBody } from './query.js';
import { StackSchema } from '../core/stack/schema.js';
import { RadarSchema } from '../core/radar/schema.js';
import { CreateRadar, ImportBody, Publish, PutBlip } from './routes/radars.js';
import { ProposalBody, Review, Vote } from './routes/proposals.js';
import { SignIn } from './routes/session.js';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'output', unrepresentable: 'any', target: 'draft-2020-12' });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (s: unknown, description: string) => ({ description, content: { 'application/json': { schema: s } } });
const errors = {
  '400': json(ref('Error'), 'a parameter or the body is invalid; `error.parameter` names it'),
  '404': json(ref('Error'), 'no such resource'),
};
const err = (description: string) => json(ref('Error'), description);
/** What every write answers besides success: who may make it, and what is wrong with the request. */
const writeErrors = (role: string) => ({
  '400': errors['400'],
  '401': err('no credentials, or a token that is not valid (send `Authorization: Bearer mlnav_…`, or sign in)'),
  '403': err(`the caller is not a ${role} or more, or a cookie write lacks X-CSRF-Token`),
  '413': err('the body is larger than 256 KiB'),
  '415': err('the body is not application/json'),
});
const body = (name: string) => ({ required: true, content: { 'application/json': { schema: ref(name) } } });
const pathId = (...names: string[]) => names.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));

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
      '/api/radar': {
        get: {
          summary: "The catalogue's adoption radar: each tool in the ring its evidence gives, with why",
          responses: { '200': json(ref('Radar'), 'the radar') },
        },
      },
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
          summary: 'Save a new stack (editor); its id comes from its name (Unicode kept), and a taken id is 409; nothing is stored when it is invalid',
          requestBody: body('Stack'),
          responses: {
            '201': json({ type: 'object' }, 'saved, with its revision and analysis'),
            ...writeErrors('editor'),
            '409': err('a stack with that id exists'),
          },
        },
      },
      '/api/stacks/{id}': {
        get: {
          summary: 'A saved stack with its analysis',
          parameters: pathId('id'),
          responses: { '200': json({ type: 'object' }, 'the stack'), '404': errors['404'] },
        },
        put: {
          summary: 'Save a new revision of a stack (editor)',
          parameters: pathId('id'),
          requestBody: body('Stack'),
          responses: { '200': json({ type: 'object' }, 'saved, with its revision and analysis'), ...writeErrors('editor'), '404': errors['404'] },
        },
      },
      '/api/stacks/{id}/history': {
        get: {
          summary: 'Every revision of a stack: when, by whom',
          parameters: pathId('id'),
          responses: { '200': json({ type: 'array' }, 'revisions, oldest first'), '404': errors['404'] },
        },
      },
      '/api/session': {
        get: {
          summary: 'Who is signed in (and the CSRF token their writes send back)',
          responses: { '200': json({ type: 'object' }, '{user, accounts, csrf?}') },
        },
        post: {
          summary: 'Sign in with name and password: sets the session cookie (HttpOnly, SameSite=Lax)',
          requestBody: body('SignIn'),
          responses: { '201': json({ type: 'object' }, '{user, csrf}'), '400': errors['400'], '401': err('the name or the password is wrong') },
        },
        delete: { summary: 'Sign out', responses: { '204': { description: 'signed out' } } },
      },
      '/api/radars': {
        get: {
          summary: "The organisation's radars, and the catalogue's (read-only, id `catalogue`)",
          responses: { '200': json({ type: 'array' }, 'id, title, editions, last published') },
        },
        post: {
          summary: 'Create a radar (editor): its own title, quadrants and 1 to 8 rings; optionally seeded from the catalogue or from evidence',
          requestBody: body('CreateRadar'),
          responses: { '201': json({ type: 'object', properties: { id: { type: 'string' } } }, 'created'), ...writeErrors('editor') },
        },
      },
      '/api/radars/{id}': {
        get: {
          summary: 'A radar: its editions oldest first, each blip with its movement; the draft for editors',
          parameters: pathId('id'),
          responses: { '200': json({ type: 'object' }, 'the radar'), '404': errors['404'] },
        },
      },
      '/api/radars/{id}/diff': {
        get: {
          summary:
            'What entered, moved (from which ring, with the rationale) and left: an edition (`to`, default the latest) against the one before, or `to=draft` (editors)',
          parameters: [...pathId('id'), { name: 'to', in: 'query', required: false, schema: { type: 'string' } }],
          responses: { '200': json({ type: 'object' }, 'the diff'), '403': err('the draft is for editors'), '404': errors['404'] },
        },
      },
      '/api/radars/{id}/blips/{blipId}': {
        put: {
          summary: 'Add or change a blip of the draft (editor): a catalogue tool or a free item, its ring, quadrant and Markdown rationale',
          parameters: pathId('id', 'blipId'),
          requestBody: body('PutBlip'),
          responses: {
            '200': json({ type: 'object' }, 'changed'),
            '201': json({ type: 'object' }, 'added'),
            ...writeErrors('editor'),
            '404': errors['404'],
            '409': err('another blip has that name, or the radar is the read-only catalogue radar'),
          },
        },
        delete: {
          summary: 'Remove a blip from the draft (editor)',
          parameters: pathId('id', 'blipId'),
          responses: { '204': { description: 'removed' }, ...writeErrors('editor'), '404': errors['404'] },
        },
      },
      '/api/radars/{id}/editions': {
        post: {
          summary: 'Publish the draft as an immutable edition (editor), dated later than every other',
          parameters: pathId('id'),
          requestBody: body('Publish'),
          responses: {
            '201': json({ type: 'object' }, 'published'),
            ...writeErrors('editor'),
            '404': errors['404'],
            '409': err('an edition with that date exists, or a later one does'),
          },
        },
      },
      '/api/radars/{id}/import': {
        post: {
          summary: "Replace the draft with a radar file's latest edition (editor): ours (YAML), BYOR CSV or JSON, Zalando, Backstage",
          parameters: pathId('id'),
          requestBody: body('ImportRadar'),
          responses: { '200': json({ type: 'object' }, 'imported, with warnings'), ...writeErrors('editor'), '404': errors['404'] },
        },
      },
      '/api/radars/{id}/export': {
        get: {
          summary: 'The published editions in a format: ours (YAML), byor-csv, byor-json, zalando, backstage',
          parameters: [...pathId('id'), { name: 'format', in: 'query', required: false, schema: { type: 'string' } }],
          responses: { '200': { description: 'the radar in that format' }, '400': errors['400'], '404': errors['404'], '409': err('nothing published yet') },
        },
      },
      '/api/radars/{id}/backstage': {
        get: {
          summary: "The published editions as Backstage's tech-radar plugin loads them",
          parameters: pathId('id'),
          responses: { '200': json({ type: 'object' }, 'TechRadarLoaderResponse'), '404': errors['404'], '409': err('nothing published yet') },
        },
      },
      '/api/proposals': {
        get: {
          summary: 'Proposals, optionally by state; open tool proposals carry a preview (fields from and to, placement before and after)',
          parameters: [{ name: 'state', in: 'query', required: false, schema: { enum: ['open', 'approved', 'rejected'] } }],
          responses: { '200': json({ type: 'array' }, 'the proposals'), '400': errors['400'] },
        },
        post: {
          summary: 'Propose a new tool, a change to a tool, or a ring move on a radar, with a reason (any signed-in user)',
          requestBody: body('Proposal'),
          responses: { '201': json({ type: 'object' }, '{id, state} and the placement preview'), ...writeErrors('viewer'), '404': errors['404'] },
        },
      },
      '/api/proposals/{id}': {
        get: { summary: 'One proposal', parameters: pathId('id'), responses: { '200': json({ type: 'object' }, 'the proposal'), '404': errors['404'] } },
      },
      '/api/proposals/{id}/vote': {
        post: {
          summary: 'Vote for or against an open proposal (any signed-in user; a second vote replaces the first)',
          parameters: pathId('id'),
          requestBody: body('Vote'),
          responses: { '200': json({ type: 'object' }, 'the proposal'), ...writeErrors('viewer'), '404': errors['404'], '409': err('already reviewed') },
        },
      },
      '/api/proposals/{id}/review': {
        post: {
          summary: 'Approve (applied in the same transaction) or reject with a comment (editor; not your own unless admin)',
          parameters: pathId('id'),
          requestBody: body('Review'),
          responses: {
            '200': json({ type: 'object' }, 'the reviewed proposal'),
            ...writeErrors('editor'),
            '404': errors['404'],
            '409': err('already reviewed, or it no longer applies'),
          },
        },
      },
      '/api/audit': {
        get: {
          summary: 'The append-only audit log (admin): who, when, what, why, before and after',
          parameters: ['target', 'after', 'limit'].map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } })),
          responses: { '200': json({ type: 'array' }, 'entries, oldest first'), '400': errors['400'], '401': err('not signed in'), '403': err('not an admin') },
        },
      },
      '/api/overlay': {
        get: {
          summary: "The organisation's changes over the base catalogue, and those whose base changed since (editor)",
          responses: { '200': json({ type: 'object' }, '{overrides, conflicts}'), '401': err('not signed in'), '403': err('not an editor') },
        },
      },
      '/api/tools/{id}/history': {
        get: {
          summary: "A tool's history: every approved change, who made it and why",
          parameters: pathId('id'),
          responses: { '200': json({ type: 'array' }, 'audit entries'), '404': errors['404'] },
        },
      },
      '/api/health': {
        get: { summary: 'Liveness: tools served and the catalogue version', responses: { '200': json({ type: 'object' }, '{ok, tools, version}') } },
      },
      '/api/openapi.json': { get: { summary: 'This document', responses: { '200': json({ type: 'object' }, 'OpenAPI 3.1') } } },
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
        SignIn: schema(SignIn),
        CreateRadar: schema(CreateRadar),
        PutBlip: schema(PutBlip),
        Publish: schema(Publish),
        ImportRadar: schema(ImportBody),
        Proposal: schema(ProposalBody),
        Review: schema(Review),
        Vote: schema(Vote),
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
