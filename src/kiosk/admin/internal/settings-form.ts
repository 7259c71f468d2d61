import { html, nothing, type TemplateResult } from 'lit/html.js';
import { localeCodes } from '../../../i18n/locales.js';
import { live } from '../../../internal/live.js';
import { adminMessages as m } from '../admin-messages.js';
import { toggle, type FieldErrors, type FieldName, type SettingsDraft } from './draft.js';

/** What the settings form needs from the controller. */
export interface SettingsFormView {
  readonly draft: SettingsDraft;
  readonly errors: FieldErrors;
  /** Announced in the form's status line: "Ana added", "PIN changed", "Not saved: …". */
  readonly status: string;
  readonly surveys: readonly string[] | undefined;
  /**
   * Applies a change. Lists take a function of the draft as it is *now*: two taps before the next
   * render must not each toggle a copy of the same stale list.
   */
  readonly onChange: (patch: Partial<SettingsDraft> | ((draft: SettingsDraft) => Partial<SettingsDraft>)) => void;
  readonly onAdd: () => void;
  readonly onRemove: (id: string) => void;
  readonly onChangePin: () => void;
  readonly onSave: () => void;
  readonly onCancel: () => void;
}

export const SETTINGS_TITLE_ID = 'sv-admin-settings-title';
/** The id of a field's control; its error is `<id>-error`. */
export const fieldId = (name: FieldName) => `sv-admin-${name}`;

/** A field's control, or the group its error describes (the languages, the roster): where focus goes to fix it. */
export const controlOf = (root: ParentNode, name: FieldName): HTMLElement | null =>
  root.querySelector<HTMLElement>(`#${fieldId(name)}, [aria-describedby~="${fieldId(name)}-error"]`);

/** The Remove button of a roster row. */
export const removeButtonOf = (root: ParentNode, id: string): HTMLElement | null => root.querySelector<HTMLElement>(`[data-remove="${CSS.escape(id)}"]`);
const TEXT_SCALES = [1, 1.25, 1.5, 1.75, 2];
const languageName = (() => {
  try {
    const names = new Intl.DisplayNames(['en'], { type: 'language' });
    return (tag: string) => names.of(tag) ?? tag;
  } catch {
    return (tag: string) => tag;
  }
})();

/** The error paragraph of a field (always present, so `aria-describedby` never dangles), and the control's aria attributes. */
function errorFor(view: SettingsFormView, name: FieldName) {
  const message = view.errors.get(name);
  const id = `${fieldId(name)}-error`;
  return {
    invalid: message ? 'true' : nothing,
    describedBy: message ? id : nothing,
    element: html`<p class="field-error" id=${id}>${message ?? ''}</p>`,
  };
}

/** The draft's string fields: the settings typed as text, and the "Add a person" row. */
type TextField = { [K in FieldName]: SettingsDraft[K] extends string ? K : never }[FieldName];

