import { DASHBOARD_LOCALES, type DashboardLocale } from '../../../server/auth/session-body.js';
import { ar } from './catalogs/ar.js';
import { de } from './catalogs/de.js';
import { en } from './catalogs/en.js';
import { es } from './catalogs/es.js';
import { fr } from './catalogs/fr.js';
import { he } from './catalogs/he.js';
import { ja } from './catalogs/ja.js';
import { ptBR } from './catalogs/pt-br.js';
import type { Messages } from './messages.js';

export { DASHBOARD_LOCALES, type DashboardLocale };

/**
 * Every catalog, bundled: the dashboard is a managers' tool loaded once per session, not a
 * script on every page of a shop. The seven besides English cost ≈ 8 KB gzip of the bundle's
 * ≈ 57 KB (measured, see docs/collector.md); in exchange a language switch is instant, with no
 * request that can fail and no moment of mixed languages.
 */
export const CATALOGS: Readonly<Record<DashboardLocale, Messages>> = { en, es, fr, de, 'pt-BR': ptBR, ar, he, ja };

/** Deprecated ISO 639 codes some platforms still report (`iw` for Hebrew), as in the widget. */
const ALIASES: Readonly<Record<string, string>> = { iw: 'he' };

/**
 * The first of `preferred` (the browser's languages) the dashboard speaks: an exact tag, case
 * and `_` ignored (`pt_br` → `pt-BR`), or else by language alone (`pt-PT` → `pt-BR`, `de-AT` →
 * `de`); English when none matches.
 * @example resolveLocale(['fr-CA', 'en']) // 'fr'
 */
export function resolveLocale(preferred: readonly string[]): DashboardLocale {
  for (const tag of preferred) {
    const wanted = tag.trim().replace(/_/g, '-').toLowerCase();
    const exact = DASHBOARD_LOCALES.find((code) => code.toLowerCase() === wanted);
    if (exact) return exact;
    const language = wanted.split('-')[0] ?? '';
    const byLanguage = DASHBOARD_LOCALES.find((code) => code.split('-')[0]?.toLowerCase() === (ALIASES[language] ?? language));
    if (byLanguage) return byLanguage;
  }
  return 'en';
}

/**
 * The locale numbers and dates are written in: the user's own regional variant of the dashboard's
 * language when the browser names one (a British manager reading English sees `1 Mar 2026, 10:00`,
 * an American `Mar 1, 2026, 10:00 AM`), else the dashboard's language itself.
 * @example formatLocale('en', ['en-GB', 'en']) // 'en-GB'
 * @example formatLocale('fr', ['en-GB']) // 'fr'
 */
export function formatLocale(locale: DashboardLocale, preferred: readonly string[]): string {
  const language = locale.split('-')[0]?.toLowerCase();
  for (const tag of preferred) {
    if (tag.split(/[-_]/)[0]?.toLowerCase() !== language) continue;
    try {
      const [supported] = Intl.NumberFormat.supportedLocalesOf(tag.replace(/_/g, '-'));
      if (supported) return supported;
    } catch {
      // not a valid tag: try the next
    }
  }
  return locale;
}

/** A table of one value per locale, for a view's own texts (see views/view.ts). */
export type PerLocale<T> = Readonly<Record<DashboardLocale, T>>;
