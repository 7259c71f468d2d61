import { html, nothing } from 'lit';
import type { CommentItem, KudosItem } from '../../../server/stats/types.js';
import type { Directory } from '../api/directory.js';
import { LocaleController } from '../i18n/localizer.js';
import { LightElement } from './light-element.js';

/** Employee pulse comments are dated by day only (the anonymity rule): no time to show. */
const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Comments or kudos, newest first, each with its score, its store and the time in the store's
 * own time zone. Text is interpolated by Lit as text (never as HTML), so whatever a customer
 * typed is shown, not run.
 * @summary A list of feedback with text.
 */
export class SvComments extends LightElement {
  static override properties = { items: { attribute: false }, directory: { attribute: false }, empty: {} };
  declare items: ReadonlyArray<CommentItem | KudosItem>;
  /** Store names and time zones; the API's store name wins when it has one. */
  declare directory: Directory | undefined;
  /** What to say when there is nothing to list. */
  declare empty: string;
  readonly #i18n = new LocaleController(this);

  constructor() {
    super();
    this.items = [];
    this.empty = '';
  }

  override render() {
    const { m, f } = this.#i18n;
    if (this.items.length === 0) return html`<p class="state state-empty">${this.empty || m.comments.none}</p>`;
    return html`<ul class="comments">
      ${this.items.map((item) => {
        const store = item.storeName ?? (item.storeId ? (this.directory?.storeName(item.storeId) ?? item.storeId) : undefined);
        const score = item.nps !== null ? m.comments.npsScore(f.count(item.nps)) : item.minScore !== null ? m.comments.lowestRating(f.count(item.minScore)) : undefined;
        const staff = 'staff' in item && item.staff.length > 0 ? m.comments.forStaff(f.list(item.staff.map((s) => s.name ?? this.directory?.staffName(s.id) ?? s.id))) : undefined;
        return html`<li>
          <blockquote>${item.text}</blockquote>
          <p class="meta">
            ${score ? html`<span class="score">${score}</span>` : nothing}
            <time datetime=${item.createdAt}>${DAY_ONLY.test(item.createdAt) ? f.day(item.createdAt) : f.dateTime(item.createdAt, this.directory?.timeZoneOf(item.storeId) ?? 'UTC')}</time>
            ${store ? html`<bdi class="store">${store}</bdi>` : nothing}
            ${staff ? html`<bdi class="staff">${staff}</bdi>` : nothing}
          </p>
        </li>`;
      })}
    </ul>`;
  }
}
