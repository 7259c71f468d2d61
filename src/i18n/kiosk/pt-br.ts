import type { KioskMessages } from '../messages.js';

/** Brazilian Portuguese kiosk texts. */
export const ptBR: KioskMessages = {
  languageName: 'Português (Brasil)',
  chooseLanguage: 'Escolha seu idioma',
  attractTitle: 'Como foi sua visita hoje?',
  start: 'Começar',
  helpQuestion: 'Gostaria de falar com um gerente agora?',
  helpYes: 'Sim, quero falar com um gerente agora',
  helpNo: 'Não, obrigado',
  managerNotified: 'Um gerente foi avisado e virá atendê-lo em instantes.',
  managerSaved: 'Por favor, procure o caixa; salvamos sua solicitação.',
  offline: 'Sem conexão',
  queued: (count) => `${count} na fila`,
};
