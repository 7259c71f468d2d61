import type { PerLocale } from '../../i18n/locales.js';

/** The customer-feedback view's own texts (the shared ones are in i18n/catalogs/). */
export const overviewTexts = {
  title: {
    en: 'Customer feedback',
    es: 'Opiniones de clientes',
    fr: 'Avis clients',
    de: 'Kundenfeedback',
    'pt-BR': 'Feedback de clientes',
    ar: 'آراء العملاء',
    he: 'משוב לקוחות',
    ja: 'お客様の声',
  },
  teamResults: {
    en: 'Team results',
    es: 'Resultados del equipo',
    fr: 'Résultats de l’équipe',
    de: 'Teamergebnisse',
    'pt-BR': 'Resultados da equipe',
    ar: 'نتائج الفريق',
    he: 'תוצאות הצוות',
    ja: 'チームの結果',
  },
  individualResults: {
    en: 'Individual results',
    es: 'Resultados individuales',
    fr: 'Résultats individuels',
    de: 'Einzelergebnisse',
    'pt-BR': 'Resultados individuais',
    ar: 'النتائج الفردية',
    he: 'תוצאות אישיות',
    ja: '個人の結果',
  },
} satisfies Record<string, PerLocale<string>>;
