import type { Queryable } from '../db/database.js';
import type { ScoreMetric, Targets } from '../stats/types.js';
import type { TargetInput, TargetKey } from './schema.js';

/** One stored target. */
export interface Target {
  level: 'brand' | 'region' | 'store';
  /** null for the brand. */
  id: string | null;
  metric: ScoreMetric;
  value: number;
  updatedAt: string;
}

interface Row extends Record<string, unknown> {
  level: Target['level'];
  scope_id: string;
  metric: ScoreMetric;
  value: number;
  updated_at: Date;
}

/** Every target of a brand. */
export async function listTargets(db: Queryable, brandId: string): Promise<Target[]> {
  const rows = await db.query<Row>('SELECT level, scope_id, metric, value::float8 AS value, updated_at FROM targets WHERE brand_id = $1 ORDER BY level, scope_id, metric', [brandId]);
  return rows.map((r) => ({ level: r.level, id: r.scope_id === '' ? null : r.scope_id, metric: r.metric, value: r.value, updatedAt: r.updated_at.toISOString() }));
}

export async function saveTarget(db: Queryable, brandId: string, target: TargetInput, userId: number, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO targets (brand_id, level, scope_id, metric, value, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (brand_id, level, scope_id, metric) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    [brandId, target.level, target.id ?? '', target.metric, target.value, userId, now],
  );
}

export async function deleteTarget(db: Queryable, brandId: string, key: TargetKey): Promise<boolean> {
  const rows = await db.query('DELETE FROM targets WHERE brand_id = $1 AND level = $2 AND scope_id = $3 AND metric = $4 RETURNING metric', [brandId, key.level, key.id ?? '', key.metric]);
  return rows.length > 0;
}

const NONE: Targets = { nps: null, csat: null, smiley: null, stars: null };

/**
 * Resolves targets the way managers set them: a store's own, else its region's, else the brand's.
 * `regionOf` gives a store's region (from the hierarchy).
 */
export function targetResolver(targets: readonly Target[], regionOf: (store: string) => string | undefined) {
  const find = (level: Target['level'], id: string | null, metric: ScoreMetric) => targets.find((t) => t.level === level && t.id === id && t.metric === metric)?.value;
  const resolve = (chain: Array<[Target['level'], string | null]>): Targets => {
    const out: Targets = { ...NONE };
    for (const metric of Object.keys(NONE) as ScoreMetric[]) {
      for (const [level, id] of chain) {
        const value = find(level, id, metric);
        if (value !== undefined) {
          out[metric] = value;
          break;
        }
      }
    }
    return out;
  };
  return {
    brand: () => resolve([['brand', null]]),
    region: (region: string) => resolve([['region', region], ['brand', null]]),
    store: (store: string) => {
      const region = regionOf(store);
      return resolve([['store', store], ...(region ? ([['region', region]] as Array<[Target['level'], string]>) : []), ['brand', null]]);
    },
    /** Individuals have no targets. */
    none: (): Targets => ({ ...NONE }),
  };
}
export type TargetResolver = ReturnType<typeof targetResolver>;
