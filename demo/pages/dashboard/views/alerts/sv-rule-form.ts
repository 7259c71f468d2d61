import { html, nothing } from 'lit';
import type { AlertRuleView } from '../../api/alerts.js';
import { saveRule } from '../../api/alerts.js';
import { ApiFailure } from '../../api/http.js';
import type { ViewContext } from '../view.js';
import { LightElement } from '../../components/light-element.js';
import { LocaleController } from '../../i18n/localizer.js';
import { alertsWords as w } from './texts.js';

type Kind = AlertRuleView['kind'];

/**
 * Creates or edits an alert rule: its conditions (score thresholds, the "speak to a manager"
 * tag, bursts), where it applies within the user's scope, opening-hours behaviour and an
 * optional webhook. The collector validates it; a bad field is shown next to the form, named.
 * @fires sv-rule-saved - after the collector saved it
 * @fires sv-rule-cancel
 * @summary Alert rule form.
 */
export class SvRuleForm extends LightElement {
  static override properties = { context: { attribute: false }, rule: { attribute: false }, kind: { state: true }, error: { state: true }, busy: { state: true } };
  declare context: ViewContext | undefined;
  declare rule: AlertRuleView | undefined;
  declare kind: Kind;
  declare error: string;
  declare busy: boolean;
  readonly #i18n = new LocaleController(this);

  constructor() {
    super();
    this.kind = 'score';
    this.error = '';
    this.busy = false;
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('rule') && this.rule) this.kind = this.rule.kind;
  }

  /** The places the user may write a rule for: corporate anywhere, a regional manager their region or a store of it, a store manager their store. */
  #places(): Array<{ value: string; label: string }> {
    const c = this.context;
    if (!c) return [];
    const user = c.session.user;
    const stores = c.directory.stores().map(({ id, name }) => ({ value: `store:${id}`, label: name }));
    const { pick } = this.#i18n;
    if (user.role === 'store') return stores.filter((s) => s.value === `store:${user.storeId}`);
    const regions = c.directory.regions().filter(({ id }) => user.role === 'corporate' || id === user.regionId).map(({ id, name }) => ({ value: `region:${id}`, label: name }));
    return [...(user.role === 'corporate' ? [{ value: '', label: pick(w.form.wholeBrand) }] : []), ...regions, ...stores];
  }

  #currentPlace(): string {
    const scope = this.rule?.scope;
    const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
    if (scope?.store !== undefined) return `store:${one(scope.store)}`;
    if (scope?.region !== undefined) return `region:${one(scope.region)}`;
    return this.#places()[0]?.value ?? '';
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const c = this.context;
    if (!c) return;
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const number = (name: string) => (text(name) === '' ? undefined : Number(text(name)));
    const [level, id] = text('place').split(':');
    const when: Record<string, unknown> = {};
    if (number('minScoreAtMost') !== undefined) when.minScoreAtMost = number('minScoreAtMost');
    if (number('npsAtMost') !== undefined) when.npsAtMost = number('npsAtMost');
    if (data.get('managerRequested')) when.tag = { managerRequested: true };
    const watches = this.kind === 'score' || this.kind === 'burst';
    const url = text('webhookUrl');
    const secret = text('webhookSecret');
    const rule: Record<string, unknown> = {
      kind: this.kind,
      ...(text('name') && { name: text('name') }),
      scope: level && id ? { [level]: id } : {},
      outsideHours: text('outsideHours') || 'hold',
      ...(watches && { when }),
      ...(this.kind === 'burst' && { count: number('count'), withinMinutes: number('withinMinutes') }),
      ...(url && { webhook: secret ? { url, secret } : { url } }),
      ...(!url && data.get('removeWebhook') && { webhook: null }),
      ...(this.rule && { enabled: this.rule.enabled }),
    };
    this.busy = true;
    this.error = '';
    try {
      const saved = await saveRule(c.session, this.rule?.id, rule);
      this.dispatchEvent(new CustomEvent('sv-rule-saved', { detail: saved, bubbles: true }));
    } catch (error) {
      this.error = error instanceof ApiFailure ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const { pick } = this.#i18n;
    const r = this.rule;
    const watches = this.kind === 'score' || this.kind === 'burst';
    const place = this.#currentPlace();
    return html`<form class="rule-form" @submit=${(e: SubmitEvent) => void this.#submit(e)}>
      <label for="rule-name">${pick(w.form.name)}</label>
      <input id="rule-name" name="name" maxlength="200" .value=${r?.name ?? ''} />
      <label for="rule-kind">${pick(w.form.kind)}</label>
      <select id="rule-kind" name="kind" @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value as Kind)}>
        ${(Object.keys(w.form.kinds) as Kind[]).map((k) => html`<option value=${k} ?selected=${k === this.kind}>${pick(w.form.kinds[k])}</option>`)}
      </select>
      <label for="rule-place">${pick(w.form.where)}</label>
      <select id="rule-place" name="place">${this.#places().map((p) => html`<option value=${p.value} ?selected=${p.value === place}>${p.label}</option>`)}</select>
      ${watches
        ? html`<label for="rule-min">${pick(w.form.minScore)}</label>
            <input id="rule-min" name="minScoreAtMost" type="number" min="1" max="5" .value=${String(r?.when?.minScoreAtMost ?? '')} />
            <label for="rule-nps">${pick(w.form.nps)}</label>
            <input id="rule-nps" name="npsAtMost" type="number" min="0" max="10" .value=${String(r?.when?.npsAtMost ?? '')} />
            <label class="check"><input name="managerRequested" type="checkbox" ?checked=${r?.when?.tag?.managerRequested === true} /> ${pick(w.form.managerRequested)}</label>`
        : nothing}
      ${this.kind === 'burst'
        ? html`<label for="rule-count">${pick(w.form.count)}</label>
            <input id="rule-count" name="count" type="number" min="2" max="1000" .value=${String(r?.count ?? 3)} />
            <label for="rule-within">${pick(w.form.within)}</label>
            <input id="rule-within" name="withinMinutes" type="number" min="1" max="1440" .value=${String(r?.withinMinutes ?? 30)} />`
        : nothing}
      <label for="rule-hours">${pick(w.form.outsideHours)}</label>
      <select id="rule-hours" name="outsideHours">
        ${(['hold', 'send', 'drop'] as const).map((o) => html`<option value=${o} ?selected=${o === (r?.outsideHours ?? 'hold')}>${pick(w.form.outside[o])}</option>`)}
      </select>
      <label for="rule-url">${pick(w.form.webhookUrl)}</label>
      <input id="rule-url" name="webhookUrl" type="url" placeholder=${r?.webhook?.url ?? 'https://'} />
      <label for="rule-secret">${pick(w.form.webhookSecret)}</label>
      <input id="rule-secret" name="webhookSecret" type="password" autocomplete="off" />
      ${r?.webhook ? html`<label class="check"><input name="removeWebhook" type="checkbox" /> ${pick(w.form.removeWebhook)}</label>` : nothing}
      ${this.error ? html`<p class="notice error" role="alert">${this.error}</p>` : nothing}
      <div class="form-buttons">
        <button type="submit" ?disabled=${this.busy}>${pick(w.form.save)}</button>
        <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('sv-rule-cancel', { bubbles: true }))}>${pick(w.form.cancel)}</button>
      </div>
    </form>`;
  }
}
