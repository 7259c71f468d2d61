/** `['answers', 0, 'value']` → `answers[0].value`; an empty key (a tag named "") → `tags[""]` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : key === '' ? `${out}[""]` : out ? `${out}.${String(key)}` : String(key)), '');
}
