import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Formatter } from '../format/formatter.js';
import { CATALOGS, formatLocale, type DashboardLocale, type PerLocale } from './locales.js';
import type { Messages } from './messages.js';

/**
 * The dashboard's current language: its messages, its formatter (in the browser's regional
 * variant of that language, see {@link formatLocale}), and `<html lang dir>`. One per
 * page; elements follow it through a {@link LocaleController}, so switching language re-renders
 * every element that shows text, and nothing has to pass the language down by hand.
 */
class Localizer {
  #locale: DashboardLocale = 'en';
  #format = new Formatter('en');
  readonly #listeners = new Set<() => void>();

  get locale(): DashboardLocale {
    return this.#locale;
  }

  get messages(): Messages {
    return CATALOGS[this.#locale];
  }

  get format(): Formatter {
    return this.#format;
  }

  /** Switches the language (and the direction of the page), then re-renders every subscriber. */
  set(locale: DashboardLocale): void {
    if (typeof document !== 'undefined') {
      document.documentElement.lang = locale;
      document.documentElement.dir = CATALOGS[locale].dir;
    }
    if (locale === this.#locale && this.#format.locale === this.#formatLocale(locale)) return;
    this.#locale = locale;
    this.#format = new Formatter(this.#formatLocale(locale));
    for (const listener of this.#listeners) listener();
  }

  #formatLocale(locale: DashboardLocale): string {
    return formatLocale(locale, typeof navigator === 'undefined' ? [] : navigator.languages);
  }

  /** Calls `listener` after every switch; returns the function that stops it. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

export const localizer = new Localizer();

/**
 * Gives an element the current messages (`m`), formatter (`f`) and locale, and re-renders it
 * when the language changes.
 * @example
 * readonly #i18n = new LocaleController(this);
 * render() { const { m } = this.#i18n; return html`<h2>${m.trend.heading}</h2>`; }
 */
export class LocaleController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #unsubscribe: (() => void) | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  get m(): Messages {
    return localizer.messages;
  }

  get f(): Formatter {
    return localizer.format;
  }

  get locale(): DashboardLocale {
    return localizer.locale;
  }

  /** This locale's entry of a view's own table of texts. */
  pick<T>(table: PerLocale<T>): T {
    return table[localizer.locale];
  }

  hostConnected(): void {
    this.#unsubscribe = localizer.subscribe(() => this.#host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
