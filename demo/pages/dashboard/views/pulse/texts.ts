import type { PerLocale } from '../../i18n/locales.js';

/** The employee-pulse view's own texts. */
export const pulseTexts = {
  title: {
    en: 'Employee pulse',
    es: 'Pulso del equipo',
    fr: 'Baromètre des employés',
    de: 'Mitarbeiter-Puls',
    'pt-BR': 'Pulso dos colaboradores',
    ar: 'نبض الموظفين',
    he: 'דופק העובדים',
    ja: '従業員パルス',
  } satisfies PerLocale<string>,
  results: {
    en: 'Team results',
    es: 'Resultados del equipo',
    fr: 'Résultats de l’équipe',
    de: 'Teamergebnisse',
    'pt-BR': 'Resultados da equipe',
    ar: 'نتائج الفريق',
    he: 'תוצאות הצוות',
    ja: 'チームの結果',
  } satisfies PerLocale<string>,
  /** The minimum comes formatted. */
  intro: {
    en: (min) => `Anonymous feedback from employees about their workplace. It never counts toward customer scores, and a team's scores show from ${min} responses.`,
    es: (min) => `Opiniones anónimas de los empleados sobre su lugar de trabajo. Nunca cuentan en las puntuaciones de clientes, y las puntuaciones de un equipo se muestran a partir de ${min} respuestas.`,
    fr: (min) => `Avis anonymes des employés sur leur lieu de travail. Ils ne comptent jamais dans les notes des clients, et les notes d’une équipe s’affichent à partir de ${min} réponses.`,
    de: (min) => `Anonymes Feedback der Mitarbeitenden zu ihrem Arbeitsplatz. Es zählt nie zu den Kundenwerten, und die Werte eines Teams erscheinen ab ${min} Antworten.`,
    'pt-BR': (min) => `Feedback anônimo dos colaboradores sobre o local de trabalho. Nunca entra nas notas de clientes, e as notas de uma equipe aparecem a partir de ${min} respostas.`,
    ar: (min) => `آراء مجهولة الهوية من الموظفين حول مكان عملهم. لا تُحتسب أبدًا ضمن تقييمات العملاء، ولا تظهر تقييمات الفريق إلا بعد بلوغ الحد الأدنى من الردود (${min}).`,
    he: (min) => `משוב אנונימי של עובדים על מקום העבודה. הוא לעולם אינו נספר בציוני הלקוחות, וציוני צוות מוצגים רק מ-${min} תגובות ומעלה.`,
    ja: (min) => `職場についての従業員からの匿名のフィードバックです。お客様のスコアには含まれません。チームのスコアは回答が ${min} 件以上になると表示されます。`,
  } satisfies PerLocale<(min: string) => string>,
};
