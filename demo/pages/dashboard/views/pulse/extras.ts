import type { TemplateResult } from 'lit';
import type { ViewContext } from '../view.js';

/**
 * Sections other features add to the pulse view, between the pulse link and the figures: the
 * ideas feature puts its "ideas from this team" link here. One entry per feature, pushed by its
 * own module, so the pulse view does not import features it does not own.
 * @example PULSE_EXTRAS.push({ id: 'ideas', render: (context) => html`<a href=${context.link({ view: 'ideas' })}>…</a>` });
 */
export const PULSE_EXTRAS: Array<{ readonly id: string; render(context: ViewContext): TemplateResult }> = [];
