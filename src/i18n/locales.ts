import { ar } from './ar.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { he } from './he.js';
import { ja } from './ja.js';
import type { Messages } from './messages.js';
import { ptBR } from './pt-br.js';

/**
 * Every catalog the widget ships, by BCP 47 tag.
 *
 * All are bundled, none is loaded on demand. Each catalog is small: measured minified and gzipped
 * next to English, 0.6 KB for the Latin-script ones, 0.75–1.1 KB for he, ja and ar (their letters
 * take 2–3 bytes in UTF-8), about 5 KB for all seven. Loading one on demand would need a second
 * request after the script tag's, which a kiosk that boots offline cannot make, and a kiosk must
 * speak its language from the first screen.
 */
export const catalogs = { en, es, fr, de, 'pt-BR': ptBR, ar, he, ja } as const satisfies Record<string, Messages>;

/** A locale the widget has a catalog for. */
export type LocaleCode = keyof typeof catalogs;

const codes = Object.keys(catalogs) as LocaleCode[];

/** Deprecated ISO 639 codes some platforms still report (older Android and Java say `iw` for Hebrew). */
const aliases: Readonly<Record<string, string>> = { iw: 'he' };

/**
 * The catalog to use for a requested locale (the `locale` attribute, `data-locale`).
 *
 * `'auto'`, `''` or `undefined` take the first of `preferred` that matches, which defaults to the
 * browser's `navigator.languages` (read only here, so importing this module is safe during SSR).
 * A tag matches a catalog exactly, ignoring case and reading `_` as `-` (`pt_br` → `pt-BR`), or
 * else by language alone (`pt-PT` → `pt-BR`, `es-MX` → `es`, `de-AT` → `de`). Anything else is `en`.
 * An explicit tag we have no catalog for gives `en`, not the browser's preference: the page asked
 * for that language, and English is the survey definitions' fallback too.
 * @example resolveLocale('es-MX') // 'es'
 * @example resolveLocale('auto', ['zh-CN', 'fr-CA', 'en']) // 'fr'
 */
export function resolveLocale(requested: string | undefined, preferred?: readonly string[]): LocaleCode {
  const wanted = requested?.trim();
  if (wanted && wanted.toLowerCase() !== 'auto') return match(wanted) ?? 'en';
  for (const tag of preferred ?? browserLanguages()) {
    const code = match(tag);
    if (code) return code;
  }
  return 'en';
}

/**
 * The messages of a locale. Takes a `LocaleCode`, or any tag, which is resolved as
 * `resolveLocale` does (`'es-MX'` → Spanish), so a tag read at run time can never miss a catalog.
 */
export function messagesFor(locale: string): Messages {
  return catalogs[resolveLocale(locale)];
}

/** The writing direction of a locale (a `LocaleCode` or any tag, as `messagesFor`), for `dir`. */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  return messagesFor(locale).dir;
}

function match(tag: string): LocaleCode | undefined {
  const normalized = tag.trim().replaceAll('_', '-').toLowerCase();
  const exact = codes.find((code) => code.toLowerCase() === normalized);
  if (exact) return exact;
  const head = normalized.split('-')[0] ?? '';
  const language = aliases[head] ?? head;
  return codes.find((code) => code.toLowerCase().split('-')[0] === language);
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  if (navigator.languages?.length) return navigator.languages;
  return navigator.language ? [navigator.language] : [];
}
