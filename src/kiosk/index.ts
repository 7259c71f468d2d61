/**
 * Kiosk mode, loaded on demand by `<storevoice-widget mode="kiosk">` (src/kiosk/load.ts): a chunk
 * of the ESM build, and `kiosk.js` beside the script tag. It defines no element and no global.
 */
import { adminCss } from './admin/admin.css.js';
import { KioskController } from './kiosk-controller.js';
import { kioskCss as loopCss } from './kiosk.styles.js';
import type { KioskBridge, KioskElement, KioskMode } from './types.js';

/** The customer loop's styles and the admin screen's, as one CSS text for the element to adopt. */
export const kioskCss = loopCss + adminCss;

/** Attaches kiosk mode's controllers to the element; the element renders through the returned object. */
export function createKiosk(element: KioskElement, bridge: KioskBridge): KioskMode {
  return new KioskController(element, bridge);
}
