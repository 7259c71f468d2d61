import type { KioskMessages } from '../messages.js';

/** Hebrew kiosk texts, in the impersonal, gender-neutral style of the main Hebrew catalog. */
export const he: KioskMessages = {
  languageName: 'עברית',
  chooseLanguage: 'בחירת שפה',
  attractTitle: 'איך היה הביקור היום?',
  start: 'התחלה',
  helpQuestion: 'לקרוא למנהל עכשיו?',
  helpYes: 'כן, אני רוצה לדבר עם מנהל עכשיו',
  helpNo: 'לא, תודה',
  managerNotified: 'מנהל קיבל הודעה ויגיע בקרוב.',
  managerSaved: 'נא לפנות לקופה; הבקשה נשמרה.',
  offline: 'לא מקוון',
  queued: (count) => `ממתינים לשליחה: ${count}`,
};
