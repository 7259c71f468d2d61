import type { Queryable } from '../../db/database.js';
import type { Scope } from '../../stats/scope.js';
import type { AlertRule } from '../rules/schema.js';

/** Where the brand's stores are: what decides whether a list of stores lies in a region. */
export type StoreRegions = ReadonlyMap<string, string>;

export async function storeRegions(db: Queryable, brandId: string): Promise<StoreRegions> {
  const rows = await db.query<{ id: string; region_id: string }>('SELECT id, region_id FROM stores WHERE brand_id = $1', [brandId]);
  return new Map(rows.map((r) => [r.id, r.region_id]));
}

const list = (value: string | string[] | undefined): string[] | undefined => (value === undefined ? undefined : Array.isArray(value) ? value : [value]);

/** Why a rule's scope is not the user's to own, as a field and a reason; undefined when it is. */
export interface ScopeRefusal {
  status: 400 | 403;
  path: string[];
  message: string;
}

/**
 * Whether `user` owns a rule of scope `ruleScope`: corporate any scope of the brand, a regional
 * manager a scope inside their region (the region itself, or stores of it), a store manager
 * exactly their store. A rule owned by someone is visible, editable, testable and switchable by
 * them; a rule for the whole brand is corporate's. Unknown stores or regions are a 400.
 */
export function refuseScope(scope: Scope, ruleScope: AlertRule['scope'], stores: StoreRegions): ScopeRefusal | undefined {
  const regions = list(ruleScope.region);
  const storeIds = list(ruleScope.store);
  const knownRegions = new Set(stores.values());
  const unknownRegion = regions?.find((r) => !knownRegions.has(r));
  if (unknownRegion !== undefined) return { status: 400, path: ['scope', 'region'], message: `unknown region "${unknownRegion}"` };
  const unknownStore = storeIds?.find((s) => !stores.has(s));
  if (unknownStore !== undefined) return { status: 400, path: ['scope', 'store'], message: `unknown store "${unknownStore}"` };
  if (scope.storeId !== undefined) {
    if (storeIds?.length !== 1 || storeIds[0] !== scope.storeId) return { status: 403, path: ['scope', 'store'], message: `must be your store "${scope.storeId}"` };
    if (regions !== undefined && regions.some((r) => r !== scope.homeRegionId)) return { status: 403, path: ['scope', 'region'], message: 'must be your store\'s region, or left out' };
    return undefined;
  }
  if (scope.regionId !== undefined) {
    if (regions === undefined && storeIds === undefined) return { status: 403, path: ['scope'], message: `a rule for the whole brand is corporate's: set region "${scope.regionId}" or stores of it` };
    if (regions !== undefined && regions.some((r) => r !== scope.regionId)) return { status: 403, path: ['scope', 'region'], message: `must be your region "${scope.regionId}"` };
    const outside = storeIds?.find((s) => stores.get(s) !== scope.regionId);
    if (outside !== undefined) return { status: 403, path: ['scope', 'store'], message: `store "${outside}" is not in your region "${scope.regionId}"` };
    return undefined;
  }
  return undefined;
}

/** Whether the user owns (and so sees) the rule. */
export const owns = (scope: Scope, rule: AlertRule, stores: StoreRegions): boolean => rule.brand === scope.brandId && refuseScope(scope, rule.scope, stores) === undefined;
