import type { KioskMessages } from '../messages.js';

/** Arabic kiosk texts. The queue count is phrased "waiting: n" so no counted noun needs agreeing. */
export const ar: KioskMessages = {
  languageName: 'العربية',
  chooseLanguage: 'اختر لغتك',
  attractTitle: 'كيف كانت زيارتك اليوم؟',
  start: 'ابدأ',
  helpQuestion: 'هل تود التحدث إلى المدير الآن؟',
  helpYes: 'نعم، أود التحدث إلى المدير الآن',
  helpNo: 'لا، شكرًا',
  managerNotified: 'تم إبلاغ المدير وسيكون معك قريبًا.',
  managerSaved: 'يُرجى السؤال عند الصندوق؛ لقد حفظنا طلبك.',
  offline: 'غير متصل',
  queued: (count) => `في الانتظار: ${count}`,
};
