import * as z from 'zod/mini';
import { primitiveSchemas } from '../schema/primitive-schemas.js';

/** `tag` when it is a language tag submissions may carry (`LocaleSchema`), otherwise `undefined`. */
export const validLocale = (tag: string | undefined): string | undefined => (tag && z.safeParse(primitiveSchemas().LocaleSchema, tag).success ? tag : undefined);

/** The browser's language (`navigator.language`) when it is a valid tag; `undefined` in Node and during SSR. */
export const browserLocale = (): string | undefined => validLocale(globalThis.navigator?.language);
