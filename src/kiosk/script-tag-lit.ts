import type { adoptStyles as AdoptStyles, html as Html, nothing as Nothing, unsafeCSS as UnsafeCSS } from 'lit';
import type { keyed as Keyed } from 'lit/directives/keyed.js';
import type { live as Live } from '../internal/live.js';

/**
 * Stands in for Lit inside the script tag's `dist/kiosk.js` (rollup.config.mjs points `lit`,
 * `lit/html.js`, `lit/directives/keyed.js` and src/internal/live.ts here). The kiosk then renders
 * with the bundle's own Lit, handed over by `load-script.ts` before anything renders. A second copy of lit-html would
 * register a second `lit-html` Trusted Types policy, which a page enforcing
 * `trusted-types lit-html` refuses, so kiosk mode would not start there; it would also weigh 3.5 KB.
 */
export let html: typeof Html;
export let nothing: typeof Nothing;
export let unsafeCSS: typeof UnsafeCSS;
export let adoptStyles: typeof AdoptStyles;
export let live: typeof Live;
export let keyed: typeof Keyed;

/** The bundle's Lit, for the kiosk's templates (ES module live bindings update every importer). */
export interface ProvidedLit {
  html: typeof Html;
  nothing: typeof Nothing;
  unsafeCSS: typeof UnsafeCSS;
  adoptStyles: typeof AdoptStyles;
  live: typeof Live;
  keyed: typeof Keyed;
}

export function provideLit(lit: ProvidedLit): void {
  ({ html, nothing, unsafeCSS, adoptStyles, live, keyed } = lit);
}
