/**
 * Kiosk mode, loaded on demand by `<storevoice-widget mode="kiosk">` (src/kiosk/load.ts): a chunk
 * of the ESM build, and `kiosk.js` beside the script tag. It defines no element and no global.
 */
import { KioskController } from './kiosk-controller.js';
import type { KioskBridge, KioskElement, KioskMode } from './types.js';

export { kioskCss } from './kiosk.styles.js';

/** Attaches kiosk mode's controllers to the element; the element renders through the returned object. */
export function createKiosk(element: KioskElement, bridge: KioskBridge): KioskMode {
  return new KioskController(element, bridge);
}
