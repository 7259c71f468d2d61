import type { LocaleCode } from './locales.js';
import type { Messages } from './messages.js';

// Used instead of loaders.ts in dist/storevoice.iife.js (see rollup.config.mjs): a classic script
// cannot be code-split, but it can import() a module. The catalogs are built to
// dist/locales/<file>.js, next to the bundle, and resolved against the bundle's own URL (captured
// now: document.currentScript is only set while the script first runs), not the page's.
const base = (typeof document !== 'undefined' && (document.currentScript as HTMLScriptElement | null)?.src) || undefined;

function load(file: string, name: string): () => Promise<Messages> {
  return () =>
    import(/* webpackIgnore: true */ new URL(`locales/${file}.js`, base ?? document.baseURI).href).then((m: Record<string, Messages>) => m[name]!);
}

export const loaders: Record<Exclude<LocaleCode, 'en'>, () => Promise<Messages>> = {
  es: load('es', 'es'),
  fr: load('fr', 'fr'),
  de: load('de', 'de'),
  'pt-BR': load('pt-br', 'ptBR'),
  ar: load('ar', 'ar'),
  he: load('he', 'he'),
  ja: load('ja', 'ja'),
};
