import { html } from 'lit';
import type { CommentItem, KudosItem } from '../../../server/stats/types.js';
import { formatDate } from '../format.js';
import { LightElement } from './light-element.js';

/**
 * Recent comments or kudos. Comment text is interpolated as text by Lit (never as HTML), so
 * whatever a customer typed is shown, not run.
 */
export class SvComments extends LightElement {
  static override properties = { comments: { attribute: false }, kudos: { attribute: false }, empty: {} };
  declare comments: CommentItem[] | undefined;
  declare kudos: KudosItem[] | undefined;
  declare empty: string;

  constructor() {
    super();
    this.empty = 'No comments in this period.';
  }

  override render() {
    const items = this.kudos ?? this.comments ?? [];
    if (items.length === 0) return html`<p>${this.empty}</p>`;
    return html`<ul class="comments">
      ${items.map(
        (item) => html`<li>
          <blockquote>${item.text}</blockquote>
          <p class="meta">
            <time datetime=${item.createdAt}>${formatDate(item.createdAt)}</time>
            ${item.storeName ?? item.storeId ? html` · ${item.storeName ?? item.storeId}` : ''}
            ${'staff' in item ? html` · for ${item.staff.map((s) => s.name ?? s.id).join(', ')}` : ''}
          </p>
        </li>`,
      )}
    </ul>`;
  }
}
