import type { Messages } from './messages.js';

// French typography: a narrow no-break space (U+202F) before « ! ? : ; » and inside guillemets,
// so punctuation never wraps onto a line of its own.
const nbsp = '\u202f';
/** French counts 0 and 1 as singular: « 0 caractère restant ». */
const singular = (count: number) => count < 2;

/** French, with the polite « vous ». */
export const fr: Messages = {
  dir: 'ltr',
  openFeedback: 'Donner mon avis',
  close: 'Fermer',
  next: 'Suivant',
  back: 'Retour',
  submit: 'Envoyer',
  sending: 'Envoi en cours…',
  progress: (current, total) => `Question ${current} sur ${total}`,
  required: 'obligatoire',
  errorRequired: 'Veuillez répondre à cette question.',
  errorTooLong: (max) => `Veuillez ne pas dépasser ${max} ${singular(max) ? 'caractère' : 'caractères'}.`,
  errorTooMany: (max) => (singular(max) ? 'Veuillez choisir une seule réponse.' : `Veuillez choisir ${max} réponses au maximum.`),
  errorOtherRequired: `Veuillez préciser votre réponse «${nbsp}Autre${nbsp}».`,
  errorEmailInvalid: 'Veuillez saisir une adresse e-mail valide.',
  errorPhoneInvalid: 'Veuillez saisir un numéro de téléphone valide.',
  errorInvalid: 'Veuillez vérifier cette réponse.',
  smileyLabels: ['Très mal', 'Mal', 'Moyen', 'Bien', 'Très bien'],
  starsLabel: (value, max) => `${value} ${singular(value) ? 'étoile' : 'étoiles'} sur ${max}`,
  npsLow: 'Pas du tout probable',
  npsHigh: 'Très probable',
  csatLabels: ['Très insatisfait', 'Insatisfait', 'Neutre', 'Satisfait', 'Très satisfait'],
  other: 'Autre',
  otherPlaceholder: 'Veuillez préciser',
  charactersLeft: (count) => (singular(count) ? `${count} caractère restant` : `${count} caractères restants`),
  staffNotSure: 'Je ne sais pas',
  consentYes: 'Oui, vous pouvez me recontacter au sujet de mon avis',
  consentEmail: 'Adresse e-mail',
  consentPhone: 'Numéro de téléphone',
  thanks: `Merci pour votre avis${nbsp}!`,
  thanksQueued: `Merci${nbsp}! Votre avis est enregistré et sera envoyé dès le retour de la connexion.`,
  thanksSaved: `Merci${nbsp}! Votre avis est enregistré sur cet appareil et sera envoyé sous peu.`,
  failedTitle: 'Votre avis n’a pas pu être envoyé',
  failedRejected: 'Le service d’avis ne l’a pas accepté. Veuillez réessayer plus tard.',
  retry: 'Réessayer',
  unavailable: 'Le questionnaire n’est pas disponible pour le moment.',
};
