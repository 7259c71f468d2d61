import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { validLocale } from '../../sdk/internal/locale.js';
import type { LocalizedText } from '../../sdk/schema/primitives.js';
import { localize } from '../../sdk/survey/localize.js';
import { en } from '../i18n/en.js';
import { loadMessages, messagesFor, resolveLocale, type LocaleCode } from '../i18n/locales.js';
import type { Messages } from '../i18n/messages.js';

/** What the controller reads from its element. */
export interface LocaleHost extends ReactiveControllerHost {
  /** A language tag, or `auto` to follow the browser. */
  readonly locale: string;
}

/**
 * The widget's language: which catalog is on screen, which tag survey texts are looked up with,
 * and which one a submission records. A requested catalog loads on demand; the one on screen stays
 * until it has arrived, so the widget never flashes keys or half-translated screens. Kiosk mode
 * lets each customer pick a language for the length of their visit ({@link choose}).
 *
 * @example
 * class Survey extends LitElement {
 *   locale = 'fr-CA';
 *   readonly #locale = new LocaleController(this);
 *   render() { return html`<p lang=${this.#locale.code}>${this.#locale.messages.thanks}</p>`; }
 * }
 */
export class LocaleController implements ReactiveController {
  readonly #host: LocaleHost;
  /** The catalog on screen: the requested one once loaded (English until then, or the previous one). */
  #shown: LocaleCode = 'en';
  /** Kiosk: the language this customer picked on the attract screen; cleared between customers. */
  #choice: string | undefined;
  /** The tag last asked for: a new one starts loading its catalog. */
  #asked: string | undefined;

  constructor(host: LocaleHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The catalog on screen. */
  get code(): LocaleCode {
    return this.#shown;
  }

  /** The messages on screen. */
  get messages(): Messages {
    return messagesFor(this.#shown) ?? en;
  }

  /** Whether the requested language is on screen (its catalog may still be loading). */
  get ready(): boolean {
    return resolveLocale(this.#active) === this.#shown;
  }

  /**
   * The shopper's language tag as asked for, or the browser's under `auto`; `undefined` when it is
   * not a valid tag. Survey texts are looked up with it, so an `it` or `en-GB` text in a survey is
   * found even without a UI catalog for it.
   */
  get requested(): string | undefined {
    return validLocale(this.#explicit ?? globalThis.navigator?.language);
  }

  /** The tag a submission records: the shopper's own (`en-GB`, not the catalog `en`); `undefined` under `auto`, which leaves it to the SDK. */
  get recorded(): string | undefined {
    return this.#explicit && this.requested;
  }

  /** A survey text in the shopper's language. */
  text(value: LocalizedText | undefined): string {
    return localize(value, this.requested ?? this.#shown);
  }

  /** A kiosk customer's language for this visit; `undefined` goes back to the element's `locale`. */
  choose(tag: string | undefined): void {
    this.#choice = tag;
    this.#host.requestUpdate();
  }

  /** Loads the requested catalog, then shows it; resolves once it is on screen (or could not load). */
  async load(): Promise<void> {
    const code = resolveLocale(this.#active);
    await loadMessages(code);
    if (resolveLocale(this.#active) === code && messagesFor(code)) {
      this.#shown = code;
      this.#host.requestUpdate();
    }
  }

  hostUpdate(): void {
    const active = this.#active;
    if (active === this.#asked) return;
    this.#asked = active;
    if (!this.ready) void this.load();
  }

  /** The `locale` attribute, unless a kiosk customer picked another language. */
  get #active(): string {
    return this.#choice ?? this.#host.locale;
  }

  /** The language tag asked for, as written (`pt_BR` → `pt-BR`); `undefined` under `auto`. */
  get #explicit(): string | undefined {
    const active = this.#active;
    return active && active.toLowerCase() !== 'auto' ? active.replace(/_/g, '-') : undefined;
  }
}
