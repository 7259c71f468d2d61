import { acknowledgeAlert, AlertEventDataSchema } from '../api/alerts.js';
import type { Session } from '../api/session.js';
import type { DashboardLocale, PerLocale } from '../i18n/locales.js';
import type { LiveEvent } from '../../../server/events/types.js';
import * as z from 'zod/mini';
import type { Banner } from './events.js';

const texts = {
  asks: {
    en: (store: string) => `A customer is asking for a manager now — ${store}`,
    es: (store: string) => `Un cliente pide hablar con un responsable ahora — ${store}`,
    fr: (store: string) => `Un client demande un responsable maintenant — ${store}`,
    de: (store: string) => `Ein Kunde möchte jetzt eine Führungskraft sprechen — ${store}`,
    'pt-BR': (store: string) => `Um cliente pede um gerente agora — ${store}`,
    ar: (store: string) => `عميل يطلب التحدث إلى مدير الآن — ${store}`,
    he: (store: string) => `לקוח מבקש מנהל עכשיו — ${store}`,
    ja: (store: string) => `お客様が今すぐ責任者を呼んでいます — ${store}`,
  },
  openCase: { en: 'Open the case', es: 'Abrir el caso', fr: 'Ouvrir le dossier', de: 'Fall öffnen', 'pt-BR': 'Abrir o caso', ar: 'فتح الحالة', he: 'פתיחת הפנייה', ja: 'ケースを開く' },
  acknowledge: { en: 'Acknowledge', es: 'Confirmar', fr: 'J’ai vu', de: 'Bestätigen', 'pt-BR': 'Confirmar', ar: 'تأكيد', he: 'אישור', ja: '確認' },
} satisfies Record<string, PerLocale<unknown>>;

/** Where the "play a sound" choice is kept, per browser (the manager opts in on each device). */
export const SOUND_KEY = 'storevoice.dashboard.sound';
export const soundOn = (): boolean => localStorage.getItem(SOUND_KEY) === 'on';

let chime: HTMLAudioElement | undefined;
/** Plays the chime (served same-origin). Browsers allow it after the user's first gesture on the page. */
export function playChime(): void {
  chime ??= new Audio('chime.wav');
  chime.currentTime = 0;
  void chime.play().catch(() => undefined);
}

/**
 * A "speak to a manager now" alert made unmissable: an urgent banner that goes only by opening
 * the case or acknowledging the alert, the chime if the manager turned it on, and a browser
 * notification if they allowed them (asked only from a button they pressed).
 */
export function managerRequest(event: LiveEvent, session: Session, locale: DashboardLocale, remove: (id: string) => void): Banner | undefined {
  if (event.kind !== 'alert') return undefined;
  const parsed = z.safeParse(AlertEventDataSchema, event.data);
  if (!parsed.success || parsed.data.managerRequested !== true) return undefined;
  const data = parsed.data;
  const id = `manager-${data.alertId}`;
  const store = data.storeName ?? data.storeId ?? '';
  const acknowledge = () => {
    void acknowledgeAlert(session, data.alertId).finally(() => remove(id));
  };
  const actions = [
    ...(data.caseId ? [{ label: texts.openCase[locale], href: `#/inbox?case=${encodeURIComponent(data.caseId)}`, run: acknowledge }] : []),
    { label: texts.acknowledge[locale], run: acknowledge },
  ];
  if (soundOn()) playChime();
  if ('Notification' in window && Notification.permission === 'granted') {
    const notification = new Notification(texts.asks[locale](store), { tag: id, requireInteraction: true });
    notification.addEventListener('click', () => {
      window.focus();
      if (data.caseId) location.hash = `#/inbox?case=${encodeURIComponent(data.caseId)}`;
    });
  }
  return { id, tone: 'urgent', text: texts.asks[locale](store), actions, dismissible: false };
}
