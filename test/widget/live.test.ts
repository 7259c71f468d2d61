import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { live } from '../../src/internal/live.js';

/** A property that counts its writes, to see when the directive sets it. */
class Counted extends HTMLElement {
  writes = 0;
  #value: unknown;
  get value(): unknown {
    return this.#value;
  }
  set value(value: unknown) {
    this.writes++;
    this.#value = value;
  }
}
if (!customElements.get('test-live-counted')) customElements.define('test-live-counted', Counted);

describe('live() (src/internal/live.ts)', () => {
  let container: HTMLElement;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => container.remove());

  const box = (checked: boolean) => render(html`<input type="checkbox" .checked=${live(checked)} />`, container);
  const checkbox = () => container.querySelector('input')!;

  it('sets the property on the first render', () => {
    box(true);
    expect(checkbox().checked).to.equal(true);
  });

  it('sets the property back when the user changed it, though the rendered value did not change', () => {
    box(false);
    checkbox().click(); // the user checks it; the app refuses and renders false again
    expect(checkbox().checked).to.equal(true);
    box(false);
    expect(checkbox().checked).to.equal(false);
  });

  it('follows a changed value, and writes only when the element holds another one', () => {
    const field = (value: string) => render(html`<test-live-counted .value=${live(value)}></test-live-counted>`, container);
    field('a');
    const element = container.querySelector<Counted>('test-live-counted')!;
    expect([element.value, element.writes]).to.deep.equal(['a', 1]);
    field('a');
    expect(element.writes).to.equal(1);
    field('b');
    expect([element.value, element.writes]).to.deep.equal(['b', 2]);
    element.value = 'typed';
    field('b');
    expect([element.value, element.writes]).to.deep.equal(['b', 4]);
  });

  it('refuses attribute and child bindings', () => {
    expect(() => render(html`<input value=${live('x')} />`, container)).to.throw('live() is for property bindings');
    expect(() => render(html`<p>${live('x')}</p>`, container)).to.throw('live() is for property bindings');
  });
});
