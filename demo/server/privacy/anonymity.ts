/**
 * The anonymity rule, in one place. Every endpoint that shows feedback asks this module what it
 * may show; none decides on its own.
 *
 * **Nothing about a group smaller than `STAFF_MIN_RESPONSES` responses in the selected window.**
 * Two kinds of group are protected:
 * - `individual`: the customer feedback that names one staff member. Fairness: one angry
 *   customer must not become "Ann's score". Below the minimum, no score, no distribution, no
 *   comment is shown for that person, and comments elsewhere do not say it was about them.
 * - `pulse`: employee pulse answers (`channel: "employee"`). Anonymity: with a small team, an
 *   answer and its time identify who gave it. The smallest pulse group is a store; a selection
 *   wider than one store (a region, the brand) is itself a group, and within it each store is a
 *   group of its own for anything said per store (comments). Pulse comments never carry a time
 *   finer than the day, nor anything below the store (device, staff, time of day).
 *
 * Counts (`n`, `volume`) stay visible: they say "not enough answers yet", which managers need,
 * and reveal nothing anyone answered. Team results about customers (a store, a region) are not
 * protected: they are about the store, not a person.
 */
import type { Queryable } from '../db/database.js';
import type { Filter } from '../stats/scope.js';

/** What a selection is protected as, if at all. */
export type ProtectedGroup = 'individual' | 'pulse';

/** The protection a selection gets (see the module comment). */
export interface Protection {
  /** `null` for customer feedback about a team, which has no minimum. */
  group: ProtectedGroup | null;
  /** Responses needed before anything but counts is shown; 0 when unprotected. */
  minimum: number;
}

/** Which group a selection is: an individual (a staff filter), the employee pulse, or neither. */
export function protectionOf(filter: Pick<Filter, 'staffId' | 'channel'>, minimum: number): Protection {
  if (filter.channel === 'employee') return { group: 'pulse', minimum };
  if (filter.staffId !== undefined) return { group: 'individual', minimum };
  return { group: null, minimum: 0 };
}

/** Whether a group of `responses` answers may be shown under `protection`. */
export const isDisclosed = (protection: Protection, responses: number): boolean => protection.group === null || responses >= protection.minimum;

/**
 * The minimum for each group listed at `level` below a selection: individuals (`level=staff`)
 * and pulse groups are protected even when the selection itself is not.
 */
export function groupMinimum(filter: Pick<Filter, 'staffId' | 'channel'>, level: string, minimum: number): number {
  return protectionOf(filter, minimum).group !== null || level === 'staff' ? minimum : 0;
}

/**
 * SQL for the stores whose pulse may be quoted in the selected window: those with at least the
 * minimum number of pulse answers in it (`''` stands for answers without a store). `source` is a
 * FROM item over the store rollup (alias `d`) already filtered to the selection.
 */
export function disclosedPulseStoresSql(source: string, minimumParam: string): string {
  return `SELECT d.store_id FROM ${source} GROUP BY d.store_id HAVING sum(d.responses) >= ${minimumParam}`;
}

/**
 * The staff members among `staffIds` whose feedback in the selected window reaches the minimum:
 * only they may be named next to a score or a comment. The window and brand come from `filter`
 * (its own staff, store and region conditions are not applied: a person's group is all the
 * feedback that names them).
 */
export async function disclosedStaff(db: Queryable, filter: Pick<Filter, 'brandId' | 'from' | 'to'>, staffIds: readonly string[], minimum: number): Promise<Set<string>> {
  const ids = [...new Set(staffIds)];
  if (ids.length === 0) return new Set();
  if (minimum <= 0) return new Set(ids);
  const rows = await db.query<{ staff_id: string }>(
    `SELECT d.staff_id FROM stats_staff_daily d
     WHERE d.brand_id = $1 AND d.day BETWEEN $2::date AND $3::date AND d.channel <> 'employee' AND d.staff_id = ANY($4::text[])
     GROUP BY d.staff_id HAVING sum(d.responses) >= $5`,
    [filter.brandId, filter.from, filter.to, ids, minimum],
  );
  return new Set(rows.map((r) => r.staff_id));
}
