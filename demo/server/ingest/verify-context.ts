import type { Submission } from '../../../sdk/index.js';
import { contextTokenSecrets } from '../config.js';
import type { AppContext } from '../context.js';
import { ApiError } from '../http/errors.js';
import type { DeviceClass } from '../stats/types.js';
import { verifyContextToken, type ContextTokenPayload } from './context-token.js';
import { lookUpIds } from './resolve.js';

/** The hierarchy ids a submission is stored under, after its context token (if any) was applied. */
export interface EffectiveContext {
  region: string | undefined;
  store: string | undefined;
  staff: string[];
  device: string | undefined;
}

/** A validated submission ready to store. */
export interface IngestItem {
  submission: Submission;
  context: EffectiveContext;
  /** A valid context token vouched for the store (and the staff/device it names). */
  verified: boolean;
  /**
   * Flags the checks added, stored with the hierarchy's: `unverified_staff` when a verified
   * submission names staff its token does not; `late` or `clock_ahead` (see created-at.ts).
   */
  flags: string[];
  /** The instant to store as `created_at` when it is not the submission's claim (a clock ahead). */
  createdAt?: Date;
  /** From the channel and the request's User-Agent (device-class.ts); left out, the database derives it from the channel alone. */
  deviceClass?: DeviceClass;
}

/**
 * Outboxes deliver late: a kiosk offline over a weekend sends Friday's feedback on Monday, with
 * Friday's token. With CONTEXT_TOKEN_GRACE_SECONDS > 0 a token that was still valid at the
 * submission's `createdAt` and expired at most that long ago is accepted. `createdAt` is the
 * device's claim, so the grace is also how long a leaked token stays usable: keep it short.
 */
function withinGrace(payload: ContextTokenPayload, submission: Submission, now: Date, graceSeconds: number): boolean {
  if (graceSeconds <= 0) return false;
  const expiredAt = payload.exp * 1000;
  return Date.parse(submission.createdAt) < expiredAt && now.getTime() - expiredAt <= graceSeconds * 1000;
}

/** The context a submission claims, unverified. */
export const claimedContext = (submission: Submission): EffectiveContext => ({
  region: submission.context.region,
  store: submission.context.store,
  staff: submission.context.staff ?? [],
  device: submission.context.device,
});

/**
 * Checks each submission's brand against the write key's, and its context against its signed
 * context token (CONTEXT_TOKEN_MODE). A valid token's store, staff and device win: the
 * submission may repeat them or leave them out, never contradict them (403 `context_mismatch`),
 * and its region must be the region of the token's store in the hierarchy (filled in when left
 * out). Staff the token does not name are kept, flagged `unverified_staff`.
 * Any refusal refuses the whole request; in a batch the message names the submission's index.
 */
export async function checkContexts(ctx: Pick<AppContext, 'config' | 'now' | 'db'>, brandId: string, submissions: readonly Submission[], isBatch: boolean): Promise<IngestItem[]> {
  const items = vouchContexts(ctx, brandId, submissions, isBatch);
  const vouchedStores = items.flatMap((item) => (item.verified && item.context.store !== undefined ? [item.context.store] : []));
  if (vouchedStores.length === 0) return items;
  // The token vouches for the store, and the store's region is the hierarchy's, not the client's:
  // a token for 042 plus `region: "uk-south"` must not file 042's feedback under uk-south.
  const { stores } = await lookUpIds(ctx.db, brandId, { store: vouchedStores });
  return items.map((item, index) => {
    const region = item.verified && item.context.store !== undefined ? stores.get(item.context.store) : undefined;
    if (region == null) return item; // unverified, or a store the hierarchy does not know (flagged later)
    if (item.context.region !== undefined && item.context.region !== region) {
      const where = isBatch ? `submissions[${index}]: ` : '';
      throw new ApiError(403, 'context_mismatch', `${where}context.region ${JSON.stringify(item.context.region)} contradicts the context token's store ${JSON.stringify(item.context.store)}, which is in region ${JSON.stringify(region)}`);
    }
    return { ...item, context: { ...item.context, region } };
  });
}

/** Brand and token checks that need no database: see {@link checkContexts}. */
function vouchContexts(ctx: Pick<AppContext, 'config' | 'now'>, brandId: string, submissions: readonly Submission[], isBatch: boolean): IngestItem[] {
  const mode = ctx.config.CONTEXT_TOKEN_MODE;
  const secrets = contextTokenSecrets(ctx.config);
  const now = ctx.now();
  return submissions.map((submission, index) => {
    const where = isBatch ? `submissions[${index}]: ` : '';
    const claimed = claimedContext(submission);
    if (submission.context.brand !== undefined && submission.context.brand !== brandId) {
      throw new ApiError(403, 'brand_mismatch', `${where}context.brand "${submission.context.brand}" is not the write key's brand "${brandId}"`);
    }
    const token = submission.contextToken;
    // Optional mode without secrets cannot check tokens: keep the submission, unverified, rather than lose it.
    if (mode === 'off' || (mode === 'optional' && (token === undefined || secrets.length === 0))) {
      return { submission, context: claimed, verified: false, flags: [] };
    }
    if (token === undefined) throw new ApiError(401, 'token_required', `${where}a signed context token is required (contextToken)`);
    const result = verifyContextToken(token, secrets, now, { maxLifetimeSeconds: ctx.config.CONTEXT_TOKEN_MAX_LIFETIME_SECONDS });
    let vouched: ContextTokenPayload;
    if (result.ok) vouched = result.payload;
    else if (result.code === 'token_expired' && withinGrace(result.payload, submission, now, ctx.config.CONTEXT_TOKEN_GRACE_SECONDS)) vouched = result.payload;
    else throw new ApiError(401, result.code, `${where}${result.message}`);
    const mismatch = (what: string, claim: unknown, truth: unknown) =>
      new ApiError(403, 'context_mismatch', `${where}context.${what} ${JSON.stringify(claim)} contradicts the context token (${JSON.stringify(truth)})`);
    if (vouched.brand !== brandId) throw mismatch('brand', brandId, vouched.brand);
    if (claimed.store !== undefined && claimed.store !== vouched.store) throw mismatch('store', claimed.store, vouched.store);
    if (vouched.device !== undefined && claimed.device !== undefined && claimed.device !== vouched.device) throw mismatch('device', claimed.device, vouched.device);
    if (vouched.staff !== undefined && claimed.staff.some((id) => !vouched.staff!.includes(id))) throw mismatch('staff', claimed.staff, vouched.staff);
    // A token without `staff` vouches for the store, not for who served: the names are kept (the
    // shopper's answer) but marked, so staff recognition can tell vouched names from claims.
    const unverifiedStaff = vouched.staff === undefined && claimed.staff.length > 0;
    return {
      submission,
      context: {
        region: claimed.region,
        store: vouched.store,
        staff: claimed.staff.length > 0 ? claimed.staff : (vouched.staff ?? []),
        device: vouched.device ?? claimed.device,
      },
      verified: true,
      flags: unverifiedStaff ? ['unverified_staff'] : [],
    };
  });
}
