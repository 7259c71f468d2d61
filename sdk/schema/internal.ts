import * as z from 'zod/mini';

// The building blocks of our schemas, in place of most of zod/mini's own (string, number, boolean,
// literal, array, union, discriminated union, record, int, length and range checks). zod/mini
// bundles each feature used; together these cost ~4 KB gzip of a 16 KB budget, these stand-ins
// ~0.6 KB. Each is a `z.custom()` schema whose check raises the issues zod would (same code,
// expected/origin/minimum/maximum/values, path), so `parse.ts` words them as before, and the
// schemas stay zod schemas that zod and zod/mini parse and compose (z.object, z.optional…).
// What zod still provides: strict objects, optional fields, custom schemas and refinements,
// parsing and its errors. Not exported from the package.
// The price: z.toJSONSchema() cannot describe custom schemas.

type Payload = z.core.ParsePayload<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Check = (payload: Payload) => void;

/**
 * Adds an issue. `stop` marks it as aborting, as zod does for a wrong type (later checks are then
 * skipped); otherwise, like zod's checks, the remaining checks still run.
 */
const fail = (payload: Payload, issue: object, stop?: boolean): void =>
  void payload.issues.push({ input: payload.value, continue: !stop, ...issue } as never);

/** Parses with a schema's run function, which neither throws nor finalizes issues (zod's own wrappers use it too). */
const run = (schema: z.core.SomeType, value: unknown) => (schema as z.core.$ZodType)._zod.run({ value, issues: [] }, {}) as Payload;

/** Takes over what `schema` made of the value: its output and its issues. */
const adopt = (payload: Payload, schema: z.core.SomeType): void => {
  const result = run(schema, payload.value);
  payload.value = result.value;
  payload.issues.push(...result.issues);
};

/** A schema for `O` (parsed from `I`) that `check` validates. */
const checked = <O, I = O>(check: Check) => z.custom<O>().check(check) as unknown as z.ZodMiniType<O, I>;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A value of a JavaScript type, like `z.string()`, `z.number()` (finite numbers only, as in zod) or `z.boolean()`. */
const typed = <T>(expected: 'string' | 'number' | 'boolean') =>
  checked<T>((payload) => {
    const input = payload.value;
    if (typeof input !== expected || (expected === 'number' && !Number.isFinite(input))) fail(payload, { code: 'invalid_type', expected }, true);
  });
export const string = () => typed<string>('string');
export const number = () => typed<number>('number');
export const boolean = () => typed<boolean>('boolean');

/** One of the given values (compared with `===`), like `z.literal(values)`. */
export const literal = <const T extends z.util.Literal | readonly z.util.Literal[]>(values: T) => {
  const allowed: readonly unknown[] = Array.isArray(values) ? values : [values];
  const schema = checked<T extends readonly (infer U)[] ? U : T>((payload) => {
    if (!allowed.includes(payload.value)) fail(payload, { code: 'invalid_value', values: allowed }, true);
  });
  return Object.assign(schema, { values: allowed });
};

/**
 * A number from `min` to `max`, or a string (counted in code points, as zod does) or an array whose
 * length is. Like `z.gte(min)` + `z.lte(max)` or `z.minLength(min)` + `z.maxLength(max)`.
 */
export const within =
  (min: number, max = Infinity, stop?: boolean): Check =>
  (payload) => {
    const input = payload.value;
    const origin = typeof input === 'number' ? 'number' : Array.isArray(input) ? 'array' : 'string';
    const size = origin === 'number' ? input : [...input].length;
    if (size < min) fail(payload, { code: 'too_small', origin, minimum: min, inclusive: true });
    if (size > max) fail(payload, { code: 'too_big', origin, maximum: max, inclusive: true }, stop);
  };

/** A whole number from `min` to `max` (by default, the safe integers), like `z.int().check(z.gte(min), z.lte(max))`. */
export const integer = (min = -Number.MAX_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) =>
  number().check((payload) => {
    if (Number.isInteger(payload.value)) within(min, max)(payload);
    else fail(payload, { code: 'invalid_type', expected: 'int' }, true);
  });

