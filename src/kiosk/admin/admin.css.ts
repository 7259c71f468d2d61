/**
 * The admin screen's styles, as CSS text. A local `css` tag (plain `String.raw`), not Lit's, for
 * the same reason as src/kiosk/kiosk.styles.ts: the script tag's `kiosk.js` adopts this text with
 * the bundle's own `unsafeCSS` and must not carry a second copy of Lit's styling code. The name
 * keeps editor highlighting and the build's CSS minifier (build/minify-css.mjs) working.
 *
 * Every rule is scoped under `.sv-admin`, the dialog, because the admin screen shares the widget's
 * one shadow root with the survey. Targets are at least 64px (`--_admin-target`): the screen is
 * used standing, at arm's length, sometimes with gloves. The PIN keys are bigger still.
 */
const css = String.raw;

export const adminCss = css`
  .sv-admin {
    --_admin-target: max(64px, var(--storevoice-kiosk-target-size, 72px));
    box-sizing: border-box;
    inline-size: 100vw;
    block-size: 100dvh;
    max-inline-size: none;
    max-block-size: none;
    margin: 0;
    padding: calc(var(--_space, 16px) * 1.5);
    overflow: auto;
    border: 0;
    font: 20px / 1.5 var(--_font, system-ui, sans-serif);
    color: var(--_text, #1b1f24);
    background: var(--_surface, #fff);
    /* Staff work here; the survey's "no selection, no zoom" rules do not apply to typing ids. */
    user-select: text;
    -webkit-user-select: text;
    touch-action: manipulation;
  }
  .sv-admin::backdrop {
    background: var(--_surface, #fff);
  }
  .sv-admin .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    border: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .sv-admin .title {
    margin: 0 0 0.5em;
    font-size: 1.4em;
    font-weight: 700;
  }
  .sv-admin .hint {
    margin: 0 0 0.25em;
    font-size: 0.85em;
    color: var(--_muted, #4d5663);
  }
  .sv-admin :is(.message, .field-error) {
    margin: 0;
    color: var(--_danger, #b3261e);
    font-weight: 600;
  }
  .sv-admin .message:empty,
  .sv-admin .field-error:empty {
    display: none;
  }
  .sv-admin :is(button, input, select) {
    font: inherit;
    color: inherit;
  }
  .sv-admin :focus-visible {
    outline: 3px solid var(--_focus, #0b5cad);
    outline-offset: 2px;
  }

  /* PIN pad */
  .sv-admin .pin {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: calc(var(--_space, 16px) * 0.75);
    max-inline-size: 28em;
    margin-inline: auto;
    text-align: center;
  }
  .sv-admin .dots {
    display: flex;
    gap: 0.6em;
    min-block-size: 1.5em;
  }
  .sv-admin .dot {
    inline-size: 1em;
    block-size: 1em;
    border: 2px solid var(--_text, #1b1f24);
    border-radius: 50%;
  }
  .sv-admin .dot.filled {
    background: var(--_text, #1b1f24);
  }
  .sv-admin .keys {
    display: grid;
    grid-template-columns: repeat(3, minmax(var(--_admin-target), 6em));
    gap: 12px;
  }
  .sv-admin .key {
    min-block-size: calc(var(--_admin-target) * 1.15);
    font-size: 1.5em;
    font-weight: 600;
    border: 2px solid var(--_border, #8a94a3);
    border-radius: var(--_radius, 12px);
    background: var(--_surface-alt, #f1f3f6);
    cursor: pointer;
  }
  .sv-admin .key.secondary {
    font-size: 1em;
  }
  .sv-admin [aria-disabled='true'] {
    opacity: 0.5;
    cursor: not-allowed;
  }

  /* Buttons */
  .sv-admin .button {
    min-block-size: var(--_admin-target);
    min-inline-size: var(--_admin-target);
    padding-inline: 1.25em;
    border: 2px solid var(--_accent, #0b5cad);
    border-radius: var(--_radius, 12px);
    background: var(--_surface, #fff);
    color: var(--_accent, #0b5cad);
    font-weight: 600;
    cursor: pointer;
  }
  .sv-admin :is(.button, .key).primary {
    background: var(--_accent, #0b5cad);
    border-color: var(--_accent, #0b5cad);
    color: var(--_on-accent, #fff);
  }
  .sv-admin .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 12px;
    margin-block-start: var(--_space, 16px);
  }
  .sv-admin .pin .actions {
    justify-content: center;
  }

  /* Settings form */
  .sv-admin .settings {
    max-inline-size: 48em;
    margin-inline: auto;
  }
  .sv-admin .status {
    margin: 0 0 0.5em;
    font-weight: 600;
  }
  .sv-admin fieldset {
    margin: 0 0 var(--_space, 16px);
    padding: var(--_space, 16px);
    border: 1px solid var(--_border, #8a94a3);
    border-radius: var(--_radius, 12px);
  }
  .sv-admin legend {
    padding-inline: 0.25em;
    font-weight: 700;
  }
  .sv-admin .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    margin-block-end: 12px;
  }
  .sv-admin .field label {
    font-weight: 600;
  }
  .sv-admin :is(input:not([type='checkbox']), select) {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: var(--_admin-target);
    padding-inline: 0.6em;
    border: 2px solid var(--_border, #8a94a3);
    border-radius: var(--_radius, 12px);
    background: var(--_surface, #fff);
  }
  .sv-admin [aria-invalid='true'] {
    border-color: var(--_danger, #b3261e);
  }
  .sv-admin .check {
    display: flex;
    align-items: center;
    gap: 0.75em;
    min-block-size: var(--_admin-target);
    cursor: pointer;
  }
  .sv-admin .check input {
    flex: none;
    inline-size: 32px;
    block-size: 32px;
    margin: 0;
    accent-color: var(--_accent, #0b5cad);
  }
  .sv-admin .roster {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .sv-admin .member {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 12px;
    padding-block: 4px;
    border-block-end: 1px solid var(--_surface-alt, #f1f3f6);
  }
  .sv-admin .add {
    margin-block-start: var(--_space, 16px);
  }
  @media (forced-colors: active) {
    .sv-admin .dot.filled {
      background: CanvasText;
    }
  }
`;
