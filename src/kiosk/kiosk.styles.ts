/**
 * Kiosk mode's styles, as CSS text. Written with a local `css` tag (plain `String.raw`), not Lit's:
 * the script tag's `kiosk.js` must not bundle a second copy of Lit's styling code, so the element
 * wraps this text with its own `unsafeCSS` (our own static CSS, never user input). The name keeps
 * editor highlighting and the build's CSS minifier (build/minify-css.mjs) working.
 *
 * They come after the widget's own styles. Everything is scoped under `.sv-kiosk`, the full-screen
 * surface, except the sizing of targets and questions, which follows the host's `mode`.
 */
const css = String.raw;

export const kioskCss = css`
  /* Touched at arm's length: bigger targets (the public --storevoice-kiosk-* properties are
     documented in src/styles/tokens.ts, which also sets the kiosk's font size). */
  :host([mode='kiosk']) {
    --_target: var(--storevoice-kiosk-target-size, 72px);
  }
  /* Questions: never smaller than 64px, bigger if themed so; their type a size up. */
  :host([mode='kiosk']) .sv-question {
    --_target: max(64px, var(--storevoice-target-size, 64px));
    font-size: 1.25em;
  }

  /* Full screen, whatever the page around it does; one column, centred, in portrait and landscape. */
  .sv-kiosk {
    position: fixed;
    inset: 0;
    z-index: var(--storevoice-z-index, 2147483000);
    display: flex;
    flex-direction: column;
    align-items: center;
    overflow: auto;
    padding: calc(var(--_space) * 2) max(calc(var(--_space) * 2), 4vw);
    border-radius: 0;
    /* Read standing, at about 1 m: 24px at scale 1, up to twice that with text-scale. */
    font-size: calc(var(--_font-size) * 1.2 * var(--_scale, 1));
    /* A touch screen for strangers: no text selection, no double-tap zoom, no grey tap flash. */
    user-select: none;
    -webkit-user-select: none;
    -webkit-touch-callout: none;
    touch-action: manipulation;
    -webkit-tap-highlight-color: transparent;
    overscroll-behavior: contain;
  }
  .sv-kiosk :is(input, textarea) {
    user-select: text;
    -webkit-user-select: text;
  }
  .sv-kiosk .screen {
    /* Centred while it fits; when it does not (big text, a small screen in landscape), it scrolls
       from its top instead of being cut off above (justify-content: center would do that). */
    margin-block: auto;
    inline-size: min(100%, 60em);
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .sv-kiosk :is(button, [role='radio'], .option, .member, .field) {
    min-block-size: max(64px, var(--_target));
  }
  .sv-kiosk button.primary,
  .sv-kiosk button.secondary {
    padding-inline: 1.25em;
    font-size: 1em;
  }
  /* Focus rings 4px at arm's length, on a choice's card (which carries its input's ring) too. */
  .sv-kiosk :focus-visible,
  .sv-kiosk :is(.option, .member):has(:focus-visible) {
    outline: 4px solid var(--_focus);
    outline-offset: 3px;
  }
  .sv-kiosk .title {
    font-size: 1.1em;
    padding-inline-end: 0;
  }

  /* Attract screen */
  .sv-kiosk .attract {
    align-items: center;
    text-align: center;
    gap: calc(var(--_space) * 2);
  }
  .sv-kiosk .attract-title,
  .sv-kiosk .attract .prompt {
    margin: 0;
    font-size: clamp(1.6em, 5vmin, 3em);
    line-height: 1.2;
    font-weight: 700;
    text-align: center;
  }
  .sv-kiosk .attract .question {
    inline-size: 100%;
  }
  .sv-kiosk .attract .rating .group {
    justify-content: center;
    gap: var(--_space);
  }
  .sv-kiosk .attract .smiley svg {
    inline-size: clamp(72px, 14vmin, 160px);
    block-size: clamp(72px, 14vmin, 160px);
  }
  .sv-kiosk .start {
    min-inline-size: 12em;
    font-size: 1.2em;
  }
  .sv-kiosk .languages {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: calc(var(--_space) / 2);
  }
  .sv-kiosk .language {
    min-inline-size: 6em;
    padding-inline: 1em;
    border: 2px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  .sv-kiosk .language[aria-pressed='true'] {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 2px var(--_accent);
    font-weight: 700;
  }

  /* Manager help and thank-you screens */
  .sv-kiosk :is(.offer, .thanks) {
    align-items: center;
    text-align: center;
  }
  .sv-kiosk .offer-title,
  .sv-kiosk .thanks-message {
    margin: 0;
    font-size: 1.6em;
    font-weight: 700;
    line-height: 1.3;
  }
  .sv-kiosk .offer-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: var(--_space);
  }
  .sv-kiosk .manager {
    margin: 0;
    font-size: 1.2em;
  }

  /* For staff: small, in a corner, out of the customer's way. */
  .sv-kiosk .offline-indicator {
    position: absolute;
    inset-block-end: 8px;
    inset-inline-end: 8px;
    padding: 4px 10px;
    border-radius: 999px;
    font-size: 14px;
    line-height: 1.4;
    background: var(--_surface-alt);
    color: var(--_text);
    border: 1px solid var(--_border);
    pointer-events: none;
  }
  /* Staff know one corner, whatever the language: top left, also in right-to-left. Invisible to
     shoppers (no hover state either: touch has none), but its focus ring shows for keyboard and
     switch users; drawn inside, or the screen's edge would cut it off. touch-action: none keeps a
     held finger from turning into a scroll, which would cancel the press. */
  .sv-kiosk .admin-hotspot {
    position: absolute;
    top: 0;
    left: 0;
    z-index: 1;
    inline-size: 48px;
    block-size: 48px;
    touch-action: none;
  }
  .sv-kiosk .admin-hotspot:focus-visible {
    outline-offset: -4px;
  }
  /* A refused provisioning link, for the staff who opened it (English, like the admin screen). */
  .sv-kiosk .provision-error {
    position: absolute;
    inset-block-start: 8px;
    inset-inline: 56px;
    z-index: 1;
    padding: var(--_space);
    border: 3px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-size: 18px;
    text-align: start;
  }
  .sv-kiosk .provision-error :is(p, ul) {
    margin: 0 0 8px;
  }

  /* contrast="high": white on black, yellow accents (21:1 text, 19:1 accent). */
  .sv-kiosk.high-contrast {
    color-scheme: dark;
    --_accent: #ffd400;
    --_on-accent: #000000;
    --_text: #ffffff;
    --_muted: #ffffff;
    --_surface: #000000;
    --_surface-alt: #1f1f1f;
    --_border: #ffffff;
    --_danger: #ff9e9e;
    --_focus: #ffd400;
  }
  .sv-kiosk.high-contrast :is(button, [role='radio']) {
    border-width: 3px;
  }
`;
