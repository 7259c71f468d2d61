import { html, nothing, unsafeCSS } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ProvidedLit } from './script-tag-lit.js';
import type { KioskModule } from './types.js';

// Used instead of load.ts in dist/storevoice.iife.js (see rollup.config.mjs), like the languages in
// src/i18n/loaders-script.ts: a classic script cannot be code-split, but it can import() a module.
// kiosk.js is resolved against the bundle's own URL (captured now: document.currentScript is only
// set while the script first runs). A same-origin module import needs no inline script or eval,
// so a strict CSP's `script-src 'self'` covers it.
const base = (typeof document !== 'undefined' && (document.currentScript as HTMLScriptElement | null)?.src) || undefined;

export const loadKiosk = async (): Promise<KioskModule> => {
  const kiosk = (await import(/* webpackIgnore: true */ new URL('kiosk.js', base ?? document.baseURI).href)) as KioskModule & { provideLit(lit: ProvidedLit): void };
  // kiosk.js has no Lit of its own: it renders with this bundle's (one Trusted Types policy).
  kiosk.provideLit({ html, nothing, unsafeCSS, live });
  return kiosk;
};
