import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/database.js';
import { invalidateHierarchyCache } from '../ingest/resolve.js';
import { invalidateWriteKeys } from '../ingest/write-keys.js';
import { parseHierarchyCsv } from './csv.js';
import { HierarchyError, HierarchyFileSchema, parseHierarchy, type HierarchyFile, type HierarchyFileInput } from './schema.js';

/** How many entries the imported file held (each one inserted or updated). */
export interface HierarchyImportReport {
  brands: number;
  regions: number;
  stores: number;
  staff: number;
  devices: number;
  writeKeys: number;
}

/**
 * Upserts a hierarchy (JSON object or parsed CSV) in one transaction: names, regions of stores,
 * stores of staff, time zones and opening hours are updated; nothing missing from the file is
 * deleted (use the admin API for that), so importing the same file twice changes nothing.
 * Write keys are added; a revoked key stays revoked; a key of another brand is an error.
 * @throws HierarchyError listing every problem (nothing is stored then)
 */
export async function importHierarchy(ctx: Pick<AppContext, 'db' | 'log'>, file: HierarchyFileInput): Promise<HierarchyImportReport> {
  const hierarchy = parseHierarchy(HierarchyFileSchema, file);
  const report = await ctx.db.transaction((tx) => upsertAll(tx, hierarchy));
  invalidateWriteKeys(ctx);
  invalidateHierarchyCache(ctx.db);
  ctx.log.info('hierarchy imported', { ...report });
  return report;
}

/**
 * Reads a hierarchy file for {@link importHierarchy}: `.csv` as CSV, anything else as JSON.
 * @throws HierarchyError when the file is not parseable
 */
export async function loadHierarchyFile(path: string): Promise<HierarchyFileInput> {
  const text = await readFile(path, 'utf8');
  if (extname(path).toLowerCase() === '.csv') return parseHierarchyCsv(text);
  try {
    return JSON.parse(text) as HierarchyFileInput;
  } catch (error) {
    throw new HierarchyError(`${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

// Each level in one statement (jsonb_to_recordset): a few thousand stores import in milliseconds.
async function upsertAll(tx: Queryable, file: HierarchyFile): Promise<HierarchyImportReport> {
  const brands = file.brands.map((b) => ({ id: b.id, name: b.name }));
  const keys = file.brands.flatMap((b) => b.writeKeys.map((key) => ({ key, brand_id: b.id })));
  const regions = file.brands.flatMap((b) => b.regions.map((r) => ({ brand_id: b.id, id: r.id, name: r.name })));
  const stores = file.brands.flatMap((b) =>
    b.regions.flatMap((r) => r.stores.map((s) => ({ brand_id: b.id, id: s.id, region_id: r.id, name: s.name, time_zone: s.timeZone, opening_hours: s.openingHours ?? null }))),
  );
  const staff = file.brands.flatMap((b) =>
    b.regions.flatMap((r) => r.stores.flatMap((s) => s.staff.map((m) => ({ brand_id: b.id, id: m.id, store_id: s.id, name: m.name, photo_url: m.photoUrl ?? null, active: m.active ?? true })))),
  );
  const devices = file.brands.flatMap((b) => b.regions.flatMap((r) => r.stores.flatMap((s) => s.devices.map((d) => ({ brand_id: b.id, id: d.id, store_id: s.id, name: d.name ?? null })))));
  const json = (rows: unknown[]) => [JSON.stringify(rows)];

  await tx.query(
    `INSERT INTO brands (id, name) SELECT id, name FROM jsonb_to_recordset($1::text::jsonb) AS r(id text, name text)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name`,
    json(brands),
  );
  const foreign = await tx.query<{ key: string; brand_id: string }>(
    `SELECT k.key, k.brand_id FROM write_keys k JOIN jsonb_to_recordset($1::text::jsonb) AS r(key text, brand_id text) ON r.key = k.key WHERE k.brand_id <> r.brand_id`,
    json(keys),
  );
  if (foreign.length > 0) throw new HierarchyError(`Write key(s) already belong to another brand: ${foreign.map((f) => `${f.key} (${f.brand_id})`).join(', ')}`);
  await tx.query(
    `INSERT INTO write_keys (key, brand_id) SELECT key, brand_id FROM jsonb_to_recordset($1::text::jsonb) AS r(key text, brand_id text) ON CONFLICT (key) DO NOTHING`,
    json(keys),
  );
  await tx.query(
    `INSERT INTO regions (brand_id, id, name) SELECT brand_id, id, name FROM jsonb_to_recordset($1::text::jsonb) AS r(brand_id text, id text, name text)
     ON CONFLICT (brand_id, id) DO UPDATE SET name = EXCLUDED.name`,
    json(regions),
  );
  await tx.query(
    `INSERT INTO stores (brand_id, id, region_id, name, time_zone, opening_hours)
     SELECT brand_id, id, region_id, name, time_zone, opening_hours FROM jsonb_to_recordset($1::text::jsonb)
       AS r(brand_id text, id text, region_id text, name text, time_zone text, opening_hours jsonb)
     ON CONFLICT (brand_id, id) DO UPDATE SET region_id = EXCLUDED.region_id, name = EXCLUDED.name, time_zone = EXCLUDED.time_zone, opening_hours = EXCLUDED.opening_hours`,
    json(stores),
  );
  await tx.query(
    `INSERT INTO staff (brand_id, id, store_id, name, photo_url, active)
     SELECT brand_id, id, store_id, name, photo_url, active FROM jsonb_to_recordset($1::text::jsonb)
       AS r(brand_id text, id text, store_id text, name text, photo_url text, active boolean)
     ON CONFLICT (brand_id, id) DO UPDATE SET store_id = EXCLUDED.store_id, name = EXCLUDED.name, photo_url = EXCLUDED.photo_url, active = EXCLUDED.active`,
    json(staff),
  );
  await tx.query(
    `INSERT INTO devices (brand_id, id, store_id, name)
     SELECT brand_id, id, store_id, name FROM jsonb_to_recordset($1::text::jsonb) AS r(brand_id text, id text, store_id text, name text)
     ON CONFLICT (brand_id, id) DO UPDATE SET store_id = EXCLUDED.store_id, name = EXCLUDED.name`,
    json(devices),
  );
  return { brands: brands.length, regions: regions.length, stores: stores.length, staff: staff.length, devices: devices.length, writeKeys: keys.length };
}
