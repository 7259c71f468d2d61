import { html, nothing } from 'lit';
import type { RootCause } from '../../../../server/settings/schema.js';
import { fetchSettings, saveSettings } from '../../api/cases.js';
import { ApiFailure } from '../../api/http.js';
import type { Session } from '../../api/session.js';
import { LightElement } from '../../components/light-element.js';
import { LocaleController } from '../../i18n/localizer.js';
import { inboxWords as w } from './texts.js';

/**
 * The brand's root causes, for corporate to edit (`PUT /v1/settings`): one per line, `id: label`.
 * Resolved cases keep their id, so renaming a label is safe; the collector names a bad line.
 * @summary Root-cause list editor (corporate).
 */
export class SvRootCauses extends LightElement {
  static override properties = { session: { attribute: false }, text: { state: true }, notice: { state: true }, open: { state: true } };
  declare session: Session | undefined;
  declare text: string;
  declare notice: { tone: 'error' | 'info'; text: string } | undefined;
  declare open: boolean;
  readonly #i18n = new LocaleController(this);

  constructor() {
    super();
    this.text = '';
    this.open = false;
  }

  async #load(): Promise<void> {
    const { settings } = await fetchSettings();
    this.text = settings.cases.rootCauses.map((c) => `${c.id}: ${c.label}`).join('\n');
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.session) return;
    const { pick } = this.#i18n;
    const rootCauses: RootCause[] = this.text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const at = line.indexOf(':');
        return at < 0 ? { id: line, label: line } : { id: line.slice(0, at).trim(), label: line.slice(at + 1).trim() };
      });
    try {
      // The whole document: fetch the current one so the other sections stay as they are.
      const { settings } = await fetchSettings();
      await saveSettings(this.session, { ...settings, cases: { ...settings.cases, rootCauses } });
      this.notice = { tone: 'info', text: pick(w.saved) };
    } catch (error) {
      this.notice = { tone: 'error', text: pick(w.failed)(error instanceof ApiFailure ? error.message : String(error)) };
    }
  }

  override render() {
    const { pick } = this.#i18n;
    return html`<details class="root-causes" @toggle=${(e: Event) => {
      this.open = (e.target as HTMLDetailsElement).open;
      if (this.open && !this.text) void this.#load();
    }}>
      <summary>${pick(w.rootCauses)}</summary>
      <form class="case-form" @submit=${(e: SubmitEvent) => void this.#save(e)}>
        <label for="root-causes">${pick(w.rootCausesHelp)}</label>
        <textarea id="root-causes" rows="9" .value=${this.text} @input=${(e: Event) => (this.text = (e.target as HTMLTextAreaElement).value)}></textarea>
        <button type="submit">${pick(w.save)}</button>
        ${this.notice ? html`<p class=${`notice ${this.notice.tone}`} role=${this.notice.tone === 'error' ? 'alert' : 'status'}>${this.notice.text}</p>` : nothing}
      </form>
    </details>`;
  }
}
