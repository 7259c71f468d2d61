import type { Queryable } from '../db/database.js';
import type { HierarchyFile, OpeningHours } from './schema.js';

/**
 * The stored hierarchy in the hierarchy file format (JSON), for backups, for editing and
 * re-importing, and for the dashboard's pickers. Revoked write keys are left out.
 */
export async function exportHierarchy(db: Queryable, brandId?: string): Promise<HierarchyFile> {
  const filter = brandId === undefined ? '' : 'WHERE brand_id = $1';
  const params = brandId === undefined ? [] : [brandId];
  const [brands, keys, regions, stores, staff, devices] = await Promise.all([
    db.query<{ id: string; name: string }>(`SELECT id, name FROM brands ${brandId === undefined ? '' : 'WHERE id = $1'} ORDER BY id`, params),
    db.query<{ key: string; brand_id: string }>(`SELECT key, brand_id FROM write_keys ${filter ? `${filter} AND` : 'WHERE'} revoked_at IS NULL ORDER BY created_at, key`, params),
    db.query<{ brand_id: string; id: string; name: string }>(`SELECT brand_id, id, name FROM regions ${filter} ORDER BY id`, params),
    db.query<{ brand_id: string; id: string; region_id: string; name: string; time_zone: string; opening_hours: OpeningHours | null }>(
      `SELECT brand_id, id, region_id, name, time_zone, opening_hours FROM stores ${filter} ORDER BY id`,
      params,
    ),
    db.query<{ brand_id: string; id: string; store_id: string; name: string; photo_url: string | null; active: boolean }>(
      `SELECT brand_id, id, store_id, name, photo_url, active FROM staff ${filter} ORDER BY id`,
      params,
    ),
    db.query<{ brand_id: string; id: string; store_id: string; name: string | null }>(`SELECT brand_id, id, store_id, name FROM devices ${filter} ORDER BY id`, params),
  ]);
  return {
    brands: brands.map((brand) => ({
      id: brand.id,
      name: brand.name,
      writeKeys: keys.filter((k) => k.brand_id === brand.id).map((k) => k.key),
      regions: regions
        .filter((r) => r.brand_id === brand.id)
        .map((region) => ({
          id: region.id,
          name: region.name,
          stores: stores
            .filter((s) => s.brand_id === brand.id && s.region_id === region.id)
            .map((store) => {
              const own = devices.filter((d) => d.brand_id === brand.id && d.store_id === store.id).map((d) => ({ id: d.id, ...(d.name !== null && { name: d.name }) }));
              return {
                id: store.id,
                name: store.name,
                timeZone: store.time_zone,
                ...(store.opening_hours && { openingHours: store.opening_hours }),
                staff: staff
                  .filter((m) => m.brand_id === brand.id && m.store_id === store.id)
                  .map((m) => ({ id: m.id, name: m.name, ...(m.photo_url && { photoUrl: m.photo_url }), ...(!m.active && { active: false }) })),
                devices: own,
              };
            }),
        })),
    })),
  };
}
