/**
 * Defines a custom element once. A retailer page may include the script tag twice (a tag manager
 * and a template, say); `customElements.define` would throw the second time, so warn instead.
 * Does nothing where there is no registry (server-side rendering).
 */
export function defineOnce(name: string, element: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(name);
  if (!existing) customElements.define(name, element);
  else if (existing !== element) console.warn(`[storevoice] <${name}> is already defined by another copy of StoreVoice; keeping the first.`);
}
