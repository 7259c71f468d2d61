/**
 * Kiosk mode, loaded on demand by `<storevoice-widget mode="kiosk">` (src/kiosk/load.ts): a chunk
 * of the ESM build, and `kiosk.js` beside the script tag. It defines no element and no global.
 */
import { adoptStyles, unsafeCSS, type LitElement } from 'lit';
import { adminCss } from './admin/admin.css.js';
import { KioskController } from './kiosk-controller.js';
import { kioskCss as loopCss } from './kiosk.styles.js';
import type { KioskControllers, KioskElement, KioskMode } from './types.js';

/** The customer loop's styles and the admin screen's, as one CSS text. */
const kioskCss = loopCss + adminCss;

/**
 * Adds the kiosk's styles to the element's shadow root and attaches kiosk mode's controllers to the
 * element; they drive the element's survey flow, and the element renders through the returned
 * object. The styles are adopted here rather than in the element's `static styles`: pages without
 * a kiosk never download them.
 */
export function createKiosk(element: KioskElement, controllers: KioskControllers): KioskMode {
  adoptStyles(element.renderRoot as ShadowRoot, [...(element.constructor as typeof LitElement).elementStyles, unsafeCSS(kioskCss)]);
  return new KioskController(element, controllers);
}
