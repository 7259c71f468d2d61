import type { Submission } from '../schema/submission.js';

/** The kinds of personal data {@link scrubText} finds. */
export type PiiKind = 'email' | 'phone' | 'card';

/** What {@link scrubPii} and {@link scrubText} remove. */
export interface ScrubOptions {
  /** Replace e-mail addresses. @default true */
  email?: boolean;
  /** Replace phone numbers (7 to 15 digits, international formats). @default true */
  phone?: boolean;
  /** Replace payment card numbers (13 to 19 digits that pass the Luhn check). @default true */
  card?: boolean;
  /** The text put in place of a match. @default (kind) => `[${kind}]` */
  replace?: (kind: PiiKind, match: string) => string;
}

// No lookbehind anywhere: Safari before 16.4 (still on kiosk iPads) rejects it at parse time, which
// would break the whole bundle. A captured leading character ($1), put back on replace, does the job.
const EMAIL = /(^|[^\p{L}\p{N}._%+-])([\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)/gu;
// One run of digits, or the usual groups (4-4-4-4…, Amex 4-6-5). A looser "digits with any
// separators" would glue a following CVV or date onto the number, fail Luhn, and leak the card.
// Not after "+": that is an international phone number.
const CARD = /(^|[^\d+])(\d{13,19}|\d{4}(?:[ -]\d{4}){2}[ -]\d{1,7}|\d{4}[ -]\d{6}[ -]\d{4,5})(?!\d)/g;
// Optional +country code and (area code), then at most 15 digits with single space/dot/dash separators.
// It never starts inside a number or an ISO/European date ("2026-11-23 10:15" is not a phone number).
const PHONE =
  /(^|[^\w+.-])(?!(?:\d{4}[-./]\d\d?[-./]\d\d?|\d\d?[-./]\d\d?[-./]\d{4})(?!\d))((?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d(?:[ .-]?\d){5,14})(?!\d)/g;
// Decimals ("3.14159265") and dot-grouped thousands ("1.000.000") look like dotted phone numbers.
const NUMBER = /^(\d+\.\d+|\d{1,3}(\.\d{3})+)$/;

const digitCount = (s: string) => s.replace(/\D/g, '').length;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Replace e-mail addresses, phone numbers and payment card numbers in free text.
 * Short numbers ("2 items", "order 123", "2026", "19.99") and dates are left alone. Long bare
 * numbers (7+ digits, such as some order numbers) are taken for phone numbers: we cannot tell
 * them apart, and removing too much beats leaking a shopper's number.
 * @example
 * scrubText('Call me on +44 20 7946 0958 or jo@example.com'); // → 'Call me on [phone] or [email]'
 */
export function scrubText(text: string, options?: ScrubOptions): string {
  const replace = options?.replace ?? ((kind: PiiKind) => `[${kind}]`);
  // E-mail first (an address may contain digits), then cards (a 15-digit Amex would otherwise pass for a phone).
  if (options?.email !== false) text = text.replace(EMAIL, (_, lead: string, m: string) => lead + replace('email', m));
  if (options?.card !== false)
    text = text.replace(CARD, (all, lead: string, m: string) => (luhn(m.replace(/\D/g, '')) ? lead + replace('card', m) : all));
  if (options?.phone !== false)
    text = text.replace(PHONE, (all, lead: string, m: string) =>
      digitCount(m) >= 7 && !NUMBER.test(m) ? lead + replace('phone', m) : all,
    );
  return text;
}

/**
 * Return a copy of `submission` with personal data replaced in its free text: text answers and the
 * `other` text of choice answers (see {@link scrubText}). The `contact` of a consent answer is kept:
 * the shopper typed it on purpose so the store can reply, and scrubbing it would silently break that promise.
 * Context is not touched (the page URL is already stripped of its query by default).
 *
 * Made to be passed directly as the client's `beforeSend` hook.
 * @example
 * createClient({ endpoint, beforeSend: scrubPii });
 * createClient({ endpoint, beforeSend: (s) => scrubPii(s, { phone: false }) });
 */
export function scrubPii(submission: Submission, options?: ScrubOptions): Submission {
  const answers = submission.answers.map((a) =>
    a.type === 'text'
      ? { ...a, value: scrubText(a.value, options) }
      : a.type === 'choice' && a.other !== undefined
        ? { ...a, other: scrubText(a.other, options) }
        : a,
  );
  return { ...submission, answers };
}
