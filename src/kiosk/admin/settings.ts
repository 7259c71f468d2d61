import * as z from 'zod/mini';
import { IdSchema, LocaleSchema } from '../../../sdk/schema/primitives.js';
import { StaffMemberSchema } from '../../../sdk/schema/survey.js';

/** Fewest PBKDF2 iterations a stored PIN hash may claim; anything weaker is refused as corrupt. */
export const MIN_PIN_ITERATIONS = 100_000;

/**
 * A PIN as the device keeps it: never the digits, only a salted PBKDF2-SHA-256 hash (base64).
 * @example { salt: 'q3J0…', hash: 'N2Vh…', iterations: 210000 }
 */
export const PinHashSchema = z.strictObject({
  salt: z.string().check(z.minLength(16), z.maxLength(128), z.regex(/^[A-Za-z0-9+/]+=*$/, 'must be base64')),
  hash: z.string().check(z.minLength(16), z.maxLength(128), z.regex(/^[A-Za-z0-9+/]+=*$/, 'must be base64')),
  // The upper bound keeps a tampered record from freezing the tablet for minutes on every try.
  iterations: z.int().check(z.gte(MIN_PIN_ITERATIONS), z.lte(5_000_000)),
});
export type PinHash = z.infer<typeof PinHashSchema>;

/**
 * The collector's base URL: absolute http(s), or a path on the kiosk's own origin (`/v1`).
 * Other schemes (`javascript:`, `data:`) are refused: the value may come from a URL parameter.
 */
export const EndpointSchema = z.string().check(
  z.maxLength(2048),
  z.regex(/^(https?:\/\/[^\s]+|\/[^\s]*)$/i, 'must be an http(s) URL or a path starting with "/"'),
);

/** A brand's public write key, such as `pk_demo`. */
export const WriteKeySchema = z.string().check(
  z.minLength(1),
  z.maxLength(256),
  z.regex(/^[A-Za-z0-9._~-]+$/, 'must be letters, digits, ".", "_", "~" or "-"'),
);

/** Staff roster size limit, the same as a staff question's roster. */
export const MAX_ROSTER = 200;

/** The fields of {@link KioskSettingsSchema}, one schema each: loading salvages what is valid field by field. */
export const kioskSettingsFields = {
  brand: z.optional(IdSchema),
  region: z.optional(IdSchema),
  store: z.optional(IdSchema),
  device: z.optional(IdSchema),
  survey: z.optional(IdSchema),
  endpoint: z.optional(EndpointSchema),
  key: z.optional(WriteKeySchema),
  staffRoster: z.array(StaffMemberSchema).check(z.maxLength(MAX_ROSTER)),
  onShift: z.array(IdSchema).check(z.maxLength(MAX_ROSTER)),
  languages: z.array(LocaleSchema).check(z.maxLength(20)),
  highContrast: z.boolean(),
  textScale: z.number().check(z.gte(1), z.lte(2)),
  pin: z.optional(PinHashSchema),
};

/**
 * What a kiosk knows about itself, kept in `localStorage` and edited on the admin screen.
 * Strict: an unknown field is an error, never silently dropped (see docs/architecture.md).
 *
 * - `staffRoster`: who may work here (`{ id, name, photo? }`, at most 200, unique ids).
 * - `onShift`: ids from the roster serving at this kiosk now; submissions carry them as `context.staff`.
 * - `languages`: the languages the attract screen offers, first is the default; empty = the widget's own choice.
 * - `textScale`: 1 (default) to 2, multiplies the kiosk's type size.
 * - `pin`: the admin PIN's hash; absent until a manager sets one (the first admin open asks for it).
 *
 * @example
 * const result = z.safeParse(KioskSettingsSchema, { ...DEFAULT_KIOSK_SETTINGS, store: '042', device: 'exit-1' });
 * if (result.success) saveKioskSettings('storevoice:kiosk', result.data);
 */
export const KioskSettingsSchema = z
  .strictObject(kioskSettingsFields)
  .check(
    z.superRefine((settings, ctx) => {
      const seen = new Set<string>();
      settings.staffRoster.forEach((member, index) => {
        if (seen.has(member.id)) ctx.addIssue({ code: 'custom', message: `"${member.id}" is listed twice`, path: ['staffRoster', index, 'id'], input: member.id });
        seen.add(member.id);
      });
      settings.onShift.forEach((id, index) => {
        if (!seen.has(id)) ctx.addIssue({ code: 'custom', message: `"${id}" is not in the staff roster`, path: ['onShift', index], input: id });
      });
    }),
  );

export type KioskSettings = z.infer<typeof KioskSettingsSchema>;

/** A kiosk nobody has set up: no ids, no roster, no PIN (the first admin open asks for one). */
export const DEFAULT_KIOSK_SETTINGS: KioskSettings = Object.freeze({
  staffRoster: [],
  onShift: [],
  languages: [],
  highContrast: false,
  textScale: 1,
}) as KioskSettings;

/** A fresh copy of {@link DEFAULT_KIOSK_SETTINGS}, safe to change. */
export function defaultKioskSettings(): KioskSettings {
  return { ...DEFAULT_KIOSK_SETTINGS, staffRoster: [], onShift: [], languages: [] };
}
