import type { KioskMessages } from '../messages.js';

/** German kiosk texts, with the polite „Sie“. */
export const de: KioskMessages = {
  languageName: 'Deutsch',
  chooseLanguage: 'Sprache wählen',
  attractTitle: 'Wie war Ihr Besuch heute?',
  start: 'Starten',
  helpQuestion: 'Möchten Sie jetzt mit der Filialleitung sprechen?',
  helpYes: 'Ja, ich möchte jetzt mit der Filialleitung sprechen',
  helpNo: 'Nein, danke',
  managerNotified: 'Die Filialleitung wurde benachrichtigt und kommt gleich zu Ihnen.',
  managerSaved: 'Bitte wenden Sie sich an die Kasse; wir haben Ihre Anfrage gespeichert.',
  offline: 'Offline',
  queued: (count) => `${count} in der Warteschlange`,
};
