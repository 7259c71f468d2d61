import type { OpenAPIV3_1 } from 'openapi-types';
import * as z from 'zod';
import { MAX_BATCH_SIZE } from '../../../sdk/index.js';
import { jsonSchemas } from '../../../sdk/schema/json-schema.js';
import { ROUTE_TABLE, type RouteAccess, type RouteEntry } from '../route-table.js';
import { OPERATIONS, TAGS, type JsonSchemaObject, type OperationSpec, type ResponseSpec, type SchemaSource } from './operations.js';
import { ErrorBodySchema } from './schemas.js';

type Schema = OpenAPIV3_1.SchemaObject;
interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: Schema;
}

/** Routes that serve files (the dashboard, the bundles, the demo pages): not API operations. */
export const isStaticRoute = (route: RouteEntry): boolean => typeof route.anonymity === 'object' && /static files/.test(route.anonymity.exempt);

/** `/v1/admin/brands/:brand` → `/v1/admin/brands/{brand}`. */
export const openApiPath = (path: string): string => path.replace(/:(\w+)/g, '{$1}');

/** `GET /v1/admin/brands/:brand/regions` → `getAdminBrandsByBrandRegions`. */
function operationId(method: string, path: string): string {
  const cap = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  const words = path
    .split('/')
    .filter((segment) => segment && segment !== 'v1')
    .map((segment) => (segment.startsWith(':') ? `By${cap(segment.slice(1))}` : segment.split(/[^A-Za-z0-9]+/).map(cap).join('')));
  return method.toLowerCase() + words.join('');
}

/** A schema without its `$schema`: inside OpenAPI 3.1 the document's dialect applies. */
function withoutDialect(schema: JsonSchemaObject): JsonSchemaObject {
  const copy = { ...schema };
  delete copy.$schema;
  return copy;
}

/**
 * A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect): the request side (`input`: what
 * a client may send, defaults optional) or the answer side (`output`). Definitions a schema
 * carries in `$defs` move to the document's components, so `$ref`s resolve in the document.
 */
function toSchema(source: SchemaSource, io: 'input' | 'output', components: Record<string, Schema>, name: string): Schema {
  if (!('_zod' in source)) return source as Schema;
  const schema = withoutDialect(z.toJSONSchema(source as z.core.$ZodType, { target: 'draft-2020-12', io, unrepresentable: 'any' })) as Schema & { $defs?: Record<string, Schema> };
  const { $defs } = schema;
  delete schema.$defs;
  if (!$defs) return schema;
  let text = JSON.stringify(schema);
  for (const [def, body] of Object.entries($defs)) {
    const id = `${name}_${def}`;
    components[id] = body;
    text = text.replaceAll(`"#/$defs/${def}"`, `"#/components/schemas/${id}"`);
  }
  return JSON.parse(text) as Schema;
}

const SECURITY: Record<RouteAccess, OpenAPIV3_1.SecurityRequirementObject[]> = {
  public: [],
  'write-key': [{ writeKey: [] }, { writeKeyQuery: [] }],
  'pulse-key': [{ pulseKey: [] }],
  admin: [{ adminToken: [] }],
  session: [{ session: [] }],
};

const ERROR_REF = { $ref: '#/components/schemas/Error' };

/** The refusals every route of an access kind may answer, besides its own. */
function accessResponses(route: RouteEntry): Record<number, ResponseSpec> {
  const error = (description: string): ResponseSpec => ({ description, schema: ERROR_REF });
  if (route.access === 'write-key') return { 401: error('No write key, or an unknown or revoked one.') };
  if (route.access === 'pulse-key') return { 401: error('No pulse key, or an unknown or revoked one.'), 403: error('A customer write key where a pulse key is needed.') };
  if (route.access === 'admin') return { 401: error('No admin token, or a wrong one.'), 403: error('The admin API is off: ADMIN_TOKEN is not set.') };
  if (route.access === 'session') {
    return {
      401: error('Not logged in, or the session expired.'),
      ...(route.method !== 'GET' && { 403: error('Missing or wrong `X-CSRF-Token`, or a cross-origin request.') }),
    } as Record<number, ResponseSpec>;
  }
  return {};
}

