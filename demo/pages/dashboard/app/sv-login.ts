import { html, nothing } from 'lit';
import { ApiFailure } from '../api/http.js';
import { login, type Session } from '../api/session.js';
import { LightElement } from '../components/light-element.js';
import { LocaleController } from '../i18n/localizer.js';

declare global {
  interface HTMLElementEventMap {
    'sv-logged-in': CustomEvent<Session>;
  }
}

/**
 * The login form, in the dashboard's current language.
 * @event sv-logged-in - detail: the new {@link Session}
 * @summary Login form.
 */
export class SvLogin extends LightElement {
  static override properties = { notice: {}, error: { state: true }, busy: { state: true } };
  /** Shown above the form, e.g. why the user is back here ("Your session has ended"). */
  declare notice: string;
  declare error: string;
  declare busy: boolean;
  readonly #i18n = new LocaleController(this);

  constructor() {
    super();
    this.notice = '';
    this.error = '';
    this.busy = false;
  }

  async #handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { m } = this.#i18n;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    this.busy = true;
    this.error = '';
    try {
      const session = await login(String(data.get('email') ?? ''), String(data.get('password') ?? ''));
      this.dispatchEvent(new CustomEvent('sv-logged-in', { detail: session, bubbles: true }));
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 401) this.error = m.login.wrongCredentials;
      else if (error instanceof ApiFailure && error.status === 429) this.error = m.login.tooManyAttempts(error.retryAfter ?? 60);
      else if (error instanceof ApiFailure && error.kind === 'http') this.error = error.message;
      else this.error = m.login.unreachable;
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const { m } = this.#i18n;
    return html`<div class="login">
      <h1>${m.login.heading}</h1>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      <form @submit=${this.#handleSubmit} aria-describedby="login-error">
        <label for="email">${m.login.email}</label>
        <input id="email" name="email" type="email" autocomplete="username" required />
        <label for="password">${m.login.password}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <button type="submit" ?disabled=${this.busy}>${m.login.submit}</button>
        <p id="login-error" class="error" role="alert">${this.error}</p>
      </form>
    </div>`;
  }
}

