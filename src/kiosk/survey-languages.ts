import type { LocalizedText, SurveyDefinition } from '../../sdk/index.js';

/** The primary subtag of a language tag, lowercase (`pt-BR` → `pt`). */
export const primaryLanguage = (tag: string): string => tag.trim().toLowerCase().replaceAll('_', '-').split('-')[0] ?? '';

/**
 * The languages a survey is written in: the locale keys of its title, prompts and thank-you, in the
 * order they first appear. A survey of plain strings has none. Kiosk mode offers these on the
 * attract screen when no `languages` attribute says otherwise, so a kiosk shows language buttons
 * whenever its survey has more than one language.
 * @example surveyLanguages({ id: 'x', questions: [{ id: 'q', type: 'text', prompt: { en: 'Why?', sv: 'Varför?' } }] }) // ['en', 'sv']
 */
export function surveyLanguages(definition: SurveyDefinition): string[] {
  const texts: Array<LocalizedText | undefined> = [definition.title, ...definition.questions.map((q) => q.prompt), definition.thankYou];
  const tags: string[] = [];
  for (const text of texts) {
    if (text === undefined || typeof text === 'string') continue;
    for (const tag of Object.keys(text)) if (!tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

/**
 * A language's name in itself ("Svenska"), for a language the widget has no catalog of: the
 * runtime's CLDR names (Intl.DisplayNames), capitalised as a button label; the tag itself where
 * the runtime has none.
 */
export function nativeLanguageName(tag: string): string {
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag);
    if (name && name !== tag) return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
  } catch {
    // An unknown or malformed tag: show it as written.
  }
  return tag;
}
