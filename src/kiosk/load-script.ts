import { adoptStyles, html, nothing, unsafeCSS } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { besideBundle } from '../i18n/loaders-script.js';
import { live } from '../internal/live.js';
import type { ProvidedLit } from './script-tag-lit.js';
import type { KioskModule } from './types.js';

// Used instead of load.ts in dist/storevoice.iife.js (see rollup.config.mjs), like the languages in
// src/i18n/loaders-script.ts: a classic script cannot be code-split, but it can import() a module.
// kiosk.js is resolved against the bundle's own URL, as the languages are. A same-origin module
// import needs no inline script or eval, so a strict CSP's `script-src 'self'` covers it.

export const loadKiosk = async (): Promise<KioskModule> => {
  const kiosk = (await import(/* webpackIgnore: true */ besideBundle('kiosk.js'))) as KioskModule & { provideLit(lit: ProvidedLit): void };
  // kiosk.js has no Lit of its own: it renders with this bundle's (one Trusted Types policy).
  kiosk.provideLit({ html, nothing, unsafeCSS, adoptStyles, live, keyed });
  return kiosk;
};
