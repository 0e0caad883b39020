import { z } from 'zod';
import { api } from './api';
import { ErrorBody, errorMessages } from './errors';
import type { Endpoint } from './http';

/** The OpenAPI 3.1 document, generated from the same zod schemas the Lambda validates with. */
function schemaOf(s: z.ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' });
}

function objectProps(s: z.ZodType): Record<string, unknown> {
  const json = schemaOf(s, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return json.properties ?? {};
}

export function openApiDocument(serverUrl = '/'): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [capability, endpoints] of Object.entries(api)) {
    for (const [name, e] of Object.entries(endpoints as Record<string, Endpoint>)) {
      const params = Object.entries(objectProps(e.params)).map(([n, schema]) => ({ name: n, in: 'path', required: true, schema }));
      const queryJson = schemaOf(e.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      const query = Object.entries(queryJson.properties ?? {}).map(([n, schema]) => ({
        name: n,
        in: 'query',
        required: (queryJson.required ?? []).includes(n),
        schema,
      }));
      const headers = e.idempotent
        ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' }, description: 'A retry with the same key returns the first answer and creates nothing' }]
        : [];
      const op: Record<string, unknown> = {
        operationId: `${capability}.${name}`,
        tags: [capability],
        summary: e.summary,
        parameters: [...params, ...query, ...headers],
        security: e.auth === 'public' ? [] : [{ bearer: [] }],
        responses: {
          [String(e.status)]: { description: 'OK', content: { [e.produces === 'text' ? 'text/plain' : 'application/json']: { schema: schemaOf(e.response, 'output') } } },
          default: { description: 'An error with a stable code', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } },
        },
      };
      if (!(e.body instanceof z.ZodUndefined)) {
        op.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(e.body, 'input') } } };
      }
      paths[e.path] ??= {};
      paths[e.path]![e.method.toLowerCase()] = op;
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Linli 邻里 API',
      version: '0.1.0',
      description: `Error codes: ${Object.keys(errorMessages).join(', ')}`,
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { ErrorBody: schemaOf(ErrorBody, 'output') },
    },
  };
}
