import * as z from 'zod/mini';
import { once } from '../internal/once.js';

/**
 * The primitive schemas (ids, language tags, localized text), built on first use; `primitives.ts`
 * exports them built. The script tag needs them only to check a survey definition, after its
 * script has run: building them at its load would lengthen the task that evaluates it.
 */
export const primitiveSchemas = once(() => {
  const IdSchema = z.string().check(
    z.minLength(1),
    z.maxLength(64),
    z.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'must be letters, digits, ".", "_", ":" or "-", starting with a letter or digit'),
  );
  const LocaleSchema = z.string().check(
    z.maxLength(35),
    z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en" or "pt-BR"'),
  );
  const Text = z.string().check(z.maxLength(2000));
  const LocalizedTextSchema = z.union([Text, z.record(LocaleSchema, Text)]);
  return { IdSchema, LocaleSchema, LocalizedTextSchema };
});
