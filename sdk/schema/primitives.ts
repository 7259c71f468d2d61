import type * as z from 'zod/mini';
import { primitiveSchemas } from './primitive-schemas.js';

// Built in primitive-schemas.ts on first use; importing this module builds them.
const schemas = primitiveSchemas();

/**
 * An identifier chosen by the retailer: brand, region, store, staff member, device, survey, question.
 * Letters, digits and `._:-`, starting with a letter or digit ("042", "emea-north", "emp-17").
 */
export const IdSchema = schemas.IdSchema;

/** A BCP 47 language tag such as `en`, `en-GB`, `pt-BR` or `zh-Hant-TW`. */
export const LocaleSchema = schemas.LocaleSchema;

/**
 * Human-readable text: a plain string, or a map of locale → string that falls back to `en`.
 * @example "How was your visit?"
 * @example { "en": "How was your visit?", "es": "¿Qué tal su visita?" }
 */
export const LocalizedTextSchema = schemas.LocalizedTextSchema;

export type LocalizedText = z.infer<typeof LocalizedTextSchema>;
