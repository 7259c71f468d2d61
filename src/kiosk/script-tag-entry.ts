/**
 * The entry of the script tag's `dist/kiosk.js`: kiosk mode plus the hook through which the bundle
 * lends it Lit (see script-tag-lit.ts). The npm build's kiosk chunk imports Lit like everything else.
 */
export * from './index.js';
export { provideLit } from './script-tag-lit.js';
