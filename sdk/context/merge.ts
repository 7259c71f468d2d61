import type { ContextInput } from '../schema/context.js';

/** A copy of `record` without its `undefined` values. */
export const withoutUndefined = <T extends object>(record: T): T => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;

/**
 * Combine context layers (client defaults, `setContext()` calls, per-submission context) into one.
 *
 * - Later layers win field by field; `undefined` layers are skipped, so optional inputs pass as is.
 * - `tags` merge key by key, so a page can add `{ promo: 'bf' }` without losing the kiosk's `{ lane: 4 }`.
 * - `staff` is replaced, never concatenated: it names who served *this* shopper, and after a shift
 *   change the previous person must not stay attached to new feedback.
 * - A field explicitly set to `undefined` is removed: `client.setContext({ staff: undefined })`
 *   clears the staff. A tag set to `undefined` (from plain JavaScript) removes that tag.
 *
 * Inputs are never mutated and the result shares no array or object with them, so callers may keep
 * editing their own objects. Values are not validated here; the schemas do that where context enters.
 * @example
 * mergeContext({ store: '042', staff: ['emp-17'], tags: { lane: 4 } }, { staff: ['emp-21'], tags: { promo: 'bf' } });
 * // → { store: '042', staff: ['emp-21'], tags: { lane: 4, promo: 'bf' } }
 * mergeContext({ store: '042', staff: ['emp-17'] }, { staff: undefined });
 * // → { store: '042' }
 */
export function mergeContext(base: ContextInput, ...overrides: (ContextInput | undefined)[]): ContextInput {
  let out: ContextInput = {};
  for (const layer of [base, ...overrides]) {
    if (!layer) continue;
    const tags = out.tags;
    // Spread (not assignment) copies keys as own data properties, so a `__proto__` key from parsed JSON stays inert.
    out = { ...out, ...layer };
    if (tags && layer.tags) out.tags = { ...tags, ...layer.tags };
  }
  // Undefined values left now were set explicitly by the last layer that named them: they mean "remove".
  out = withoutUndefined(out);
  if (out.tags) out.tags = withoutUndefined(out.tags);
  if (out.staff) out.staff = [...out.staff];
  if (out.page) out.page = { ...out.page };
  return out;
}
