import type { User } from '../auth/roles.js';
import type { AppContext } from '../context.js';
import { ApiError } from '../http/errors.js';
import type { KudosThanks } from '../stats/types.js';
import { ATTRIBUTED_STAFF_SQL, KUDOS_CANDIDATE_SQL } from './attribution.js';
import type { Thanks } from './params.js';

/** Where a manager may forward kudos: their scope (corporate: the brand). */
export interface ThanksScope {
  brandId: string;
  regionId: string | undefined;
  storeId: string | undefined;
}

/**
 * Forwards a kudos (submission `submissionId`) to `thanks.staffId` with the manager's words; a
 * second forward of the same kudos to the same person replaces the words. Only a kudos by the
 * recognition rule, attributed to that person, at a store within the manager's scope: anything
 * else is a 404, as if it did not exist.
 */
export async function forwardKudos(ctx: Pick<AppContext, 'db' | 'now'>, scope: ThanksScope, user: User, submissionId: string, thanks: Thanks): Promise<KudosThanks> {
  const params: unknown[] = [submissionId, scope.brandId, thanks.staffId, thanks.text, user.id, user.name, ctx.now().toISOString()];
  const conditions: string[] = [];
  if (scope.regionId !== undefined) conditions.push(`AND s.region_id = $${params.push(scope.regionId)}`);
  if (scope.storeId !== undefined) conditions.push(`AND s.store_id = $${params.push(scope.storeId)}`);
  const rows = await ctx.db.query<{ staff_id: string; text: string; author_name: string; created_at: Date }>(
    `WITH kudos AS (
       SELECT s.id, s.brand_id, s.store_id FROM submissions s
       WHERE s.id = $1::uuid AND s.brand_id = $2 AND s.channel <> 'employee' AND ${KUDOS_CANDIDATE_SQL}
         ${conditions.join(' ')}
         AND $3::text IN (${ATTRIBUTED_STAFF_SQL})
         AND EXISTS (SELECT 1 FROM staff m WHERE m.brand_id = s.brand_id AND m.id = $3)
     )
     INSERT INTO kudos_thanks (submission_id, brand_id, staff_id, store_id, text, author_id, author_name, created_at)
     SELECT k.id, k.brand_id, $3, k.store_id, $4, $5, $6, $7::timestamptz FROM kudos k
     ON CONFLICT (submission_id, staff_id) DO UPDATE SET text = EXCLUDED.text, author_id = EXCLUDED.author_id, author_name = EXCLUDED.author_name, created_at = EXCLUDED.created_at
     RETURNING staff_id, text, author_name, created_at`,
    params,
  );
  const row = rows[0];
  if (!row) throw new ApiError(404, 'not_found', `No kudos ${submissionId} for staff member "${thanks.staffId}" within your access`);
  return { staffId: row.staff_id, text: row.text, from: row.author_name, createdAt: row.created_at.toISOString() };
}
