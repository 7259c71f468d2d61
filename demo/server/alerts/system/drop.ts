import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.js';
import { loadBrandSettings } from '../../settings/repository.js';
import { rankMovers } from '../../stats/movers.js';
import { addDays } from '../../stats/period.js';
import { groupCounts } from '../../stats/queries/rollup.js';
import type { Filter } from '../../stats/scope.js';
import { raiseSystemAlert } from '../evaluate/raise.js';
import { loadStore } from '../evaluate/stores.js';
import { startPeriodic } from '../../periodic.js';

/** What one check did, for logs and tests. */
export interface DropCheckSummary {
  /** Stores whose drop started an episode (and raised its alert) on this check. */
  raised: string[];
  /** Stores whose episode ended on this check (back within the threshold, or too few answers). */
  recovered: string[];
}

/**
 * Checks every brand's stores for a drop beyond the brand's threshold (settings `alerts.drop`),
 * with the movers' arithmetic (`rankMovers`: the same windows and minimum as `/v1/stats/movers`),
 * and raises one alert per store and **drop episode**: an episode starts at the first check that
 * sees the drop and ends at the first that does not. Exactly once across instances: the open
 * episode is a row under a unique index, and only the instance whose INSERT wins raises the alert
 * (in the same transaction). `ctx.now()` is the clock: the windows end on its UTC day.
 */
export async function checkDrops(ctx: AppContext): Promise<DropCheckSummary> {
  const summary: DropCheckSummary = { raised: [], recovered: [] };
  const brands = await ctx.db.query<{ id: string }>('SELECT id FROM brands ORDER BY id');
  for (const { id: brandId } of brands) {
    const { settings } = await loadBrandSettings(ctx.db, brandId, ctx.log);
    const drop = settings.alerts.drop;
    if (!drop.enabled) continue;
    const to = ctx.now().toISOString().slice(0, 10);
    const current = { from: addDays(to, 1 - drop.windowDays), to };
    const previous = { from: addDays(current.from, -drop.windowDays), to: addDays(current.from, -1) };
    const filter: Filter = { brandId, regionId: undefined, storeId: undefined, staffId: undefined, from: current.from, to, channel: 'customer', segments: {} };
    const [now, before] = await Promise.all([groupCounts(ctx.db, { ...filter, ...current }, 'store'), groupCounts(ctx.db, { ...filter, ...previous }, 'store')]);
    const earlier = new Map(before.map((row) => [row.id, row]));
    const { down } = rankMovers(
      now.map((row) => ({ id: row.id, name: row.name, regionId: '', regionName: null, current: row, previous: earlier.get(row.id) ?? {} })),
      drop.metric,
      ctx.config.STAFF_MIN_RESPONSES,
      Number.MAX_SAFE_INTEGER,
    );
    const dropping = down.filter((m) => -m.change >= drop.points);
    const dropIds = dropping.map((m) => m.id);
    const ended = await ctx.db.query<{ store_id: string }>(
      `UPDATE store_drop_episodes SET ended_at = $3::timestamptz
       WHERE brand_id = $1 AND metric = $4 AND ended_at IS NULL AND NOT (store_id = ANY($2::text[])) RETURNING store_id`,
      [brandId, dropIds, ctx.now().toISOString(), drop.metric],
    );
    summary.recovered.push(...ended.map((r) => r.store_id));
    for (const mover of dropping) {
      const store = await loadStore(ctx.db, ctx.log, brandId, mover.id);
      const episode = randomUUID();
      const raised = await ctx.db.transaction(async (tx) => {
        const started = await tx.query<{ started_at: Date }>(
          `INSERT INTO store_drop_episodes (id, brand_id, store_id, metric, started_at) VALUES ($5, $1, $2, $3, $4::timestamptz)
           ON CONFLICT (brand_id, store_id, metric) WHERE ended_at IS NULL DO NOTHING RETURNING started_at`,
          [brandId, mover.id, drop.metric, ctx.now().toISOString(), episode],
        );
        if (started.length === 0) return false;
        const alertId = await raiseSystemAlert(tx, ctx, {
          kind: 'drop',
          // One alert per episode: the episode's id, not the time (two episodes can start in one clock tick).
          dedupeKey: `drop:${episode}`,
          brandId,
          regionId: store.regionId,
          store,
          name: `${drop.metric.toUpperCase()} dropped`,
          summary: { metric: drop.metric, current: mover.current.value, previous: mover.previous.value, change: mover.change },
          details: { metric: drop.metric, windowDays: drop.windowDays, points: drop.points, current: { ...current, value: mover.current.value, n: mover.current.n }, previous: { ...previous, value: mover.previous.value, n: mover.previous.n }, change: mover.change },
        });
        await tx.query('UPDATE store_drop_episodes SET alert_id = $2 WHERE id = $1', [episode, alertId]);
        return true;
      });
      if (raised) summary.raised.push(mover.id);
    }
  }
  if (summary.raised.length || summary.recovered.length) ctx.log.info('drop check', { raised: summary.raised, recovered: summary.recovered });
  return summary;
}

/** Runs {@link checkDrops} every `intervalMs` until the returned function is called (it waits for a run in progress). */
export function startDropWorker(ctx: AppContext, intervalMs: number): () => Promise<void> {
  return startPeriodic(() => checkDrops(ctx), intervalMs, { firstAfterMs: Math.min(intervalMs, 5_000), onError: (error: unknown) => ctx.log.error('drop check failed', { error: String(error) }) });
}