function textField(view: SettingsFormView, name: TextField, label: string, options: { hint?: string; type?: string; inputmode?: string } = {}): TemplateResult {
  const error = errorFor(view, name);
  const hintId = `${fieldId(name)}-hint`;
  const describedBy = [options.hint ? hintId : '', error.describedBy === nothing ? '' : error.describedBy].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${fieldId(name)}>${label}</label>
    ${options.hint ? html`<p class="hint" id=${hintId}>${options.hint}</p>` : nothing}
    <input
      id=${fieldId(name)}
      name=${name}
      type=${options.type ?? 'text'}
      inputmode=${options.inputmode ?? nothing}
      autocomplete="off"
      autocapitalize="off"
      spellcheck="false"
      .value=${live(view.draft[name])}
      aria-invalid=${error.invalid}
      aria-describedby=${describedBy || nothing}
      @input=${(event: Event) => view.onChange({ [name]: (event.target as HTMLInputElement).value })}
    />
    ${error.element}
  </div>`;
}

function surveyField(view: SettingsFormView): TemplateResult {
  if (!view.surveys) return textField(view, 'survey', m.survey, { hint: m.idHint });
  const error = errorFor(view, 'survey');
  const current = view.draft.survey;
  const choices = current && !view.surveys.includes(current) ? [current, ...view.surveys] : view.surveys;
  return html`<div class="field">
    <label for=${fieldId('survey')}>${m.survey}</label>
    <select
      id=${fieldId('survey')}
      name="survey"
      aria-invalid=${error.invalid}
      aria-describedby=${error.describedBy}
      @change=${(event: Event) => view.onChange({ survey: (event.target as HTMLSelectElement).value })}
    >
      <option value="" ?selected=${current === ''}>${m.surveyNone}</option>
      ${choices.map((id) => html`<option value=${id} ?selected=${id === current}>${id}</option>`)}
    </select>
    ${error.element}
  </div>`;
}

function rosterSection(view: SettingsFormView): TemplateResult {
  const { draft } = view;
  const rosterError = errorFor(view, 'staffRoster');
  const shiftError = errorFor(view, 'onShift');
  const describedBy = [rosterError.describedBy, shiftError.describedBy].filter((id) => id !== nothing).join(' ');
  return html`<fieldset class="section">
    <legend>${m.staffSection}</legend>
    ${draft.staffRoster.length === 0
      ? html`<p class="hint">${m.rosterEmpty}</p>`
      : html`<ul class="roster" aria-describedby=${describedBy || nothing}>
          ${draft.staffRoster.map(
            (member) => html`<li class="member">
              <label class="check">
                <input
                  type="checkbox"
                  .checked=${live(draft.onShift.includes(member.id))}
                  @change=${(event: Event) => {
                    const on = (event.target as HTMLInputElement).checked;
                    view.onChange((now) => ({ onShift: toggle(now.onShift, member.id, on, now.staffRoster.map((s) => s.id)) }));
                  }}
                />
                <span>${m.onShift(member.name, member.id)}</span>
              </label>
              <button type="button" class="button secondary" data-remove=${member.id} aria-label=${m.removeLabel(member.name)} @click=${() => view.onRemove(member.id)}>${m.remove}</button>
            </li>`,
          )}
        </ul>`}
    ${rosterError.element}${shiftError.element}
    <fieldset class="add">
      <legend>${m.addStaff}</legend>
      ${textField(view, 'newId', m.staffId, { hint: m.staffIdHint })} ${textField(view, 'newName', m.staffName)}
      ${textField(view, 'newPhoto', m.staffPhoto, { type: 'url' })}
      <button type="button" class="button" @click=${view.onAdd}>${m.add}</button>
    </fieldset>
  </fieldset>`;
}

function displaySection(view: SettingsFormView): TemplateResult {
  const { draft } = view;
  const languages = [...localeCodes, ...draft.languages.filter((tag) => !(localeCodes as readonly string[]).includes(tag))];
  const languageError = errorFor(view, 'languages');
  const scaleError = errorFor(view, 'textScale');
  return html`<fieldset class="section">
    <legend>${m.display}</legend>
    <fieldset class="languages" aria-describedby=${languageError.describedBy}>
      <legend>${m.languages}</legend>
      ${languages.map(
        (tag) => html`<label class="check">
          <input
            type="checkbox"
            value=${tag}
            .checked=${live(draft.languages.includes(tag))}
            @change=${(event: Event) => {
              const on = (event.target as HTMLInputElement).checked;
              view.onChange((now) => ({ languages: toggle(now.languages, tag, on, languages) }));
            }}
          />
          <span lang=${tag}>${languageName(tag)} (${tag})</span>
        </label>`,
      )}
    </fieldset>
    ${languageError.element}
    <label class="check">
      <input type="checkbox" name="highContrast" .checked=${live(draft.highContrast)} @change=${(event: Event) => view.onChange({ highContrast: (event.target as HTMLInputElement).checked })} />
      <span>${m.highContrast}</span>
    </label>
    <div class="field">
      <label for=${fieldId('textScale')}>${m.textSize}</label>
      <select
        id=${fieldId('textScale')}
        name="textScale"
        aria-invalid=${scaleError.invalid}
        aria-describedby=${scaleError.describedBy}
        @change=${(event: Event) => view.onChange({ textScale: Number((event.target as HTMLSelectElement).value) })}
      >
        ${[...new Set([...TEXT_SCALES, draft.textScale])]
          .sort((a, b) => a - b)
          .map((scale) => html`<option value=${String(scale)} ?selected=${scale === draft.textScale}>${Math.round(scale * 100)}%</option>`)}
      </select>
      ${scaleError.element}
    </div>
  </fieldset>`;
}

/**
 * The settings form: Location, Survey, Staff (roster and who is on shift), Display, Security,
 * then Cancel and Save. Every value is bound as text (never as HTML); each field's error sits in
 * a paragraph its control names with `aria-describedby`.
 */
export function renderSettingsForm(view: SettingsFormView): TemplateResult {
  return html`<form
    class="settings"
    novalidate
    aria-labelledby=${SETTINGS_TITLE_ID}
    @submit=${(event: Event) => {
      event.preventDefault();
      view.onSave();
    }}
  >
    <h2 id=${SETTINGS_TITLE_ID} class="title">${m.settingsTitle}</h2>
    <p class="status" role="status">${view.status}</p>
    <fieldset class="section">
      <legend>${m.location}</legend>
      ${textField(view, 'brand', m.brand, { hint: m.idHint })} ${textField(view, 'region', m.region)} ${textField(view, 'store', m.store)}
      ${textField(view, 'device', m.device)}
    </fieldset>
    <fieldset class="section">
      <legend>${m.surveySection}</legend>
      ${surveyField(view)} ${textField(view, 'endpoint', m.endpoint, { hint: m.endpointHint, type: 'url' })} ${textField(view, 'key', m.key)}
    </fieldset>
    ${rosterSection(view)} ${displaySection(view)}
    <fieldset class="section">
      <legend>${m.security}</legend>
      <button type="button" class="button secondary" @click=${view.onChangePin}>${m.changePin}</button>
    </fieldset>
    <div class="actions">
      <button type="button" class="button secondary" @click=${view.onCancel}>${m.cancel}</button>
      <button type="submit" class="button primary">${m.save}</button>
    </div>
  </form>`;
}
