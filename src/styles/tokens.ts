import { css } from 'lit';

/**
 * The dark palette's declarations, shared by the explicit and the `auto` rule. `color-scheme` makes
 * native parts (scrollbars, autofill, form controls) dark too; both rules outrank the reset's
 * `:host { all: initial }` by specificity, so it survives.
 */
const darkPalette = css`
  color-scheme: dark;
  --_accent: var(--storevoice-dark-color-accent, #8ab4f8);
  --_on-accent: var(--storevoice-dark-color-on-accent, #0b1b33);
  --_text: var(--storevoice-dark-color-text, #e8eaed);
  --_muted: var(--storevoice-dark-color-muted, #9ea8b5);
  --_surface: var(--storevoice-dark-color-surface, #15181c);
  --_surface-alt: var(--storevoice-dark-color-surface-alt, #22272e);
  --_border: var(--storevoice-dark-color-border, #6b7585);
  --_danger: var(--storevoice-dark-color-danger, #f28b82);
  --_focus: var(--storevoice-dark-color-focus, #8ab4f8);
`;

/**
 * Design tokens. Public, themeable names are `--storevoice-*` custom properties set by the host
 * page; inside the shadow root components read private `--_*` variables resolved here once, so a
 * component never needs to know the fallback chain or the active theme.
 *
 * Custom properties inherit through the shadow boundary and are not reset by `all: initial`, so a
 * host page can set these on `storevoice-widget`, on `:root`, or on any ancestor.
 *
 * Themes: the `theme` attribute picks the palette: `light` (default), `dark`, or `auto` (follows
 * `prefers-color-scheme`). Dark colours have their own public names (`--storevoice-dark-color-*`):
 * a brand colour chosen to contrast with a white surface rarely contrasts with a dark one, so one
 * override cannot serve both themes. Every default pair below meets WCAG 2.2 AA; the ratios are
 * asserted by test/widget/styles/contrast.test.ts (light / dark):
 * text on surface 16.6 / 14.8, muted on surface 7.4 / 7.4, on-accent on accent 6.7 / 8.2,
 * danger on surface 6.5 / 7.5, accent (links, outlines) on surface 6.7 / 8.5, focus on surface
 * 6.7 / 8.5, border on surface 3.1 / 3.8.
 *
 * Public properties (name — default — purpose):
 *
 * Typography and shape
 * - `--storevoice-font` — `system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif` — font family of all widget text.
 * - `--storevoice-font-size` — `16px` — base font size; in px because the widget must not follow a host page's `html { font-size }`.
 * - `--storevoice-radius` — `12px` — corner radius of cards, buttons and inputs.
 * - `--storevoice-space` — `16px` — base spacing unit; paddings and gaps are multiples of it.
 * - `--storevoice-target-size` — `44px` — minimum size of every hit target (WCAG 2.2 asks for 24px; 44px suits touch).
 * - `--storevoice-kiosk-target-size` — `72px` — minimum hit target in `mode="kiosk"` (arm's-length touch screens).
 * - `--storevoice-kiosk-font-size` — `calc(var(--storevoice-font-size, 16px) * 1.25)` (20px) — base font size in `mode="kiosk"`.
 *
 * Light palette (`theme="light"`, no `theme`, or `theme="auto"` with a light preference)
 * - `--storevoice-color-accent` — `#0b5cad` — primary buttons, selected answers, links.
 * - `--storevoice-color-on-accent` — `#ffffff` — text and icons drawn on the accent colour.
 * - `--storevoice-color-text` — `#1b1f24` — body text.
 * - `--storevoice-color-muted` — `#4d5663` — secondary text: hints, scale labels, counters.
 * - `--storevoice-color-surface` — `#ffffff` — background of the widget.
 * - `--storevoice-color-surface-alt` — `#f1f3f6` — background of unselected options and inputs.
 * - `--storevoice-color-border` — `#8a94a3` — borders of inputs and options (3:1 on surface, WCAG 1.4.11).
 * - `--storevoice-color-danger` — `#b3261e` — validation and error messages.
 * - `--storevoice-color-focus` — `#0b5cad` — keyboard focus ring.
 *
 * Dark palette (`theme="dark"`, or `theme="auto"` with a dark preference)
 * - `--storevoice-dark-color-accent` — `#8ab4f8` — as `--storevoice-color-accent`, in the dark theme.
 * - `--storevoice-dark-color-on-accent` — `#0b1b33` — as `--storevoice-color-on-accent`, in the dark theme.
 * - `--storevoice-dark-color-text` — `#e8eaed` — as `--storevoice-color-text`, in the dark theme.
 * - `--storevoice-dark-color-muted` — `#9ea8b5` — as `--storevoice-color-muted`, in the dark theme.
 * - `--storevoice-dark-color-surface` — `#15181c` — as `--storevoice-color-surface`, in the dark theme.
 * - `--storevoice-dark-color-surface-alt` — `#22272e` — as `--storevoice-color-surface-alt`, in the dark theme.
 * - `--storevoice-dark-color-border` — `#6b7585` — as `--storevoice-color-border`, in the dark theme.
 * - `--storevoice-dark-color-danger` — `#f28b82` — as `--storevoice-color-danger`, in the dark theme.
 * - `--storevoice-dark-color-focus` — `#8ab4f8` — as `--storevoice-color-focus`, in the dark theme.
 */
export const tokens = css`
  :host {
    --_font: var(--storevoice-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--storevoice-font-size, 16px);
    --_radius: var(--storevoice-radius, 12px);
    --_space: var(--storevoice-space, 16px);
    --_accent: var(--storevoice-color-accent, #0b5cad);
    --_on-accent: var(--storevoice-color-on-accent, #ffffff);
    --_text: var(--storevoice-color-text, #1b1f24);
    --_muted: var(--storevoice-color-muted, #4d5663);
    --_surface: var(--storevoice-color-surface, #ffffff);
    --_surface-alt: var(--storevoice-color-surface-alt, #f1f3f6);
    --_border: var(--storevoice-color-border, #8a94a3);
    --_danger: var(--storevoice-color-danger, #b3261e);
    --_focus: var(--storevoice-color-focus, #0b5cad);
    /** Smallest hit target: 24px meets WCAG 2.2 target size; kiosk mode raises it (src/kiosk/kiosk.styles.ts). */
    --_target: var(--storevoice-target-size, 44px);
  }

  /* Kiosk screens are read standing: bigger text. Here rather than with the kiosk's bigger targets
     (src/kiosk/kiosk.styles.ts), so that what the element shows before kiosk.js has arrived (or if it
     cannot), "…" or "unavailable", is already at kiosk size. */
  :host([mode='kiosk']) {
    --_font-size: var(--storevoice-kiosk-font-size, calc(var(--storevoice-font-size, 16px) * 1.25));
  }

  :host([theme='dark']) {
    ${darkPalette}
  }

  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkPalette}
    }
  }
`;
