import type { KioskMessages } from '../messages.js';

// A narrow no-break space before « ? ; » (French typography), as in the main French catalog.
const nbsp = '\u202f';

/** French kiosk texts, with the polite « vous ». */
export const fr: KioskMessages = {
  languageName: 'Français',
  chooseLanguage: 'Choisissez votre langue',
  attractTitle: `Comment s’est passée votre visite aujourd’hui${nbsp}?`,
  start: 'Commencer',
  helpQuestion: `Souhaitez-vous parler à un responsable maintenant${nbsp}?`,
  helpYes: 'Oui, je voudrais parler à un responsable maintenant',
  helpNo: 'Non, merci',
  managerNotified: 'Un responsable a été prévenu et va venir vous voir.',
  managerSaved: `Merci de vous adresser à la caisse${nbsp}; nous avons enregistré votre demande.`,
  offline: 'Hors ligne',
  queued: (count) => `${count} en attente`,
};
