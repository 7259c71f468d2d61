import type { PerLocale } from '../i18n/locales.js';

/** The texts of {@link SvTopics}. */
export const topicsTexts = {
  heading: { en: 'Topics', es: 'Temas', fr: 'Sujets', de: 'Themen', 'pt-BR': 'Assuntos', ar: 'المواضيع', he: 'נושאים', ja: '話題' },
  topic: { en: 'Topic', es: 'Tema', fr: 'Sujet', de: 'Thema', 'pt-BR': 'Assunto', ar: 'الموضوع', he: 'נושא', ja: '話題' },
  mentions: { en: 'Mentions', es: 'Menciones', fr: 'Mentions', de: 'Erwähnungen', 'pt-BR': 'Menções', ar: 'الإشارات', he: 'אזכורים', ja: '言及' },
  negative: { en: 'With a low score', es: 'Con puntuación baja', fr: 'Avec une note basse', de: 'Mit niedriger Bewertung', 'pt-BR': 'Com nota baixa', ar: 'مع درجة منخفضة', he: 'עם ציון נמוך', ja: '低評価あり' },
  previous: { en: 'Period before', es: 'Periodo anterior', fr: 'Période précédente', de: 'Zeitraum davor', 'pt-BR': 'Período anterior', ar: 'الفترة السابقة', he: 'התקופה הקודמת', ja: '前の期間' },
  weekly: { en: 'Per week', es: 'Por semana', fr: 'Par semaine', de: 'Pro Woche', 'pt-BR': 'Por semana', ar: 'في الأسبوع', he: 'לשבוע', ja: '週ごと' },
  none: { en: 'No comment in this period mentions a topic.', es: 'Ningún comentario de este periodo menciona un tema.', fr: 'Aucun commentaire de la période ne mentionne un sujet.', de: 'Kein Kommentar in diesem Zeitraum nennt ein Thema.', 'pt-BR': 'Nenhum comentário do período menciona um assunto.', ar: 'لا يذكر أي تعليق في هذه الفترة موضوعًا.', he: 'אף הערה בתקופה זו אינה מזכירה נושא.', ja: 'この期間に話題を含むコメントはありません。' },
  withheld: { en: 'Too few responses to show topics here.', es: 'Muy pocas respuestas para mostrar temas aquí.', fr: 'Trop peu de réponses pour montrer des sujets ici.', de: 'Zu wenige Antworten, um hier Themen zu zeigen.', 'pt-BR': 'Poucas respostas para mostrar assuntos aqui.', ar: 'الردود قليلة جدًا لعرض المواضيع هنا.', he: 'מעט מדי תגובות כדי להציג כאן נושאים.', ja: '回答が少ないため話題は表示されません。' },
  commentsAbout: {
    en: (topic: string) => `Comments about ${topic}`,
    es: (topic: string) => `Comentarios sobre: ${topic}`,
    fr: (topic: string) => `Commentaires sur : ${topic}`,
    de: (topic: string) => `Kommentare zu: ${topic}`,
    'pt-BR': (topic: string) => `Comentários sobre: ${topic}`,
    ar: (topic: string) => `تعليقات حول: ${topic}`,
    he: (topic: string) => `הערות על: ${topic}`,
    ja: (topic: string) => `「${topic}」に関するコメント`,
  },
  showComments: { en: 'Show its comments', es: 'Ver sus comentarios', fr: 'Voir ses commentaires', de: 'Kommentare zeigen', 'pt-BR': 'Ver comentários', ar: 'عرض التعليقات', he: 'הצגת ההערות', ja: 'コメントを表示' },
  allTopics: { en: 'All comments', es: 'Todos los comentarios', fr: 'Tous les commentaires', de: 'Alle Kommentare', 'pt-BR': 'Todos os comentários', ar: 'كل التعليقات', he: 'כל ההערות', ja: 'すべてのコメント' },
} satisfies Record<string, PerLocale<unknown>>;
