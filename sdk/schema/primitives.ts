import * as z from 'zod/mini';

/**
 * An identifier chosen by the retailer: brand, region, store, staff member, device, survey, question.
 * Letters, digits and `._:-`, starting with a letter or digit ("042", "emea-north", "emp-17").
 */
export const IdSchema = z.string().check(
  z.minLength(1),
  z.maxLength(64),
  z.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'must be letters, digits, ".", "_", ":" or "-", starting with a letter or digit'),
);

/** A BCP 47 language tag such as `en`, `en-GB`, `pt-BR` or `zh-Hant-TW`. */
export const LocaleSchema = z.string().check(
  z.maxLength(35),
  z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en" or "pt-BR"'),
);

const Text = z.string().check(z.maxLength(2000));

/**
 * Human-readable text: a plain string, or a map of locale → string that falls back to `en`.
 * @example "How was your visit?"
 * @example { "en": "How was your visit?", "es": "¿Qué tal su visita?" }
 */
export const LocalizedTextSchema = z.union([Text, z.record(LocaleSchema, Text)]);

export type LocalizedText = z.infer<typeof LocalizedTextSchema>;
