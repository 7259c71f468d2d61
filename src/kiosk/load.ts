import type { KioskModule } from './types.js';

/**
 * Loads kiosk mode on demand: a dynamic import, which bundlers (and rollup's ESM build) split
 * into its own chunk, so retailer websites never download it. The script-tag build swaps this
 * module for `load-script.ts`, which imports the prebuilt `kiosk.js` beside the bundle.
 */
export const loadKiosk = (): Promise<KioskModule> => import('./index.js');
