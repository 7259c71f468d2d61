import type { PerLocale } from '../../i18n/locales.js';

/** The inbox's title in every language (the navigation and the heading). */
export const inboxTexts = {
  title: { en: 'Inbox', es: 'Bandeja', fr: 'À traiter', de: 'Posteingang', 'pt-BR': 'Caixa de entrada', ar: 'صندوق الوارد', he: 'תיבת פניות', ja: '受信トレイ' },
} satisfies Record<string, PerLocale<string>>;

/**
 * The inbox's working texts. English only for now: the other seven catalogs get them with the
 * next translation pass (the dashboard falls back to these).
 */
export const inboxWords = {
  counts: (active: number, overdue: number, escalated: number) => `${active} open · ${overdue} overdue · ${escalated} escalated`,
  empty: 'Nothing needs you now: no open cases.',
  reasons: { manager_requested: 'Speak to a manager now', detractor_with_contact: 'Unhappy, wants to be contacted', detractor: 'Unhappy customer' },
  statuses: { open: 'Open', in_progress: 'In progress', resolved: 'Resolved' },
  overdue: 'Overdue',
  escalated: 'Escalated',
  due: 'Due',
  given: 'Given',
  assignee: 'Assigned to',
  nobody: 'Nobody yet',
  open: 'Open case',
  close: 'Back to the list',
  answers: 'Answers',
  staff: 'Staff member',
  staffWithheld: 'A staff member (not named: too few responses)',
  contact: 'Contact',
  contactNote: 'Following a link records a contact attempt on the case.',
  erased: 'Erased',
  history: 'History',
  take: 'Take it',
  note: 'Note',
  addNote: 'Add note',
  reassign: 'Reassign to',
  reassignButton: 'Reassign',
  rootCause: 'Root cause',
  resolution: 'What was done',
  resolve: 'Resolve',
  reopen: 'Reopen',
  conflict: 'Someone else changed this case meanwhile. It has been reloaded; what you typed is kept — check and try again.',
  metrics: 'Closing the loop',
  metricColumns: ['Place', 'Open', 'Overdue', 'Median first response', 'Median time to resolve', 'Resolved on time', 'Top root causes'],
  minutes: (n: number | null) => (n === null ? '—' : n < 90 ? `${Math.round(n)} min` : `${(n / 60).toFixed(1)} h`),
  alerting: 'Alerts on this device',
  soundOn: 'Sound for “speak to a manager now”: on',
  soundOff: 'Sound for “speak to a manager now”: off',
  notify: 'Allow browser notifications',
  notifyGranted: 'Browser notifications are on',
  notifyDenied: 'Browser notifications are blocked in this browser’s settings',
  saved: 'Saved',
  save: 'Save',
  rootCauses: 'Root causes of the brand',
  rootCausesHelp: 'One per line, as id: label (ids are kept on resolved cases; labels can change)',
  failed: (message: string) => `Not saved: ${message}`,
} as const;
