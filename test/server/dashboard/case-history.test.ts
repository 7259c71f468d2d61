import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PerLocale } from '../../../demo/pages/dashboard/i18n/locales.js';
import { noteDetail } from '../../../demo/pages/dashboard/views/inbox/history-entry.js';
import { DEFAULT_ROOT_CAUSES } from '../../../demo/server/settings/schema.js';

const pickIn =
  (locale: 'en' | 'he' | 'de') =>
  <T>(table: PerLocale<T>): T =>
    table[locale];
const en = pickIn('en');

describe("a case's history says what each entry changed (dashboard, pure)", () => {
  it('names the assignee, or no one when the case was unassigned', () => {
    assert.equal(noteDetail({ kind: 'assigned', data: { from: null, assigneeId: 7, assigneeName: 'Sam Store' } }, DEFAULT_ROOT_CAUSES, en), 'Sam Store');
    assert.equal(noteDetail({ kind: 'assigned', data: { from: 7, assigneeId: null } }, DEFAULT_ROOT_CAUSES, en), 'No one');
  });

  it('gives the statuses in the reader\'s language, the arrow pointing the way the line reads', () => {
    assert.equal(noteDetail({ kind: 'status', data: { from: 'open', to: 'in_progress' } }, DEFAULT_ROOT_CAUSES, en), 'Open → In progress');
    assert.equal(noteDetail({ kind: 'reopened', data: { from: 'resolved', to: 'open' } }, DEFAULT_ROOT_CAUSES, pickIn('de')), 'Erledigt → Offen');
    assert.equal(noteDetail({ kind: 'status', data: { from: 'open', to: 'in_progress' } }, DEFAULT_ROOT_CAUSES, pickIn('he')), 'פתוחה ← בטיפול');
  });

  it("names the root cause by the brand's label, and the contact method and outcome", () => {
    const causes = [{ id: 'queue', label: 'Long queues' }];
    assert.equal(noteDetail({ kind: 'resolved', data: { from: 'in_progress', rootCause: 'queue' } }, causes, en), 'Long queues');
    assert.equal(noteDetail({ kind: 'resolved', data: { rootCause: 'gone' } }, causes, en), 'gone', 'a cause the brand has since removed keeps its id');
    assert.equal(noteDetail({ kind: 'contact_attempt', data: { method: 'email', outcome: null } }, causes, en), 'E-mail');
    assert.equal(noteDetail({ kind: 'contact_attempt', data: { method: 'phone', outcome: 'left_message' } }, causes, en), 'Phone, message left');
  });

  it('adds nothing for entries that say it all, or data it does not know', () => {
    assert.equal(noteDetail({ kind: 'note', data: null }, DEFAULT_ROOT_CAUSES, en), undefined);
    assert.equal(noteDetail({ kind: 'escalated', data: { regionId: 'north' } }, DEFAULT_ROOT_CAUSES, en), undefined);
    assert.equal(noteDetail({ kind: 'status', data: { from: 'open', to: 'archived' } }, DEFAULT_ROOT_CAUSES, en), undefined);
    assert.equal(noteDetail({ kind: 'contact_attempt', data: { method: 'pigeon' } }, DEFAULT_ROOT_CAUSES, en), undefined);
    assert.equal(noteDetail({ kind: 'assigned', data: { assigneeId: 3, assigneeName: '' } }, DEFAULT_ROOT_CAUSES, en), undefined);
    assert.equal(noteDetail({ kind: 'status', data: { from: 'toString', to: 'open' } }, DEFAULT_ROOT_CAUSES, en), undefined, 'own keys only');
  });
});
