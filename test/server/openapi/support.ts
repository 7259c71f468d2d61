import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** An OpenAPI document as served. */
export type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> }; responses: Record<string, { content?: Record<string, { schema: unknown }> }>; parameters?: Array<{ name: string; in: string }>; summary?: string }>>;
  components: { schemas: Record<string, unknown> };
};

/**
 * JSON Schema validators for the schemas inside an OpenAPI 3.1 document (JSON Schema 2020-12),
 * with `$ref`s into the document's components resolved: a standard validator, not zod, judges.
 */
export function schemaValidators(doc: OpenApiDocument): (pointer: readonly string[]) => ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, strict: false });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: 'openapi.json' } as object);
  const escape = (token: string) => token.replaceAll('~', '~0').replaceAll('/', '~1');
  return (tokens) => {
    const id = `openapi.json#/${tokens.map((token) => encodeURIComponent(escape(token))).join('/')}`;
    const validate = ajv.getSchema(id);
    if (!validate) throw new Error(`no schema at ${id}`);
    return validate;
  };
}

/** Where an operation's answer schema is in the document, as JSON pointer tokens. */
export const responsePointer = (path: string, method: string, status: number, mediaType = 'application/json'): string[] => ['paths', path, method, 'responses', String(status), 'content', mediaType, 'schema'];

/** Where an operation's request body schema is in the document, as JSON pointer tokens. */
export const requestPointer = (path: string, method: string, mediaType = 'application/json'): string[] => ['paths', path, method, 'requestBody', 'content', mediaType, 'schema'];
