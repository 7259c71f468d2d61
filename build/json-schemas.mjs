// The wire format as JSON Schema, for backends in any language: dist/schema/submission.json and
// dist/schema/survey.json, generated from the SDK's zod schemas with z.toJSONSchema (see
// sdk/schema/json-schema.ts) at each build, so they can never drift from what the SDK validates.
import { tsImport } from 'tsx/esm/api';

/** A rollup plugin that emits the JSON Schemas beside the ESM build, as `schema/*.json`. */
export function jsonSchemas() {
  return {
    name: 'json-schemas',
    async generateBundle() {
      const { jsonSchemas: generate } = await tsImport('../sdk/schema/json-schema.ts', import.meta.url);
      for (const [name, schema] of Object.entries(generate())) {
        this.emitFile({ type: 'asset', fileName: `schema/${name}.json`, source: `${JSON.stringify(schema, null, 2)}\n` });
      }
    },
  };
}
