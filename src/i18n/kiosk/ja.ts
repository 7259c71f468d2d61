import type { KioskMessages } from '../messages.js';

/** Japanese kiosk texts, polite form. */
export const ja: KioskMessages = {
  languageName: '日本語',
  chooseLanguage: '言語を選択',
  attractTitle: '本日のご来店はいかがでしたか？',
  start: 'はじめる',
  helpQuestion: '今すぐ責任者とお話しになりますか？',
  helpYes: 'はい、今すぐ責任者と話したいです',
  helpNo: 'いいえ、結構です',
  managerNotified: '責任者に連絡しました。まもなく参ります。',
  managerSaved: 'レジでお声がけください。ご要望は保存しました。',
  offline: 'オフライン',
  queued: (count) => `送信待ち ${count} 件`,
};
