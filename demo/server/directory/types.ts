/**
 * The answer of `GET /v1/directory` as a zod schema shared with the dashboard, which validates
 * the answer with it (see stats/types.ts for why). zod/mini and nothing else imported here: this
 * file ends up in the browser bundle.
 */
import * as z from 'zod/mini';

const named = { id: z.string(), name: z.string() };

export const DirectoryRegionSchema = z.object(named);
export type DirectoryRegion = z.infer<typeof DirectoryRegionSchema>;

export const DirectoryStoreSchema = z.object({
  ...named,
  regionId: z.string(),
  /** IANA time zone (`Europe/Oslo`): the dashboard shows the store's feedback in store-local time. */
  timeZone: z.string(),
});
export type DirectoryStore = z.infer<typeof DirectoryStoreSchema>;

export const DirectoryStaffSchema = z.object({
  ...named,
  storeId: z.string(),
  /** false for people who left: their past feedback still shows their name. */
  active: z.boolean(),
});
export type DirectoryStaff = z.infer<typeof DirectoryStaffSchema>;

/**
 * The names of everything the signed-in user may see, and nothing else: corporate → the brand;
 * regional → their region, its stores and staff; store manager → their region's name, their
 * store and its staff; staff → their region's name, their store and themselves.
 */
export const DirectoryResponseSchema = z.object({
  brand: z.object(named),
  regions: z.array(DirectoryRegionSchema),
  stores: z.array(DirectoryStoreSchema),
  staff: z.array(DirectoryStaffSchema),
});
export type DirectoryResponse = z.infer<typeof DirectoryResponseSchema>;
