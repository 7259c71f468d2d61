/**
 * Finding a person's contact details however they were typed: one regular expression, valid both
 * in JavaScript and in PostgreSQL (`~*`), so the database finds the rows and the same pattern
 * redacts a quote inside a case note.
 *
 * - E-mail: case and spaces do not matter (`Jane.Doe @Example.com` is `jane.doe@example.com`).
 * - Phone: separators do not matter (spaces, `-`, `.`, `/`, parentheses), `00` is `+`, and as the
 *   country is unknown a national number (`070 123 45 67`) also matches an international one with
 *   a country code of 1–3 digits (`+46 70 123 45 67`), and the other way round.
 */

/** A contact to look for, normalised. */
export type ContactQuery = { kind: 'email'; value: string } | { kind: 'phone'; value: string };

/** What may stand between the digits of a phone number as people type it. */
const SEPARATORS = '[- ()./]*';
/** The fewest digits a phone number has here (as `contactKindOf` in cases/contacts.ts). */
export const MIN_PHONE_DIGITS = 6;

/** `Jane.Doe @Example.COM ` → `jane.doe@example.com`. */
export const normaliseEmail = (value: string): string => value.replace(/\s+/g, '').toLowerCase();

/** `+46 (0)70-123 45 67` → `+46701234567`; `0046…` → `+46…`; a national number keeps its 0. */
export function normalisePhone(value: string): string {
  const trimmed = value.trim();
  // "(0)" in an international number is the trunk prefix written for people dialling at home.
  const digits = trimmed.replace(/\(0\)/g, '').replace(/\D/g, '');
  if (trimmed.startsWith('+')) return `+${digits}`;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  return digits;
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const spaced = (digits: string): string => digits.split('').join(SEPARATORS);

/**
 * The pattern of a contact: group 1 and 3 are the boundaries (kept when redacting), group 2 the
 * contact as typed. Case-insensitive (`~*` in SQL, flag `i` in JavaScript).
 */
export function contactPattern(query: ContactQuery): string {
  if (query.kind === 'email') return `(^|[^a-z0-9._%+-])(${escapeRegex(query.value)})($|[^a-z0-9_-])`;
  const forms: string[] = [];
  if (query.value.startsWith('+')) {
    const digits = query.value.slice(1);
    forms.push(`(?:[+]|00)${SEPARATORS}${spaced(digits)}`, spaced(digits));
    // The same number written nationally: a trunk 0 instead of a country code of 1–3 digits.
    for (let code = 1; code <= 3; code++) {
      const national = digits.slice(code);
      if (national.length >= MIN_PHONE_DIGITS) forms.push(`0${SEPARATORS}${spaced(national)}`);
    }
  } else if (query.value.startsWith('0') && query.value.length > MIN_PHONE_DIGITS) {
    forms.push(spaced(query.value), `(?:[+]|00)${SEPARATORS}[0-9]{1,3}${SEPARATORS}(?:[(]0[)])?${SEPARATORS}${spaced(query.value.slice(1))}`);
  } else {
    forms.push(spaced(query.value));
  }
  return `(^|[^0-9+])(${forms.map((f) => `(?:${f})`).join('|')})($|[^0-9])`;
}

/** The pattern as a JavaScript expression that finds every occurrence. */
export const contactRegExp = (query: ContactQuery): RegExp => new RegExp(contactPattern(query), 'gi');

/** `text` with every occurrence of the contact replaced by `[erased]`. */
export function redactContact(text: string, query: ContactQuery): string {
  // The boundaries are kept; a second pass catches occurrences that shared one.
  const once = (t: string) => t.replace(contactRegExp(query), (_match, before: string, _contact: string, after: string) => `${before}[erased]${after}`);
  return once(once(text));
}
