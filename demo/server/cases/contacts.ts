import type { Answer, Submission } from '../../../sdk/index.js';

/** How a customer can be reached; `other` is kept as typed and shown without a link. */
export type ContactKind = 'email' | 'phone' | 'other';

/** Contact details given with consent, as stored in `submission_contacts`. */
export interface ContactDetail {
  kind: ContactKind;
  value: string;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
// Digits with the usual separators; at least six digits so "no" or "asap" are not phone numbers.
const PHONE = /^\+?[\d\s().\-/]+$/;

/** `email` or `phone` when the text is one, `other` otherwise. */
export function contactKindOf(value: string): ContactKind {
  if (EMAIL.test(value)) return 'email';
  if (PHONE.test(value) && value.replace(/\D/g, '').length >= 6) return 'phone';
  return 'other';
}

/**
 * The contact details of a submission: the first consent answer answered yes with a non-blank
 * `contact`. None for employee pulse (anonymous by design, privacy/pulse.ts) or without consent:
 * a contact typed and then not consented to is not kept.
 */
export function contactOf(submission: Pick<Submission, 'context' | 'answers'>): ContactDetail | null {
  if (submission.context.channel === 'employee') return null;
  for (const answer of submission.answers) {
    if (answer.type !== 'consent' || answer.value !== true) continue;
    const value = answer.contact?.trim();
    if (value) return { kind: contactKindOf(value), value };
  }
  return null;
}

const withoutContact = (answer: Answer): Answer => {
  if (answer.type !== 'consent' || answer.contact === undefined) return answer;
  const copy = { ...answer };
  delete copy.contact;
  return copy;
};

/**
 * The submission without any contact details: what is stored as its body, so no path but a case
 * (stats, comments, exports, webhooks, events) can show them. The answer itself (yes or no) stays.
 */
export function withoutContactDetails<S extends Pick<Submission, 'answers'>>(submission: S): S {
  if (!submission.answers.some((answer) => answer.type === 'consent' && answer.contact !== undefined)) return submission;
  return { ...submission, answers: submission.answers.map(withoutContact) };
}

/**
 * The link a dashboard puts on contact details: `mailto:` for an e-mail address, `tel:` (digits
 * and a leading +) for a phone number, none otherwise. Built only from validated characters, so
 * it can never be a `javascript:` URL.
 */
export function contactHref(contact: ContactDetail): string | null {
  if (contact.kind === 'email' && EMAIL.test(contact.value)) return `mailto:${encodeURIComponent(contact.value).replace('%40', '@')}`;
  if (contact.kind === 'phone') {
    const digits = contact.value.replace(/\D/g, '');
    return digits ? `tel:${contact.value.trim().startsWith('+') ? '+' : ''}${digits}` : null;
  }
  return null;
}
