import { html, nothing } from 'lit';
import type { CommentItem, KudosItem } from '../../../server/stats/types.js';
import type { Directory } from '../api/directory.js';
import type { SurveyLabels } from '../format/survey-labels.js';
import { LocaleController } from '../i18n/localizer.js';
import type { Messages } from '../i18n/messages.js';
import { LightElement } from './light-element.js';

/** Employee pulse comments are dated by day only (the anonymity rule): no time to show. */
const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** What a score means: an NPS band, or the band of the lowest 1–5 rating (the comments filter's `score`). */
function bandOf(item: CommentItem | KudosItem): keyof Messages['comments']['bands'] | undefined {
  if (item.nps !== null) return item.nps <= 6 ? 'detractor' : item.nps <= 8 ? 'passive' : 'promoter';
  if (item.minScore !== null) return item.minScore <= 2 ? 'low' : item.minScore === 3 ? 'mid' : 'high';
  return undefined;
}

/**
 * Comments or kudos, newest first, each with its score and what it means, the submission's other
 * answers (when the survey texts are given), its store, the staff it names and the time in the
 * store's own time zone. Text is interpolated by Lit as text (never as HTML), so whatever a
 * customer typed is shown, not run.
 * @summary A list of feedback with text.
 */
export class SvComments extends LightElement {
  static override properties = { items: { attribute: false }, directory: { attribute: false }, labels: { attribute: false }, empty: {} };
  declare items: ReadonlyArray<CommentItem | KudosItem>;
  /** Store names and time zones; the API's store name (and zone) wins when it has one. */
  declare directory: Directory | undefined;
  /** The surveys' texts, to show each comment's other answers; without them, they are left out. */
  declare labels: SurveyLabels | undefined;
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
        const meaning = bandOf(item);
        const names = item.staff.map((s) => s.name ?? this.directory?.staffName(s.id) ?? s.id);
        const staff = names.length > 0 ? ('channel' in item ? m.comments.staff(f.list(names)) : m.comments.forStaff(f.list(names))) : undefined;
        const zone = 'timeZone' in item ? item.timeZone : (this.directory?.timeZoneOf(item.storeId) ?? 'UTC');
        const answers = 'answers' in item && this.labels ? item.answers.map((a) => this.labels?.answer(item.surveyId, a, m, f) ?? '') : [];
        return html`<li>
          <blockquote>${item.text}</blockquote>
          ${answers.length > 0 ? html`<ul class="answers">${answers.map((a) => html`<li>${a}</li>`)}</ul>` : nothing}
          <p class="meta">
            ${score ? html`<span class="score ${meaning ? `band-${meaning}` : ''}">${score}${meaning ? html` · ${m.comments.bands[meaning]}` : nothing}</span>` : nothing}
            <time datetime=${item.createdAt}>${DAY_ONLY.test(item.createdAt) ? f.day(item.createdAt) : f.dateTime(item.createdAt, zone)}</time>
            ${store ? html`<bdi class="store">${store}</bdi>` : nothing}
            ${staff ? html`<bdi class="staff">${staff}</bdi>` : nothing}
          </p>
        </li>`;
      })}
    </ul>`;
  }
}
