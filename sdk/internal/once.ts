/**
 * `build()`'s value, built on the first call and kept. For zod schemas that a page may never need,
 * or needs later: building them takes main-thread time (zod does real work per schema).
 * @example
 * const schemas = once(() => ({ Survey: z.strictObject({ id: z.string() }) }));
 * schemas().Survey; // built now, the same object on every later call
 */
export function once<T>(build: () => T): () => T {
  let value: { readonly built: T } | undefined;
  return () => (value ??= { built: build() }).built;
}
