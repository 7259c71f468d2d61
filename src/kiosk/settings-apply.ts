import type { SurveyDefinition } from '../../sdk/index.js';
import type { KioskSettings } from './admin/settings.js';
import type { KioskElement } from './types.js';

/** The element properties that kiosk settings decide. */
export type SettingsTarget = Pick<
  KioskElement,
  'brand' | 'region' | 'store' | 'device' | 'staff' | 'survey' | 'endpoint' | 'key' | 'languages' | 'locale' | 'contrast' | 'textScale'
>;

/**
 * The element's own values (its attributes, or properties a host set), captured before any
 * setting is applied: what a setting left empty falls back to, and what leaving kiosk mode restores.
 */
export function captureTarget(el: KioskElement): SettingsTarget {
  const { brand, region, store, device, staff, survey, endpoint, key, languages, locale, contrast, textScale } = el;
  return { brand, region, store, device, staff, survey, endpoint, key, languages, locale, contrast, textScale };
}

/** Whether `locale` (`fr`, `fr-CA`) is among the offered language tags. */
function offered(languages: readonly string[], locale: string): boolean {
  const tag = locale.toLowerCase();
  return languages.some((language) => {
    const offer = language.toLowerCase();
    return tag === offer || tag.startsWith(`${offer}-`);
  });
}

/**
 * What the element's properties become under `settings`. Stored settings take precedence over the
 * element's attributes, but a setting at its default (no id, an empty list, high contrast off,
 * text at 100 %) leaves the attribute in charge: a kiosk set up by markup keeps working after a
 * manager only sets a PIN.
 *
 * @example propertiesFor({ ...settings, store: '042', onShift: ['emp-17'] }, base) // { store: '042', staff: 'emp-17', … }
 */
export function propertiesFor(settings: KioskSettings, base: SettingsTarget): SettingsTarget {
  const { languages } = settings;
  return {
    brand: settings.brand ?? base.brand,
    region: settings.region ?? base.region,
    store: settings.store ?? base.store,
    device: settings.device ?? base.device,
    // The people on shift serve at this kiosk, so every submission names them; a customer's own
    // pick in a staff question still replaces them (the element's contextFor()).
    staff: settings.onShift.length > 0 ? settings.onShift.join(',') : base.staff,
    survey: settings.survey ?? base.survey,
    endpoint: settings.endpoint ?? base.endpoint,
    key: settings.key ?? base.key,
    languages: languages.length > 0 ? languages.join(',') : base.languages,
    // The kiosk's own default language stays when it is offered; otherwise the first one offered.
    locale: languages.length === 0 || offered(languages, base.locale) ? base.locale : languages[0]!,
    contrast: settings.highContrast ? 'high' : base.contrast,
    textScale: settings.textScale !== 1 ? settings.textScale : base.textScale,
  };
}

/**
 * The survey with the kiosk's staff roster in each staff question ("Who helped you today?"), so
 * the faces a customer picks from are the people who work here, and validation accepts their ids.
 * An empty kiosk roster leaves the survey's own roster.
 */
export function withRoster(definition: SurveyDefinition, roster: KioskSettings['staffRoster']): SurveyDefinition {
  if (roster.length === 0 || !definition.questions.some((question) => question.type === 'staff')) return definition;
  return { ...definition, questions: definition.questions.map((question) => (question.type === 'staff' ? { ...question, roster: [...roster] } : question)) };
}
