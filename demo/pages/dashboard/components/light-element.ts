import { LitElement } from 'lit';

/**
 * A Lit element that renders into the light DOM, so the page's two stylesheets (dashboard.css and
 * uPlot's, both same-origin files allowed by the CSP) style everything, uPlot's canvas included.
 */
export class LightElement extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    // Drop server-rendered placeholder content ("Loading…") before the first render.
    this.replaceChildren();
    return this;
  }
}
