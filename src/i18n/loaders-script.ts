import type { LocaleCode } from './locales.js';
import type { Messages } from './messages.js';

// Used instead of loaders.ts in dist/storevoice.iife.js (see rollup.config.mjs): a classic script
// cannot be code-split, but it can import() a module. The catalogs are built to
// dist/locales/<file>.js, next to the bundle, and resolved against the bundle's own URL (captured
// now: document.currentScript is only set while the script first runs), not the page's.
const base = (typeof document !== 'undefined' && (document.currentScript as HTMLScriptElement | null)?.src) || undefined;

/** The URL of a file beside the script tag's bundle (kiosk mode's `kiosk.js` is found this way too). */
export const besideBundle = (path: string): string => new URL(path, base ?? document.baseURI).href;

/** Each catalog is `locales/<code in lower case>.js`, exporting it as the code without its hyphen (`pt-br.js` exports `ptBR`). */
export function loadCatalog(code: Exclude<LocaleCode, 'en'>): Promise<Messages> {
  return import(/* webpackIgnore: true */ besideBundle(`locales/${code.toLowerCase()}.js`)).then(
    (m: Record<string, Messages>) => m[code.replace('-', '')]!,
  );
}
