import type { CaseNote } from '../../../../server/cases/types.js';
import type { RootCause } from '../../../../server/settings/schema.js';
import type { PerLocale } from '../../i18n/locales.js';
import { inboxWords as w } from './texts.js';

type PickText = <T>(table: PerLocale<T>) => T;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const isKey = <K extends string>(table: Record<K, unknown>, value: unknown): value is K => typeof value === 'string' && Object.hasOwn(table, value);

/**
 * What an entry of a case's history changed, in words, from its `data` (cases/types.ts,
 * `CaseNoteSchema`): whom a case was assigned to, the statuses it went between, the root cause it
 * was resolved with, how the customer was contacted. Undefined when the entry says it all (a note,
 * an escalation) or its data is not what this dashboard knows: an older or newer collector's entry
 * still shows its kind.
 * @example noteDetail({ kind: 'assigned', data: { assigneeId: 7, assigneeName: 'Sam Store' }, … }, causes, pick) // 'Sam Store'
 */
export function noteDetail(note: Pick<CaseNote, 'kind' | 'data'>, rootCauses: readonly RootCause[], pick: PickText): string | undefined {
  const data = note.data ?? {};
  switch (note.kind) {
    case 'assigned':
      return data['assigneeId'] === null ? pick(w.unassigned) : text(data['assigneeName']);
    case 'status':
    case 'reopened': {
      const { from, to } = data;
      return isKey(w.statuses, from) && isKey(w.statuses, to) ? `${pick(w.statuses[from])} ${pick(w.statusArrow)} ${pick(w.statuses[to])}` : undefined;
    }
    case 'resolved': {
      const cause = text(data['rootCause']);
      return cause && (rootCauses.find((c) => c.id === cause)?.label ?? cause);
    }
    case 'contact_attempt': {
      const { method, outcome } = data;
      if (!isKey(w.contactMethods, method)) return undefined;
      return isKey(w.contactOutcomes, outcome) ? `${pick(w.contactMethods[method])}, ${pick(w.contactOutcomes[outcome])}` : pick(w.contactMethods[method]);
    }
    default:
      return undefined;
  }
}
