import { LitElement, html } from 'lit';
import { KioskAdminController, adminStyles, type KioskAdminOptions, type KioskSettings, type KioskStorage } from '../../../../src/kiosk/admin/index.js';
import { componentStyles } from '../../../../src/styles/component.styles.js';
import { tokens } from '../../../../src/styles/tokens.js';

/**
 * Test-only element: hosts the kiosk admin controller in a shadow root, as the widget will, and
 * records what it reports. Not part of the product (the widget defines no element but its own).
 */
export class AdminHost extends LitElement {
  static override styles = [tokens, componentStyles, adminStyles];
  admin!: KioskAdminController;
  readonly saved: KioskSettings[] = [];
  closed = 0;

  override render() {
    return html`<button id="corner" type="button" aria-label="Staff settings">⚙</button>${this.admin.render()}`;
  }
}
if (!customElements.get('test-admin-host')) customElements.define('test-admin-host', AdminHost);

/** An in-memory `Storage` look-alike, so each test starts clean (and "reload" reuses it). */
export function memoryStorage(initial: Record<string, string> = {}): KioskStorage & { readonly data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, String(value)),
    removeItem: (key) => void data.delete(key),
  };
}

export const STORAGE_KEY = 'test:kiosk';

/** Mounts a host with a controller; a second call with the same storage is a page reload. */
export async function mountAdmin(options: Partial<KioskAdminOptions> & { storage: KioskStorage }): Promise<AdminHost> {
  const host = document.createElement('test-admin-host') as AdminHost;
  host.admin = new KioskAdminController(host, {
    storageKey: STORAGE_KEY,
    iterations: 100_000,
    onSave: (settings) => host.saved.push(settings),
    onClose: () => host.closed++,
    ...options,
  });
  document.body.append(host);
  await host.updateComplete;
  return host;
}

export const root = (host: AdminHost) => host.shadowRoot as ShadowRoot;
export const dialog = (host: AdminHost) => root(host).querySelector('dialog');
export const $ = <T extends Element = HTMLElement>(host: AdminHost, selector: string) => root(host).querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(host: AdminHost, selector: string) => [...root(host).querySelectorAll<T>(selector)];

/** The PIN pad's button with this visible text ("1", "OK", "Delete", "Cancel"). */
export function key(host: AdminHost, text: string): HTMLButtonElement {
  const button = $$<HTMLButtonElement>(host, 'dialog button').find((b) => b.textContent?.trim() === text);
  if (!button) throw new Error(`no button "${text}"`);
  return button;
}

/** What the pad says (its alert line). */
export const padMessage = (host: AdminHost) => $(host, '.pin .message')?.textContent?.trim() ?? '';
export const title = (host: AdminHost) => $(host, 'dialog .title')?.textContent?.trim() ?? '';

/** Taps the digits of `pin` and OK, then waits until the pad is no longer checking it. */
export async function enterPin(host: AdminHost, pin: string): Promise<void> {
  for (const digit of pin) key(host, digit).click();
  key(host, 'OK').click();
  for (let i = 0; i < 500; i++) {
    await host.updateComplete;
    if ($(host, '.pin')?.getAttribute('aria-busy') !== 'true') return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the PIN pad never answered');
}
