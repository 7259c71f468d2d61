import { html } from 'lit';
import { ApiFailure, login, type Me } from '../api.js';
import { LightElement } from './light-element.js';

/**
 * The login form.
 * @event sv-logged-in - detail: {@link Me}
 */
export class SvLogin extends LightElement {
  static override properties = { error: { state: true }, busy: { state: true } };
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    this.error = '';
    this.busy = false;
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    this.busy = true;
    this.error = '';
    try {
      const me = await login(String(data.get('email') ?? ''), String(data.get('password') ?? ''));
      this.dispatchEvent(new CustomEvent<Me>('sv-logged-in', { detail: me, bubbles: true }));
    } catch (error) {
      this.error = error instanceof ApiFailure ? error.message : 'Could not reach the server.';
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<main class="login">
      <h1>StoreVoice dashboard</h1>
      <form @submit=${this.handleSubmit} aria-describedby="login-error">
        <label for="email">E-mail</label>
        <input id="email" name="email" type="email" autocomplete="username" required />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <button type="submit" ?disabled=${this.busy}>Log in</button>
        <p id="login-error" class="error" role="alert">${this.error}</p>
      </form>
    </main>`;
  }
}
