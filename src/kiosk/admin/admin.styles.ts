import { unsafeCSS } from 'lit';
import { adminCss } from './admin.css.js';

/**
 * Styles of the admin screen, for the host's `static styles` (after `tokens` and
 * `componentStyles`). The text lives in admin.css.ts, so that kiosk mode can adopt it without
 * Lit's `css` tag; this wraps our own static CSS (never user input).
 */
export const adminStyles = unsafeCSS(adminCss);
