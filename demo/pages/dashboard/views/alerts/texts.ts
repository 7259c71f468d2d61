import type { PerLocale } from '../../i18n/locales.js';

export const alertsTexts = {
  title: { en: 'Alerts', es: 'Alertas', fr: 'Alertes', de: 'Warnungen', 'pt-BR': 'Alertas', ar: 'التنبيهات', he: 'התראות', ja: 'アラート' },
} satisfies Record<string, PerLocale<string>>;

/** The alerts view's working texts; English only until the next translation pass (as the inbox's). */
export const alertsWords = {
  recent: 'Recent alerts',
  none: 'No alerts yet.',
  acknowledge: 'Acknowledge',
  acknowledged: (who: string | null) => `Acknowledged${who ? ` by ${who}` : ''}`,
  kinds: { rule: 'Rule', escalation: 'Overdue case escalated', drop: 'Score dropped' },
  managerNow: 'Speak to a manager now',
  openCase: 'Open the case',
  rules: 'Rules',
  noRules: 'No rules yet: alerts from escalations and drops still arrive here.',
  newRule: 'New rule',
  edit: 'Edit',
  enabled: 'On',
  disabled: 'Off',
  switchOn: 'Switch on',
  switchOff: 'Switch off',
  test: 'Test webhook',
  tested: (ok: boolean, status: number | null, error: string | null) => (ok ? `Webhook answered ${status}` : `Webhook failed: ${error ?? status}`),
  log: 'Delivery log',
  logEmpty: 'No deliveries yet.',
  logColumns: ['When', 'Store', 'Status', 'Attempts', 'Last answer'],
  form: {
    name: 'Name',
    kind: 'What to watch',
    kinds: { score: 'Each matching answer', burst: 'Several matching answers in a short time', escalation: 'Escalated cases (webhook)', drop: 'Score drops (webhook)' },
    where: 'Where',
    wholeBrand: 'Whole brand',
    minScore: 'Lowest rating at most (1–5)',
    nps: 'NPS at most (0–10)',
    managerRequested: '“Speak to a manager now” requests',
    count: 'How many',
    within: 'Within minutes',
    outsideHours: 'When the store is closed',
    outside: { hold: 'Hold until it opens', send: 'Send at once', drop: 'Do not send' },
    webhookUrl: 'Webhook URL (optional; leave empty to keep the current one)',
    webhookSecret: 'Webhook secret (16+ characters; leave empty to keep)',
    removeWebhook: 'Remove the webhook (alerts stay in the dashboard)',
    save: 'Save rule',
    cancel: 'Cancel',
  },
} as const;
