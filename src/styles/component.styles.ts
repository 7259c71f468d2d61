import { css } from 'lit';

/**
 * The shared reset every shadow root adopts after `tokens`. The widget is embedded in pages we do
 * not control, some with hostile global CSS (`* { all: unset }`, `button { display: none }`,
 * `html { font-size: 40px }`); nothing here may depend on them.
 *
 * - Sizes are px, never rem: rem follows the host page's `html { font-size }`.
 * - `all: initial` cuts every inherited property (line-height, letter-spacing, text-transform…)
 *   off from the page. It leaves custom properties alone, so `--storevoice-*` theming still
 *   inherits through it.
 * - A page rule that matches the host element itself (`* { all: unset }`, `storevoice-widget {…}`)
 *   outranks any normal `:host` declaration, so the inherited text properties are pinned again
 *   with `!important`, which in a shadow root outranks the page's. The page themes text through
 *   `--storevoice-*` only. Layout of the element (display, margin, width, position) stays the
 *   page's to decide, so it can still place or hide the widget.
 * - Global selectors of the page (`button { display: none }`) never cross the shadow boundary.
 */
export const componentStyles = css`
  :host {
    all: initial;
    display: block;
    box-sizing: border-box;
    font: var(--_font-size) / 1.5 var(--_font) !important;
    color: var(--_text) !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-align: start !important;
    text-indent: 0 !important;
    text-transform: none !important;
    text-shadow: none !important;
    white-space: normal !important;
  }

  :host([hidden]),
  [hidden] {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  /* Letter spacing needs no rule: the host pins it to normal, the controls' own default. */
  button,
  input,
  textarea,
  select {
    font: inherit;
    color: inherit;
  }

  /* Read by screen readers, invisible on screen. Nothing focusable goes inside (a status, a heading). */
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    border: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
  }

  /* 3px: WCAG 2.2 focus appearance asks for an indicator at least as thick as a 2px perimeter. */
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition: none !important;
      animation: none !important;
    }
  }
`;
