import type { LocalizedText } from '../schema/primitives.js';

/**
 * Pick the text for a locale from a plain string or a locale → string map.
 *
 * Order: the exact tag (case-insensitive, `_` read as `-`); then shorter forms of it (`zh-Hant-TW` →
 * `zh-Hant` → `zh`); then any region of the same language (`pt` → the first `pt-*`); then the same
 * for `en`; then the first text given. `undefined` gives `''`.
 * @example localize({ en: 'Thanks', pt: 'Obrigado' }, 'pt-BR') // 'Obrigado'
 * @example localize({ en: 'Thanks', 'pt-PT': 'Obrigado' }, 'pt') // 'Obrigado'
 * @example localize('Thanks', 'fr') // 'Thanks'
 */
export function localize(text: LocalizedText | undefined, locale: string | undefined): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const entries = Object.entries(text).map(([tag, value]) => [normalize(tag), value] as const);
  const find = (match: (tag: string) => boolean) => entries.find(([tag]) => match(tag))?.[1];
  const lookup = (wanted: string): string | undefined => {
    // Truncate from the end (RFC 4647 lookup), so a script or region we lack falls back to its parent.
    for (let tag = wanted; tag; tag = tag.slice(0, Math.max(tag.lastIndexOf('-'), 0))) {
      const exact = find((t) => t === tag);
      if (exact !== undefined) return exact;
    }
    // A Brazilian shopper reads Portuguese from Portugal better than English.
    const language = wanted.split('-')[0];
    return find((t) => t.startsWith(`${language}-`));
  };
  return (locale ? lookup(normalize(locale)) : undefined) ?? lookup('en') ?? entries[0]?.[1] ?? '';
}

const normalize = (tag: string) => tag.trim().replaceAll('_', '-').toLowerCase();
