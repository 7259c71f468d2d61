import type { Messages } from './messages.js';

/**
 * Hebrew; right to left. Instructions use the impersonal infinitive („נא לענות“), the polite
 * gender-neutral form of Hebrew interfaces. Nouns counted here have one singular and one plural.
 */
export const he: Messages = {
  dir: 'rtl',
  openFeedback: 'שליחת משוב',
  close: 'סגירה',
  next: 'הבא',
  back: 'הקודם',
  submit: 'שליחה',
  sending: 'בשליחה…',
  progress: (current, total) => `שאלה ${current} מתוך ${total}`,
  required: 'חובה',
  errorRequired: 'נא לענות על השאלה.',
  errorTooLong: (max) => (max === 1 ? 'נא לכתוב תו אחד לכל היותר.' : `נא לכתוב עד ${max} תווים.`),
  errorTooMany: (max) => (max === 1 ? 'נא לבחור אפשרות אחת בלבד.' : `נא לבחור עד ${max} אפשרויות.`),
  errorOtherRequired: 'נא לפרט מה הכוונה ב"אחר".',
  errorEmailInvalid: 'נא להזין כתובת אימייל תקינה.',
  errorPhoneInvalid: 'נא להזין מספר טלפון תקין.',
  errorInvalid: 'נא לבדוק את התשובה.',
  smileyLabels: ['גרוע מאוד', 'גרוע', 'סביר', 'טוב', 'טוב מאוד'],
  starsLabel: (value, max) => (value === 1 ? `כוכב אחד מתוך ${max}` : `${value} כוכבים מתוך ${max}`),
  npsLow: 'בכלל לא סביר',
  npsHigh: 'סביר מאוד',
  csatLabels: ['מאוד לא מרוצה', 'לא מרוצה', 'ניטרלי', 'מרוצה', 'מרוצה מאוד'],
  other: 'אחר',
  otherPlaceholder: 'נא לפרט',
  charactersLeft: (count) =>
    count === 0 ? 'לא נותרו תווים' : count === 1 ? 'נותר תו אחד' : `נותרו ${count} תווים`,
  staffNotSure: 'לא ידוע לי',
  consentYes: 'כן, אפשר ליצור איתי קשר בנוגע למשוב שלי',
  consentEmail: 'כתובת אימייל',
  consentPhone: 'מספר טלפון',
  thanks: 'תודה על המשוב!',
  thanksQueued: 'תודה! המשוב נשמר ויישלח כשהחיבור לאינטרנט יחזור.',
  thanksSaved: 'תודה! המשוב נשמר במכשיר הזה ויישלח בקרוב.',
  failedTitle: 'לא הצלחנו לשלוח את המשוב',
  failedRejected: 'שירות המשוב לא קיבל אותו. נא לנסות שוב מאוחר יותר.',
  retry: 'לנסות שוב',
  unavailable: 'הסקר אינו זמין כרגע.',
};
