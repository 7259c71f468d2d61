import { LitElement, css, html } from 'lit';
import { componentStyles } from '../../../src/styles/component.styles.js';
import { tokens } from '../../../src/styles/tokens.js';

/** A colour as sRGB channels 0–255 (alpha is not part of any token). */
export type Rgb = readonly [number, number, number];

/**
 * Test-only element: adopts the shared `tokens` and reset like every widget component, renders a
 * few controls, and reads back the private `--_*` variables as the browser resolved them. Not part
 * of the product.
 */
export class ThemeProbe extends LitElement {
  static override styles = [
    tokens,
    componentStyles,
    css`
      button {
        display: inline-flex;
        min-height: var(--_target);
      }
      .flex {
        display: flex;
      }
    `,
  ];

  /** The computed colour of `var(name)` as sRGB; throws if the browser does not answer in rgb(). */
  rgb(name: `--_${string}`): Rgb {
    const swatch = this.shadowRoot!.querySelector<HTMLElement>('#swatch')!;
    swatch.style.color = `var(${name})`;
    const computed = getComputedStyle(swatch).color;
    const match = /^rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)$/.exec(computed);
    if (!match) throw new Error(`${name} resolved to ${computed}, not an rgb() colour`);
    if (match[4] !== undefined && match[4] !== '1') throw new Error(`${name} is translucent (${computed})`);
    return [Number(match[1]), Number(match[2]), Number(match[3])];
  }

  /** The resolved value of a custom property on the host, e.g. `--_target`. */
  variable(name: `--_${string}`): string {
    return getComputedStyle(this).getPropertyValue(name).trim();
  }

  /** Computed style of an element in the shadow root. */
  styleOf(selector: string): CSSStyleDeclaration {
    return getComputedStyle(this.shadowRoot!.querySelector(selector)!);
  }

  override render() {
    return html`<p id="text">Text <a href="#x">link</a></p>
      <span id="swatch">swatch</span>
      <button id="button" type="button">Send</button>
      <input id="input" aria-label="Name" />
      <span id="hidden-label" class="visually-hidden">Hidden label</span>
      <div id="hidden" class="flex" hidden>Hidden</div>`;
  }
}
if (!customElements.get('test-theme-probe')) customElements.define('test-theme-probe', ThemeProbe);

/** Mounts a probe with the given attributes (e.g. `{ theme: 'dark' }`) and waits for its first render. */
export async function mountProbe(attributes: Record<string, string> = {}, style = ''): Promise<ThemeProbe> {
  const probe = document.createElement('test-theme-probe') as ThemeProbe;
  for (const [name, value] of Object.entries(attributes)) probe.setAttribute(name, value);
  if (style) probe.setAttribute('style', style);
  document.body.append(probe);
  await probe.updateComplete;
  return probe;
}

/** WCAG 2.x relative luminance of an sRGB colour. */
export function luminance([r, g, b]: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2.x contrast ratio, 1–21, independent of argument order. */
export function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
