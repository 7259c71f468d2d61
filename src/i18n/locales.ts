import { en } from './en.js';
import { loadCatalog } from './loaders.js';
import type { Messages } from './messages.js';

/**
 * The locales the widget has a catalog for, by BCP 47 tag. English is always bundled; the others
 * load on demand (about 0.6–1.1 KB gzip each, ~4.5 KB together), so a page pays only for the
 * language it shows. In the ESM build they are dynamic imports a bundler splits out; the script
 * tag fetches `locales/<code>.js` from beside `storevoice.iife.js` (a kiosk precaches them).
 */
export const localeCodes = ['en', 'es', 'fr', 'de', 'pt-BR', 'ar', 'he', 'ja'] as const;

/** A locale the widget has a catalog for. */
export type LocaleCode = (typeof localeCodes)[number];

const codes: readonly LocaleCode[] = localeCodes;
const loaded = new Map<LocaleCode, Messages>([['en', en]]);

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
 * The messages of a locale, if its catalog is loaded (English always is). Takes a `LocaleCode`,
 * or any tag, resolved as `resolveLocale` does (`'es-MX'` → Spanish).
 */
export function messagesFor(locale: string): Messages | undefined {
  return loaded.get(resolveLocale(locale));
}

/**
 * Loads a locale's catalog (once) and returns it. A catalog that cannot be loaded (offline
 * before it was ever cached, a CDN without the file) falls back to English, with a warning.
 * @example const messages = await loadMessages('es-MX'); // Spanish
 */
export async function loadMessages(locale: string): Promise<Messages> {
  const code = resolveLocale(locale);
  const known = loaded.get(code);
  if (known) return known;
  try {
    const messages = await loadCatalog(code as Exclude<LocaleCode, 'en'>);
    loaded.set(code, messages);
    return messages;
  } catch (error) {
    console.warn(`[storevoice] the "${code}" messages could not be loaded; showing English.`, error);
    return en;
  }
}

/**
 * The catalog of a tag's language. Matching the language alone is enough while no two catalogs
 * share one (`pt-BR` is the only Portuguese): an exact match is a language match too.
 */
function match(tag: string): LocaleCode | undefined {
  const head = tag.trim().toLowerCase().split(/[-_]/)[0]!;
  const language = aliases[head] ?? head;
  return codes.find((code) => code.split('-')[0] === language);
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  if (navigator.languages?.length) return navigator.languages;
  return navigator.language ? [navigator.language] : [];
}
