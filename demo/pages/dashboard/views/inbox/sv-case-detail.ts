import { Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import type { CaseDetail } from '../../../../server/cases/types.js';
import type { RootCause } from '../../../../server/settings/schema.js';
import { changeCase, fetchCase, fetchSettings, type CaseChange } from '../../api/cases.js';
import { ApiFailure } from '../../api/http.js';
import type { Session } from '../../api/session.js';
import { onLiveEvents } from '../../app/live.js';
import { LightElement } from '../../components/light-element.js';
import { renderTaskState, reportSessionEnd } from '../../components/view-state.js';
import { LocaleController } from '../../i18n/localizer.js';
import { noteDetail } from './history-entry.js';
import { inboxWords as w } from './texts.js';

/**
 * One case, whole: every answer with its question, the staff member, store-local times, the
 * consented contact (links record a contact attempt), the history, and the manager's actions —
 * take, note, reassign, resolve with a root cause, reopen. Drafts survive a conflict (409): the
 * case is reloaded and what was typed stays in its field.
 * @summary A case and what a manager can do with it.
 */
export class SvCaseDetail extends LightElement {
  static override properties = {
    caseId: { attribute: false },
    session: { attribute: false },
    backHref: { attribute: false },
    notice: { state: true },
    busy: { state: true },
  };
  declare caseId: string | undefined;
  declare session: Session | undefined;
  declare backHref: string;
  declare notice: { tone: 'error' | 'info'; text: string } | undefined;
  declare busy: boolean;
  readonly #i18n = new LocaleController(this);
  #reloads = 0;
  #unsubscribe: (() => void) | undefined;
  #drafts = { note: '', resolution: '', rootCause: '', assignee: '' };

  readonly #case = new Task(this, {
    task: ([id], { signal }) => fetchCase(id ?? '', signal),
    args: () => [this.caseId, this.#reloads] as const,
    onError: reportSessionEnd(this),
  });
  readonly #rootCauses = new Task(this, { task: async (_args, { signal }) => (await fetchSettings(signal)).settings.cases.rootCauses, args: () => [] as const });

  constructor() {
    super();
    this.backHref = '#/inbox';
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unsubscribe = onLiveEvents(['case'], () => this.#reload());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
  }

  #reload(): void {
    this.#reloads++;
    void this.#case.run();
  }

  async #change(detail: CaseDetail, change: Omit<CaseChange, 'version'>, clear: Array<keyof SvCaseDetail['drafts']> = []): Promise<void> {
    if (!this.session) return;
    const { pick } = this.#i18n;
    this.busy = true;
    this.notice = undefined;
    try {
      await changeCase(this.session, detail.id, { version: detail.version, ...change });
      for (const field of clear) this.#drafts[field] = '';
      this.notice = { tone: 'info', text: pick(w.saved) };
      this.#reload();
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 409) {
        this.notice = { tone: 'error', text: pick(w.conflict) };
        this.#reload();
      } else {
        this.notice = { tone: 'error', text: pick(w.failed)(error instanceof Error ? error.message : String(error)) };
      }
    } finally {
      this.busy = false;
    }
  }

  get drafts() {
    return this.#drafts;
  }

  #recordAttempt(detail: CaseDetail): void {
    const method = detail.contact?.kind === 'phone' ? 'phone' : detail.contact?.kind === 'email' ? 'email' : 'other';
    // The link opens the mail or phone app; the attempt is recorded alongside.
    void this.#change(detail, { contactAttempt: { method } });
  }

  #draftInput(field: keyof SvCaseDetail['drafts']) {
    return (event: Event) => (this.#drafts[field] = (event.target as HTMLInputElement).value);
  }

  #renderCase(c: CaseDetail, rootCauses: readonly RootCause[]) {
    const { f, pick } = this.#i18n;
    const me = this.session?.user.id;
    const at = (iso: string) => f.dateTime(iso, c.timeZone ?? 'UTC');
    return html`<article class="case-detail" aria-labelledby="case-heading">
      <p><a class="button" href=${this.backHref}>${pick(w.close)}</a></p>
      <h2 id="case-heading">${pick(w.reasons[c.reason])} — <bdi>${c.storeName ?? c.storeId ?? ''}</bdi></h2>
      <p class="badges">
        <span class="badge status-${c.status}">${pick(w.statuses[c.status])}</span>
        ${c.overdue ? html`<span class="badge overdue">${pick(w.overdue)}</span>` : nothing}
        ${c.escalated ? html`<span class="badge escalated">${pick(w.escalated)}</span>` : nothing}
      </p>
      <dl class="case-facts">
        <dt>${pick(w.given)}</dt><dd>${at(c.submittedAt)}</dd>
        <dt>${pick(w.due)}</dt><dd>${at(c.dueAt)}</dd>
        <dt>${pick(w.assignee)}</dt><dd>${c.assignee ? html`<bdi>${c.assignee.name}</bdi>` : pick(w.nobody)}</dd>
        ${c.staff.length ? html`<dt>${pick(w.staff)}</dt><dd>${c.staff.map((s) => s.name ?? s.id).join(', ')}</dd>` : c.staffWithheld ? html`<dt>${pick(w.staff)}</dt><dd>${pick(w.staffWithheld)}</dd>` : nothing}
        ${c.contact
          ? html`<dt>${pick(w.contact)}</dt>
              <dd>
                ${c.contact.erased || c.contact.value === null
                  ? pick(w.erased)
                  : c.contact.href
                    ? html`<a class="contact-link" href=${c.contact.href} @click=${() => this.#recordAttempt(c)}><bdi>${c.contact.value}</bdi></a>`
                    : html`<bdi>${c.contact.value}</bdi>`}
                <small>${pick(w.contactNote)}</small>
              </dd>`
          : nothing}
      </dl>
      <h3>${pick(w.answers)}</h3>
      <dl class="case-answers">${c.answers.map((a) => html`<dt>${a.prompt}</dt><dd>${a.display}</dd>`)}</dl>
      ${this.notice ? html`<p class=${`notice ${this.notice.tone}`} role=${this.notice.tone === 'error' ? 'alert' : 'status'}>${this.notice.text}</p>` : html`<p role="status" class="notice"></p>`}
      <div class="case-actions">
        ${c.status !== 'resolved' && (c.status === 'open' || c.assignee?.id !== me)
          ? html`<button type="button" ?disabled=${this.busy} @click=${() => void this.#change(c, { status: 'in_progress', ...(me !== undefined && { assigneeId: me }) })}>${pick(w.take)}</button>`
          : nothing}
        ${c.status === 'resolved' ? html`<button type="button" ?disabled=${this.busy} @click=${() => void this.#change(c, { status: 'open' })}>${pick(w.reopen)}</button>` : nothing}
        <form class="case-form" @submit=${(e: Event) => {
          e.preventDefault();
          if (this.#drafts.note.trim()) void this.#change(c, { note: this.#drafts.note }, ['note']);
        }}>
          <label for="case-note">${pick(w.note)}</label>
          <textarea id="case-note" maxlength="5000" .value=${this.#drafts.note} @input=${this.#draftInput('note')}></textarea>
          <button type="submit" ?disabled=${this.busy}>${pick(w.addNote)}</button>
        </form>
        ${c.assignable.length
          ? html`<form class="case-form" @submit=${(e: Event) => {
              e.preventDefault();
              if (this.#drafts.assignee) void this.#change(c, { assigneeId: Number(this.#drafts.assignee) }, ['assignee']);
            }}>
              <label for="case-assignee">${pick(w.reassign)}</label>
              <select id="case-assignee" .value=${this.#drafts.assignee} @change=${this.#draftInput('assignee')}>
                <option value="">—</option>
                ${c.assignable.map((u) => html`<option value=${String(u.id)} ?selected=${String(u.id) === this.#drafts.assignee}>${u.name}</option>`)}
              </select>
              <button type="submit" ?disabled=${this.busy}>${pick(w.reassignButton)}</button>
            </form>`
          : nothing}
        ${c.status !== 'resolved'
          ? html`<form class="case-form" @submit=${(e: Event) => {
              e.preventDefault();
              void this.#change(c, { status: 'resolved', rootCause: this.#drafts.rootCause, resolutionNote: this.#drafts.resolution }, ['resolution', 'rootCause']);
            }}>
              <label for="case-cause">${pick(w.rootCause)}</label>
              <select id="case-cause" required .value=${this.#drafts.rootCause} @change=${this.#draftInput('rootCause')}>
                <option value="">—</option>
                ${rootCauses.map((r) => html`<option value=${r.id} ?selected=${r.id === this.#drafts.rootCause}>${r.label}</option>`)}
              </select>
              <label for="case-resolution">${pick(w.resolution)}</label>
              <textarea id="case-resolution" required maxlength="5000" .value=${this.#drafts.resolution} @input=${this.#draftInput('resolution')}></textarea>
              <button type="submit" ?disabled=${this.busy}>${pick(w.resolve)}</button>
            </form>`
          : html`<p>${pick(w.rootCause)}: ${c.rootCause?.label ?? '—'} — <bdi>${c.resolutionNote ?? ''}</bdi></p>`}
      </div>
      <h3>${pick(w.history)}</h3>
      <ol class="case-history">
        ${c.notes.map((n) => {
          const detail = noteDetail(n, rootCauses, pick);
          return html`<li><span class="when">${at(n.createdAt)}</span> <bdi>${n.author?.name ?? 'StoreVoice'}</bdi>: ${pick(w.noteKinds[n.kind])}${detail ? html` — <bdi>${detail}</bdi>` : nothing}${n.text ? html` — <bdi>${n.text}</bdi>` : nothing}</li>`;
        })}
      </ol>
    </article>`;
  }

  override render() {
    if (!this.caseId) return nothing;
    const { m } = this.#i18n;
    const shown = this.#case.value;
    // A reload (after a change, or a live event about this case) keeps the case on screen, the
    // same template so the same elements: swapping in a loading state would drop the focus and
    // every keystroke of a manager typing a note meanwhile.
    if (this.#case.status === TaskStatus.PENDING && shown?.id === this.caseId) return this.#renderCase(shown, this.#rootCauses.value ?? []);
    return renderTaskState(this.#case, { m, place: '', complete: (c) => this.#renderCase(c, this.#rootCauses.value ?? []) });
  }
}
