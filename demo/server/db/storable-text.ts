// NUL and unpaired surrogates are valid in JSON and JavaScript strings, but PostgreSQL refuses them
// in `text` (NUL) and `jsonb` (both): an INSERT or even a WHERE comparison with one fails, and an
// unchecked request would answer 500 instead of saying what was wrong with it.
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Whether PostgreSQL can store `text` as it is. */
export function isStorableText(text: string): boolean {
  UNSTORABLE.lastIndex = 0;
  return !UNSTORABLE.test(text);
}

/** `text` with every NUL and unpaired surrogate replaced by U+FFFD (one code unit for one: lengths hold). */
export function toStorableText(text: string): string {
  return isStorableText(text) ? text : text.replace(UNSTORABLE, '\ufffd');
}

/**
 * Where in a parsed JSON value the first string (or key) PostgreSQL could not store is, as a path
 * like the validation issues' (`questions[0].prompt`; `''` for the value itself), or `undefined`
 * when there is none.
 */
export function unstorablePath(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return isStorableText(value) ? undefined : path;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = unstorablePath(item, `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (!isStorableText(key)) return at;
      const found = unstorablePath(item, at);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
