import * as z from 'zod';
import { MIN_PHONE_DIGITS, normaliseEmail, normalisePhone, type ContactQuery } from './contact-match.js';

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const PHONE_CHARACTERS = /^\+?[\d\s().\-/]+$/;

/**
 * A request about one person: the contact they gave (an e-mail address or a phone number, as
 * typed: it is normalised), who asks, and optionally the brand it is limited to.
 * @example { "email": "Jane.Doe@example.com", "actor": "dpo@acme.example (ticket 4711)" }
 * @example { "phone": "+46 70-123 45 67", "brand": "acme", "actor": "support: Sam" }
 */
export const ContactRequestSchema = z
  .strictObject({
    /** The person's e-mail address; case and spaces do not matter. */
    email: z
      .string()
      .max(320, 'must be at most 320 characters')
      .transform(normaliseEmail)
      .refine((email) => EMAIL.test(email), 'must be an e-mail address such as jane@example.com')
      .optional(),
    /** The person's phone number; spaces, dashes, dots, slashes, parentheses and 00/+ do not matter. */
    phone: z
      .string()
      .max(50, 'must be at most 50 characters')
      .refine((phone) => PHONE_CHARACTERS.test(phone.trim()), 'must be a phone number: digits, spaces, + - . / ( )')
      .transform(normalisePhone)
      .refine((phone) => phone.replace(/\D/g, '').length >= MIN_PHONE_DIGITS && phone.replace(/\D/g, '').length <= 20, `must have ${MIN_PHONE_DIGITS} to 20 digits`)
      .optional(),
    /** Only this brand's data. @default every brand */
    brand: z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters').optional(),
    /** Who asks, for the audit log: a name, an e-mail address, a ticket number. */
    actor: z.string().trim().min(1, 'must say who asks (a name, an e-mail address or a ticket), for the audit log').max(200, 'must be at most 200 characters'),
  })
  .superRefine((request, issues) => {
    if ((request.email === undefined) === (request.phone === undefined)) {
      issues.addIssue({ code: 'custom', path: request.email === undefined ? ['email'] : ['phone'], message: 'give exactly one of email and phone' });
    }
  });
export type ContactRequest = z.infer<typeof ContactRequestSchema>;
export type ContactRequestInput = z.input<typeof ContactRequestSchema>;

/** The contact a validated request looks for. */
export const queryOf = (request: ContactRequest): ContactQuery => (request.email !== undefined ? { kind: 'email', value: request.email } : { kind: 'phone', value: request.phone! });
