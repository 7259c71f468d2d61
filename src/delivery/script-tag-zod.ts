import type * as z from 'zod/mini';

/**
 * The zod functions `dist/delivery.js` borrows from the script tag (rollup.config.mjs points
 * `zod/mini` here in that build). The SDK's submission, context and option schemas are built with
 * the bundle's own zod, which it already carries for survey definitions: a second copy would add
 * ~9 KB gzip to the first submission. A name the delivery code uses but this list lacks fails the
 * build; one this list has but the bundle does not lend fails the type check (load-script.ts).
 */
export interface LentZod {
  array: typeof z.array;
  boolean: typeof z.boolean;
  custom: typeof z.custom;
  discriminatedUnion: typeof z.discriminatedUnion;
  enum: typeof z.enum;
  gte: typeof z.gte;
  int: typeof z.int;
  iso: Pick<typeof z.iso, 'datetime'>;
  literal: typeof z.literal;
  lte: typeof z.lte;
  maxLength: typeof z.maxLength;
  minLength: typeof z.minLength;
  null: typeof z.null;
  nullable: typeof z.nullable;
  number: typeof z.number;
  optional: typeof z.optional;
  record: typeof z.record;
  refine: typeof z.refine;
  regex: typeof z.regex;
  safeParse: typeof z.safeParse;
  strictObject: typeof z.strictObject;
  string: typeof z.string;
  union: typeof z.union;
  uuid: typeof z.uuid;
}

/**
 * The parameter of the function `dist/delivery.js` is wrapped in (rollup.config.mjs): the module's
 * code, schemas included, runs when the bundle calls `start(lentZod)`, so the names below are
 * bound before any schema is built.
 */
declare const __storevoice_zod: LentZod;

const { enum: _enum, null: _null } = __storevoice_zod;
export const {
  array,
  boolean,
  custom,
  discriminatedUnion,
  gte,
  int,
  iso,
  literal,
  lte,
  maxLength,
  minLength,
  nullable,
  number,
  optional,
  record,
  refine,
  regex,
  safeParse,
  strictObject,
  string,
  union,
  uuid,
} = __storevoice_zod;
export { _enum as enum, _null as null };
