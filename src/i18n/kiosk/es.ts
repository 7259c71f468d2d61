import type { KioskMessages } from '../messages.js';

/** Spanish kiosk texts, with «tú» like the main Spanish catalog. */
export const es: KioskMessages = {
  languageName: 'Español',
  chooseLanguage: 'Elige tu idioma',
  attractTitle: '¿Qué tal tu visita hoy?',
  start: 'Empezar',
  helpQuestion: '¿Quieres hablar ahora con un responsable?',
  helpYes: 'Sí, quiero hablar ahora con un responsable',
  helpNo: 'No, gracias',
  managerNotified: 'Hemos avisado a un responsable, que vendrá enseguida.',
  managerSaved: 'Por favor, pregunta en caja; hemos guardado tu solicitud.',
  offline: 'Sin conexión',
  queued: (count) => `${count} en cola`,
};
