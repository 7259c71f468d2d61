import type { Counts } from './counts.js';
import { toKpis } from './counts.js';
import type { Metric, Mover, ScoreMetric } from './types.js';

/** One store's counts in the current and the previous window, with its names. */
export interface StoreWindows {
  id: string;
  name: string | null;
  regionId: string;
  regionName: string | null;
  current: Counts;
  previous: Counts;
}

/**
 * The stores whose score moved most between two windows, as pure arithmetic: only stores with at
 * least `minimum` answers of that score in **both** windows (a store going from 3 answers to 4 is
 * noise, not news), falls steepest first and rises largest first.
 */
export function rankMovers(stores: readonly StoreWindows[], metric: ScoreMetric, minimum: number, limit: number): { down: Mover[]; up: Mover[] } {
  const movers: Mover[] = [];
  for (const store of stores) {
    const current: Metric = toKpis(store.current, 0)[metric];
    const previous: Metric = toKpis(store.previous, 0)[metric];
    if (current.value === null || previous.value === null || current.n < minimum || previous.n < minimum) continue;
    const change = Math.round((current.value - previous.value) * 100) / 100;
    movers.push({ id: store.id, name: store.name, regionId: store.regionId, regionName: store.regionName, current, previous, change });
  }
  return {
    down: movers.filter((m) => m.change < 0).sort((a, b) => a.change - b.change).slice(0, limit),
    up: movers.filter((m) => m.change > 0).sort((a, b) => b.change - a.change).slice(0, limit),
  };
}
