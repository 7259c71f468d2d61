import type { LocaleCode } from './locales.js';
import type { Messages } from './messages.js';

/**
 * How each non-English catalog is loaded: a dynamic import, which bundlers (and rollup's ESM
 * build) split into its own chunk. The script-tag build swaps this module for
 * `loaders-script.ts`, which imports the prebuilt `locales/<code>.js` beside the bundle.
 */
const loaders: Record<Exclude<LocaleCode, 'en'>, () => Promise<Messages>> = {
  es: () => import('./es.js').then((m) => m.es),
  fr: () => import('./fr.js').then((m) => m.fr),
  de: () => import('./de.js').then((m) => m.de),
  'pt-BR': () => import('./pt-br.js').then((m) => m.ptBR),
  ar: () => import('./ar.js').then((m) => m.ar),
  he: () => import('./he.js').then((m) => m.he),
  ja: () => import('./ja.js').then((m) => m.ja),
};

export const loadCatalog = (code: Exclude<LocaleCode, 'en'>): Promise<Messages> => loaders[code]();
