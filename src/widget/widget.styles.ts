import { css } from 'lit';

/**
 * Layout of the widget's own chrome: launcher, dialog, card, actions and outcome messages.
 * Typography (font, line height, alignment) is inherited from the host, where componentStyles pins
 * it with `!important` against the page's rules.
 */
export const widgetStyles = css`
  .panel {
    background: var(--_surface);
    color: var(--_text);
    border-radius: var(--_radius);
    padding: var(--_space);
    position: relative;
  }
  :host(:not([mode])) .panel,
  :host([mode='inline']) .panel {
    border: 1px solid var(--_border);
  }
  .title {
    font-size: 1.25em;
    line-height: 1.3;
    margin: 0 0 calc(var(--_space) / 2);
    padding-inline-end: 48px;
  }
  .progress {
    color: var(--_muted);
    font-size: 0.875em;
    margin: 0 0 calc(var(--_space) / 2);
  }
  .question + .question {
    margin-top: var(--_space);
  }
  .error {
    color: var(--_danger);
    font-size: 0.9em;
    margin: 4px 0 0;
  }
  .actions {
    display: flex;
    justify-content: flex-end;
    gap: 8px;
    margin-top: var(--_space);
  }
  button.primary,
  button.secondary {
    min-height: var(--_target);
    min-width: var(--_target);
    padding: 0 20px;
    border-radius: calc(var(--_radius) / 1.5);
    font-weight: 600;
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
    border: 2px solid var(--_accent);
  }
  button.primary[disabled] {
    opacity: 0.7;
    cursor: progress;
  }
  button.secondary {
    background: transparent;
    color: var(--_text);
    border: 2px solid var(--_border);
  }
  .status {
    font-size: 1.1em;
    margin: var(--_space) 0 0;
  }
  .failed .reason {
    color: var(--_muted);
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }

  /* Launcher mode */
  .launcher {
    position: fixed;
    z-index: var(--storevoice-z-index, 2147483000);
    inset-block-end: var(--storevoice-launcher-offset, 20px);
    inset-inline-end: var(--storevoice-launcher-offset, 20px);
    display: inline-flex;
    align-items: center;
    gap: 8px;
    min-height: 48px;
    padding: 0 18px;
    border-radius: 999px;
    border: 2px solid var(--_on-accent);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
    /* A button's own default is centred. */
    text-align: start;
    cursor: pointer;
    box-shadow: 0 4px 16px rgb(0 0 0 / 25%);
  }
  /* position: bottom-left, top-right or top-left (the default is bottom-right). */
  :host([position$='left']) .launcher {
    inset-inline: var(--storevoice-launcher-offset, 20px) auto;
  }
  :host([position^='top']) .launcher {
    inset-block: var(--storevoice-launcher-offset, 20px) auto;
  }
  .launcher svg,
  .close svg {
    width: 20px;
    height: 20px;
  }
  .launcher svg {
    fill: currentColor;
  }
  /* Two open strokes: nothing to fill. */
  .close svg {
    stroke: currentColor;
    stroke-width: 2;
  }
  dialog {
    border: none;
    padding: 0;
    border-radius: var(--_radius);
    width: min(440px, calc(100vw - 32px));
    max-height: calc(100vh - 32px);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 12px 40px rgb(0 0 0 / 35%);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 40%);
  }
  .close {
    position: absolute;
    inset-block-start: 8px;
    inset-inline-end: 8px;
    width: var(--_target);
    height: var(--_target);
    display: grid;
    place-items: center;
    border: none;
    border-radius: 50%;
    background: transparent;
    color: var(--_text);
    cursor: pointer;
  }
  .close:hover {
    background: var(--_surface-alt);
  }
  /* componentStyles turns animations off for those who prefer reduced motion. */
  dialog[open] {
    animation: sv-rise 160ms ease-out;
  }
  @keyframes sv-rise {
    from {
      opacity: 0;
      transform: translateY(8px);
    }
  }
`;
