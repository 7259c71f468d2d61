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
    en: 'Positive comments from customers about a member of staff.',
    es: 'Comentarios positivos de clientes sobre un miembro del personal.',
    fr: 'Commentaires positifs de clients sur un membre du personnel.',
    de: 'Positive Kommentare der Kundschaft über eine Mitarbeiterin oder einen Mitarbeiter.',
    'pt-BR': 'Comentários positivos de clientes sobre um colaborador.',
    ar: 'تعليقات إيجابية من العملاء عن أحد الموظفين.',
    he: 'הערות חיוביות של לקוחות על איש צוות.',
    ja: 'スタッフについてのお客様からの好意的なコメントです。',
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

const t = <T = string>(en: T, es: T, fr: T, de: T, ptBR: T, ar: T, he: T, ja: T): PerLocale<T> => ({ en, es, fr, de, 'pt-BR': ptBR, ar, he, ja });
type Named = (name: string) => string;

/** Recognition: whose kudos these are, the thanks forwarded with them, counts per store. */
export const recognitionTexts = {
  rule: t(
    'A kudos counts for a person only when the customer picked them, or the feedback carried their id with a good score and words of its own.',
    'Un reconocimiento cuenta para una persona solo si el cliente la eligió, o si la opinión llevaba su id con buena nota y palabras propias.',
    'Une félicitation ne compte pour une personne que si le client l’a choisie, ou si l’avis portait son identifiant avec une bonne note et des mots à lui.',
    'Lob zählt für eine Person nur, wenn die Kundschaft sie ausgewählt hat oder das Feedback ihre Kennung mit guter Bewertung und eigenen Worten trug.',
    'Um elogio conta para uma pessoa só quando o cliente a escolheu, ou quando a avaliação trazia o id dela com boa nota e palavras próprias.',
    'تُحتسب الإشادة لشخص فقط إذا اختاره العميل، أو إذا حمل التقييم معرّفه مع درجة جيدة وكلمات خاصة به.',
    'מחמאה נזקפת לאדם רק כשהלקוח בחר בו, או כשהמשוב נשא את המזהה שלו עם ציון טוב ומילים משלו.',
    '称賛は、お客様がその人を選んだ場合、または高評価と独自のコメントとともにその人のIDが含まれていた場合にのみ、その人のものになります。',
  ),
  forYou: t<Named>((n) => `Kudos for ${n}`, (n) => `Reconocimientos para ${n}`, (n) => `Félicitations pour ${n}`, (n) => `Lob für ${n}`, (n) => `Elogios para ${n}`, (n) => `إشادات لـ ${n}`, (n) => `מחמאות עבור ${n}`, (n) => `${n} さんへの称賛`),
  thanksFrom: t<Named>((n) => `Thanks from ${n}`, (n) => `Agradecimiento de ${n}`, (n) => `Remerciements de ${n}`, (n) => `Dank von ${n}`, (n) => `Agradecimento de ${n}`, (n) => `شكر من ${n}`, (n) => `תודה מ־${n}`, (n) => `${n} さんからの感謝`),
  forwardTo: t<Named>((n) => `Forward to ${n} with your thanks`, (n) => `Reenviar a ${n} con tu agradecimiento`, (n) => `Transmettre à ${n} avec vos remerciements`, (n) => `An ${n} mit Ihrem Dank weiterleiten`, (n) => `Encaminhar para ${n} com seu agradecimento`, (n) => `أرسلها إلى ${n} مع شكرك`, (n) => `העבירו ל־${n} עם תודה`, (n) => `感謝の言葉を添えて ${n} さんに転送`),
  send: t('Send thanks', 'Enviar agradecimiento', 'Envoyer', 'Dank senden', 'Enviar agradecimento', 'إرسال الشكر', 'שליחת תודה', '感謝を送る'),
  sent: t('Sent. They will see it in their kudos.', 'Enviado. Lo verá en sus reconocimientos.', 'Envoyé. La personne le verra dans ses félicitations.', 'Gesendet. Die Person sieht es bei ihrem Lob.', 'Enviado. A pessoa verá nos elogios.', 'تم الإرسال. سيظهر في إشاداته.', 'נשלח. זה יופיע במחמאות שלו/ה.', '送信しました。本人の称賛に表示されます。'),
  perStore: t('Kudos per store', 'Reconocimientos por tienda', 'Félicitations par magasin', 'Lob pro Filiale', 'Elogios por loja', 'الإشادات لكل متجر', 'מחמאות לפי חנות', '店舗別の称賛'),
  store: t('Store', 'Tienda', 'Magasin', 'Filiale', 'Loja', 'المتجر', 'חנות', '店舗'),
  kudos: t('Kudos', 'Reconocimientos', 'Félicitations', 'Lob', 'Elogios', 'الإشادات', 'מחמאות', '称賛'),
  thanked: t('Forwarded with thanks', 'Reenviados con agradecimiento', 'Transmises avec remerciements', 'Mit Dank weitergeleitet', 'Encaminhados com agradecimento', 'أُرسلت مع الشكر', 'הועברו עם תודה', '感謝付きで転送'),
};
