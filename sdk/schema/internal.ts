import * as z from 'zod/mini';

// The building blocks of our schemas, in place of most of zod/mini's own (string, number, boolean,
// literal, array, union, discriminated union, record, strict object, optional, int, length and
// range checks). zod/mini bundles each feature used; together these cost ~5 KB gzip of a 16 KB
// budget, these stand-ins ~0.9 KB. Each is a `z.custom()` schema whose check raises the issues zod
// would (same code, expected/origin/minimum/maximum/values/keys, path), so `parse.ts` words them as
// before, and the schemas stay zod schemas that zod and zod/mini parse and compose (z.object,
// z.optional…). What zod still provides: custom schemas and refinements, parsing and its errors.
// Not exported from the package.
// The price: z.toJSONSchema() cannot describe custom schemas, and zod's object helpers (z.extend,
// z.pick, z.partial…) do not apply to our objects; spread their `.shape` into a new object instead.

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

/** Parses `value`, a part of the payload's value at `key`, with `schema`: its issues are reported at that key. */
const runAt = (payload: Payload, key: PropertyKey, schema: z.core.SomeType, value: unknown): unknown => {
  const result = run(schema, value);
  for (const issue of result.issues) payload.issues.push({ ...issue, path: [key, ...(issue.path ?? [])] });
  return result.value;
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
    payload.value = input.map((value, i) => runAt(payload, i, item, value));
    within(min)(payload);
  });

/**
 * A plain object whose keys pass `key` and whose values pass `value`, like `z.record(key, value)`:
 * a bad key is an `invalid_key` issue at that key. Objects with a prototype other than Object's
 * (arrays, dates, class instances) are refused as zod does; objects from other frames pass.
 */
export const recordOf = <V extends z.core.SomeType>(key: z.core.SomeType, value: V) =>
  checked<Record<string, z.output<V>>, Record<string, z.input<V>>>((payload) => {
    const input = payload.value;
    const proto = isObject(input) && Object.getPrototypeOf(input);
    if (proto !== null && !(proto && Object.hasOwn(proto, 'isPrototypeOf'))) return fail(payload, { code: 'invalid_type', expected: 'record' }, true);
    const output: Record<string, unknown> = {};
    // As zod does, a "__proto__" key (from JSON.parse) is left out rather than made the prototype.
    for (const k of Object.keys(input)) if (k !== '__proto__') output[k] = runAt(payload, k, value, input[k]);
    for (const k of Object.keys(input)) if (run(key, k).issues.length) fail(payload, { code: 'invalid_key', origin: 'record', path: [k], issues: [] }, true);
    payload.value = output;
  });

/** What {@link strictObject} makes: a schema of the object `S` describes, which keeps `S` as `.shape`. */
export interface StrictObject<S extends z.core.$ZodShape>
  extends z.ZodMiniType<z.core.$InferObjectOutput<S, z.core.$strict['out']>, z.core.$InferObjectInput<S, z.core.$strict['in']>> {
  shape: S;
}

/**
 * An object with exactly the fields of `shape`, like `z.strictObject(shape)`: each field's issues
 * are reported at its key, a missing field is parsed as `undefined` (so only `optional()` ones
 * may be left out), and unknown keys are one `unrecognized_keys` issue.
 */
export const strictObject = <const S extends z.core.$ZodShape>(shape: S): StrictObject<S> => {
  const schema = checked((payload) => {
    const input = payload.value;
    if (!isObject(input)) return fail(payload, { code: 'invalid_type', expected: 'object' }, true);
    const output: Record<string, unknown> = {};
    for (const [k, field] of Object.entries(shape)) {
      const parsed = runAt(payload, k, field, input[k]);
      if (k in input) output[k] = parsed;
    }
    const unknown: string[] = [];
    // for…in, as zod: inherited enumerable keys are unknown fields too.
    for (const k in input) if (!Object.hasOwn(shape, k)) unknown.push(k);
    if (unknown.length) fail(payload, { code: 'unrecognized_keys', keys: unknown });
    payload.value = output;
  });
  return Object.assign(schema, { shape }) as StrictObject<S>;
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

/** What {@link optional} makes: a schema marked optional the way zod marks its own, which objects and `z.infer` read. */
export interface Optional<S extends z.core.SomeType> extends z.ZodMiniType<z.output<S> | undefined, z.input<S> | undefined> {
  _zod: z.ZodMiniType<z.output<S> | undefined, z.input<S> | undefined>['_zod'] & { optin: 'optional'; optout: 'optional' };
}

/**
 * `undefined`, or what `schema` accepts, like `z.optional(schema)`: a field that `strictObject`
 * (and zod's objects, which read the same `optin`/`optout` marks) lets the input leave out.
 */
export const optional = <S extends z.core.SomeType>(schema: S): Optional<S> => {
  const field = checked((payload) => {
    if (payload.value !== undefined) adopt(payload, schema);
  });
  Object.assign(field._zod, { optin: 'optional', optout: 'optional' });
  return field as Optional<S>;
};

/** `null`, or what `schema` accepts, like `z.nullable(schema)`. */
export const nullable = <S extends z.core.SomeType>(schema: S) =>
  checked<z.output<S> | null, z.input<S> | null>((payload) => {
    if (payload.value !== null) adopt(payload, schema);
  });

type Typed = z.ZodMiniType<{ type: string }> & { shape: { type: { values: readonly unknown[] } } };

/**
 * One of several objects told apart by their `type` literal, like `z.discriminatedUnion('type', options)`:
 * an unknown type is an `invalid_union` issue at `type` with the note "No matching discriminator".
 */
export const byType = <const T extends readonly Typed[]>(options: T) =>
  checked<z.output<T[number]>, z.input<T[number]>>((payload) => {
    const input = payload.value;
    if (!isObject(input)) return fail(payload, { code: 'invalid_type', expected: 'object' }, true);
    const option = options.find((candidate) => candidate.shape.type.values.includes(input.type));
    if (option) adopt(payload, option);
    else fail(payload, { code: 'invalid_union', errors: [], note: 'No matching discriminator', discriminator: 'type', path: ['type'] }, true);
  });
