import type { PerLocale } from '../../i18n/locales.js';

/** The kudos view's own texts. */
export const kudosTexts = {
  title: {
    en: 'Kudos',
    es: 'Reconocimientos',
    fr: 'Félicitations',
    de: 'Lob',
    'pt-BR': 'Elogios',
    ar: 'الإشادات',
    he: 'מחמאות',
    ja: '称賛',
  },
  intro: {
    en: 'Positive comments that name or mention a member of staff.',
    es: 'Comentarios positivos que nombran o mencionan a un miembro del personal.',
    fr: 'Commentaires positifs qui nomment ou mentionnent un membre du personnel.',
    de: 'Positive Kommentare, die eine Mitarbeiterin oder einen Mitarbeiter nennen oder erwähnen.',
    'pt-BR': 'Comentários positivos que citam ou mencionam um colaborador.',
    ar: 'تعليقات إيجابية تذكر أحد الموظفين بالاسم أو تشير إليه.',
    he: 'הערות חיוביות שמציינות או מזכירות איש צוות.',
    ja: 'スタッフの名前を挙げた、またはスタッフに触れた好意的なコメントです。',
  },
  none: {
    en: 'No kudos in this period yet.',
    es: 'Todavía no hay reconocimientos en este periodo.',
    fr: 'Pas encore de félicitations sur cette période.',
    de: 'In diesem Zeitraum gibt es noch kein Lob.',
    'pt-BR': 'Ainda não há elogios neste período.',
    ar: 'لا توجد إشادات في هذه الفترة بعد.',
    he: 'עדיין אין מחמאות בתקופה זו.',
    ja: 'この期間の称賛はまだありません。',
  },
} satisfies Record<string, PerLocale<string>>;