/**
 * An array of `min` to `max` items that pass `item`, like `z.array(item).check(z.minLength(min), z.maxLength(max))`.
 * As in zod, an oversized array fails at once, before any item is parsed.
 */
export const listOf = <S extends z.core.SomeType>(item: S, min = 0, max = Infinity) =>
  checked<z.output<S>[], z.input<S>[]>((payload) => {
    const input = payload.value;
    if (!Array.isArray(input)) return fail(payload, { code: 'invalid_type', expected: 'array' }, true);
    if (input.length > max) return within(0, max, true)(payload);
    payload.value = input.map((value, i) => {
      const result = run(item, value);
      for (const issue of result.issues) payload.issues.push({ ...issue, path: [i, ...(issue.path ?? [])] });
      return result.value;
    });
    within(min)(payload);
  });

/**
 * A plain object whose keys pass `key` and whose values pass `value`, like `z.record(key, value)`:
 * a bad key is an `invalid_key` issue at that key. Objects with a prototype other than Object's
 * (arrays, dates, class instances) are refused as zod does; objects from other frames pass.
 */
export const recordOf = <V extends z.core.SomeType>(key: z.core.SomeType, value: V) => {
  // An object with no fixed keys, whose every value must pass `value`: strict objects use the same type.
  const entries = new z.ZodMiniObject({ type: 'object', shape: {}, catchall: value as never });
  return checked<Record<string, z.output<V>>, Record<string, z.input<V>>>((payload) => {
    const input = payload.value;
    const proto = isObject(input) && Object.getPrototypeOf(input);
    if (proto !== null && !(proto && Object.hasOwn(proto, 'isPrototypeOf'))) return fail(payload, { code: 'invalid_type', expected: 'record' }, true);
    adopt(payload, entries);
    for (const k of Object.keys(input)) if (run(key, k).issues.length) fail(payload, { code: 'invalid_key', origin: 'record', path: [k], issues: [] }, true);
  });
};

/**
 * The first of `options` that accepts the value, like `z.union(options)`. When none does: the
 * issues of the only option that failed without aborting (e.g. on unknown keys alone), else
 * one `invalid_union` issue ("does not match any allowed shape").
 */
export const oneOf = <const T extends readonly z.core.SomeType[]>(options: T) =>
  checked<z.output<T[number]>, z.input<T[number]>>((payload) => {
    const close: Payload[] = [];
    for (const option of options) {
      const result = run(option, payload.value);
      if (!result.issues.length) return void (payload.value = result.value);
      if (result.issues.every((issue) => issue.continue)) close.push(result);
    }
    if (close.length === 1) {
      payload.value = close[0]!.value;
      payload.issues.push(...close[0]!.issues);
    } else fail(payload, { code: 'invalid_union', errors: [] }, true);
  });

/** `null`, or what `schema` accepts, like `z.nullable(schema)`. */
export const nullable = <S extends z.core.SomeType>(schema: S) =>
  checked<z.output<S> | null, z.input<S> | null>((payload) => {
    if (payload.value !== null) adopt(payload, schema);
  });

type Typed = z.ZodMiniObject<{ type: { values: readonly unknown[] } & z.ZodMiniType<string> }>;

/**
 * One of several objects told apart by their `type` literal, like `z.discriminatedUnion('type', options)`:
 * an unknown type is an `invalid_union` issue at `type` with the note "No matching discriminator".
 */
export const byType = <const T extends readonly Typed[]>(options: T) => {
  const table = new Map(options.map((option) => [option.shape.type.values[0], option]));
  return checked<z.output<T[number]>, z.input<T[number]>>((payload) => {
    const input = payload.value;
    if (!isObject(input)) return fail(payload, { code: 'invalid_type', expected: 'object' }, true);
    const option = table.get(input.type);
    if (option) adopt(payload, option);
    else fail(payload, { code: 'invalid_union', errors: [], note: 'No matching discriminator', discriminator: 'type', path: ['type'] }, true);
  });
};
