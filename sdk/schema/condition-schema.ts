import * as z from 'zod/mini';
import { once } from '../internal/once.js';

/** The condition schema, built on first use (see primitive-schemas.ts); `condition.ts` exports it built. */
export const conditionSchema = once(() => {
  const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
  return z.strictObject({
    eq: z.optional(Scalar),
    neq: z.optional(Scalar),
    lt: z.optional(z.number()),
    lte: z.optional(z.number()),
    gt: z.optional(z.number()),
    gte: z.optional(z.number()),
    in: z.optional(z.array(Scalar).check(z.minLength(1))),
    notIn: z.optional(z.array(Scalar).check(z.minLength(1))),
    answered: z.optional(z.boolean()),
  });
});
