import * as z from 'zod';
import { IdSchema } from '../../../sdk/index.js';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof DAYS)[number];
export const WEEKDAYS: readonly Weekday[] = DAYS;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** `HH:MM` on a 24-hour clock; `24:00` closes at midnight. */
export const TimeOfDaySchema = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be a time HH:MM between 00:00 and 24:00');

/** `["09:00", "20:00"]`: open from, closed at; store-local time, same day. */
export const OpeningIntervalSchema = z
  .array(TimeOfDaySchema)
  .length(2, 'must be [opens, closes]')
  .refine(([opens, closes]) => opens! < closes!, 'must open before it closes (split intervals that pass midnight)')
  .transform(([opens, closes]) => [opens, closes] as [string, string]);

/**
 * Opening hours by weekday in the store's time zone. A day left out or `[]` is closed; a store
 * without `openingHours` counts as always open.
 */
export const OpeningHoursSchema = z.strictObject(Object.fromEntries(DAYS.map((day) => [day, z.array(OpeningIntervalSchema).max(4).optional()])) as Record<Weekday, z.ZodOptional<z.ZodArray<typeof OpeningIntervalSchema>>>);
export type OpeningHours = z.infer<typeof OpeningHoursSchema>;

export const TimeZoneSchema = z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Stockholm');

/** A public write key: `pk_` by convention, letters, digits, `_`, `-`, `.`. */
export const WriteKeySchema = z.string().min(3).max(200).regex(/^[A-Za-z0-9_.-]+$/, 'must be letters, digits, "_", "-" or "."');

export const StaffEntrySchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1).max(100),
  photoUrl: z.string().max(2048).optional(),
  /** Former staff stay in the hierarchy (their feedback keeps its names) but leave rosters. @default true */
  active: z.boolean().optional(),
});
/**
 * A device of a store: a kiosk or till tablet, by the id it sends as `context.device`. Listed
 * devices get an ingest rate-limit bucket of their own; ids nobody listed share one per write key.
 */
export const DeviceEntrySchema = z.strictObject({
  id: IdSchema,
  /** For people: "Exit kiosk", "Till 2". */
  name: z.string().min(1).max(100).optional(),
});
export const StoreEntrySchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1).max(200),
  timeZone: TimeZoneSchema.default('UTC'),
  openingHours: OpeningHoursSchema.optional(),
  staff: z.array(StaffEntrySchema).default([]),
  devices: z.array(DeviceEntrySchema).max(1000).default([]),
});
export const RegionEntrySchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1).max(200),
  stores: z.array(StoreEntrySchema).default([]),
});
export const BrandEntrySchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1).max(200),
  writeKeys: z.array(WriteKeySchema).default([]),
  regions: z.array(RegionEntrySchema).default([]),
});

/** Store, staff and device ids are unique within a brand (the database's keys), not only within a parent. */
function checkUniqueIds(file: { brands: Array<z.infer<typeof BrandEntrySchema>> }, ctx: z.RefinementCtx): void {
  const brandIds = new Set<string>();
  const keys = new Set<string>();
  file.brands.forEach((brand, b) => {
    if (brandIds.has(brand.id)) ctx.addIssue({ code: 'custom', path: ['brands', b, 'id'], message: `brand "${brand.id}" appears twice` });
    brandIds.add(brand.id);
    brand.writeKeys.forEach((key, k) => {
      if (keys.has(key)) ctx.addIssue({ code: 'custom', path: ['brands', b, 'writeKeys', k], message: `write key "${key}" appears twice` });
      keys.add(key);
    });
    const regions = new Set<string>();
    const stores = new Set<string>();
    const staff = new Set<string>();
    const devices = new Set<string>();
    brand.regions.forEach((region, r) => {
      if (regions.has(region.id)) ctx.addIssue({ code: 'custom', path: ['brands', b, 'regions', r, 'id'], message: `region "${region.id}" appears twice in brand "${brand.id}"` });
      regions.add(region.id);
      region.stores.forEach((store, s) => {
        if (stores.has(store.id)) ctx.addIssue({ code: 'custom', path: ['brands', b, 'regions', r, 'stores', s, 'id'], message: `store "${store.id}" appears twice in brand "${brand.id}"` });
        stores.add(store.id);
        store.staff.forEach((member, m) => {
          if (staff.has(member.id)) ctx.addIssue({ code: 'custom', path: ['brands', b, 'regions', r, 'stores', s, 'staff', m, 'id'], message: `staff "${member.id}" appears twice in brand "${brand.id}"` });
          staff.add(member.id);
        });
        store.devices.forEach((device, d) => {
          if (devices.has(device.id)) ctx.addIssue({ code: 'custom', path: ['brands', b, 'regions', r, 'stores', s, 'devices', d, 'id'], message: `device "${device.id}" appears twice in brand "${brand.id}"` });
          devices.add(device.id);
        });
      });
    });
  });
}

/**
 * The hierarchy file (docs/collector.md "Hierarchy file"): brands → regions → stores → staff and
 * devices, with each brand's write keys.
 */
export const HierarchyFileSchema = z.strictObject({ brands: z.array(BrandEntrySchema) }).superRefine(checkUniqueIds);
/** A validated hierarchy file (defaults applied). */
export type HierarchyFile = z.infer<typeof HierarchyFileSchema>;
/** What may be passed in: defaults (`timeZone`, `staff`, …) may be left out. */
export type HierarchyFileInput = z.input<typeof HierarchyFileSchema>;

/** A hierarchy that cannot be imported; the message lists every problem with its path or line. */
export class HierarchyError extends Error {
  override name = 'HierarchyError';
  constructor(
    message: string,
    readonly issues: ReadonlyArray<{ path: string; message: string }> = [],
  ) {
    super(message);
  }
}

/** `brands[0].regions[1].stores[2].id` */
export const issuePath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');

/** Validates with `schema`, or throws a {@link HierarchyError} naming every problem. */
export function parseHierarchy<S extends z.ZodType>(schema: S, value: unknown, subject = 'hierarchy'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message }));
  throw new HierarchyError(`Invalid ${subject}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`, issues);
}