function operation(route: RouteEntry, spec: OperationSpec, components: Record<string, Schema>): OpenAPIV3_1.OperationObject {
  const id = operationId(route.method, route.path);
  const parameters: Parameter[] = [...route.path.matchAll(/:(\w+)/g)].map(([, name]) => ({
    name: name!,
    in: 'path' as const,
    required: true,
    schema: spec.params?.[name!] ? toSchema(spec.params[name!]!, 'input', components, id) : { type: 'string' },
  }));
  if (spec.query) {
    const query = toSchema(spec.query, 'input', components, id);
    const required = new Set(query.required ?? []);
    for (const [name, schema] of Object.entries(query.properties ?? {})) parameters.push({ name, in: 'query', required: required.has(name), schema: schema as Schema });
  }
  const responses: OpenAPIV3_1.ResponsesObject = {};
  for (const [status, response] of Object.entries({ ...accessResponses(route), ...spec.responses })) {
    responses[status] = {
      description: response.description,
      ...(response.headers && { headers: Object.fromEntries(Object.entries(response.headers).map(([name, description]) => [name, { description, schema: { type: 'string' as const } }])) }),
      ...(response.schema && { content: { [response.mediaType ?? 'application/json']: { schema: toSchema(response.schema, 'output', components, id) } } }),
    };
  }
  const security = route.access === 'session' && route.method !== 'GET' ? [{ session: [], csrfToken: [] }] : SECURITY[route.access];
  return {
    operationId: id,
    summary: spec.summary,
    ...(spec.description && { description: spec.description }),
    tags: [spec.tag],
    // openapi-types types 3.1 parameters with 3.0 schemas; ours are 3.1 (JSON Schema 2020-12).
    ...(parameters.length > 0 && { parameters: parameters as unknown as OpenAPIV3_1.ParameterObject[] }),
    ...(spec.body && {
      requestBody: {
        required: spec.body.required ?? true,
        ...(spec.body.description && { description: spec.body.description }),
        content: Object.fromEntries((spec.body.mediaTypes ?? ['application/json']).map((type) => [type, { schema: toSchema(spec.body!.schema, 'input', components, id) }])),
      },
    }),
    responses,
    // An empty list says "no authentication" explicitly; /metrics may or may not need its token.
    security: route.path === '/metrics' ? [{}, { metricsToken: [] }] : security,
  };
}

/** The routes the document describes: every route of route-table.ts but the static files. */
export const documentedRoutes = (): RouteEntry[] => ROUTE_TABLE.filter((route) => !isStaticRoute(route));

/**
 * The collector's API as an OpenAPI 3.1 document, generated from route-table.ts (paths and who
 * may call them) and the zod schemas that validate each request and describe each answer
 * (operations.ts); the wire format comes from the SDK's own JSON Schema (`jsonSchemas()`).
 */
export function openApiDocument(version: string): OpenAPIV3_1.Document {
  const wire = jsonSchemas();
  const strip = (schema: JsonSchemaObject): Schema => withoutDialect(schema) as Schema;
  const components: Record<string, Schema> = {
    Submission: strip(wire.submission),
    SubmissionBatch: {
      type: 'object',
      title: 'A batch of submissions',
      properties: { submissions: { type: 'array', items: { $ref: '#/components/schemas/Submission' }, minItems: 1, maxItems: MAX_BATCH_SIZE } },
      required: ['submissions'],
      additionalProperties: false,
    },
    SurveyDefinition: strip(wire.survey),
  };
  components.Error = toSchema(ErrorBodySchema, 'output', components, 'Error');
  const paths: OpenAPIV3_1.PathsObject = {};
  for (const route of documentedRoutes()) {
    const spec = OPERATIONS[`${route.method} ${route.path}`];
    if (!spec) continue;
    const path = (paths[openApiPath(route.path)] ??= {}) as Record<string, OpenAPIV3_1.OperationObject>;
    path[route.method.toLowerCase()] = operation(route, spec, components);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'StoreVoice collector',
      version,
      summary: 'Customer and staff feedback for retailers: ingest, survey definitions, administration and the managers\' dashboard.',
      description: 'Reference: docs/collector.md. The wire format is also published as JSON Schema: `storevoice/schema/submission.json`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        writeKey: { type: 'http', scheme: 'bearer', description: 'A brand\'s public write key (`pk_…`), created through the admin API.' },
        writeKeyQuery: { type: 'apiKey', in: 'query', name: 'key', description: 'The write key in the query, for `sendBeacon`, which cannot set headers.' },
        pulseKey: { type: 'http', scheme: 'bearer', description: "A store's pulse key (`pk_pulse_…`), from the dashboard's pulse links: the staff pulse page and its ideas. Also accepted as `?key=` on `GET /v1/pulse/session`." },
        adminToken: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN: the operator of the collector.' },
        session: { type: 'apiKey', in: 'cookie', name: 'sv_session', description: 'The dashboard session cookie set by `POST /v1/auth/login` (named `__Host-sv_session` over https).' },
        csrfToken: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: 'The session\'s CSRF token (`csrfToken` of the login answer), required on every dashboard write.' },
        metricsToken: { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN, when set.' },
      },
    },
  };
}
