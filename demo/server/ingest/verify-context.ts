import type { Submission } from '../../../sdk/index.js';
import { contextTokenSecrets } from '../config.js';
import type { AppContext } from '../context.js';
import { ApiError } from '../http/errors.js';
import { verifyContextToken, type ContextTokenPayload } from './context-token.js';

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
 * submission may repeat them or leave them out, never contradict them (403 `context_mismatch`).
 * Any refusal refuses the whole request; in a batch the message names the submission's index.
 */
export function checkContexts(ctx: Pick<AppContext, 'config' | 'now'>, brandId: string, submissions: readonly Submission[], isBatch: boolean): IngestItem[] {
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
      return { submission, context: claimed, verified: false };
    }
    if (token === undefined) throw new ApiError(401, 'token_required', `${where}a signed context token is required (contextToken)`);
    const result = verifyContextToken(token, secrets, now);
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
    return {
      submission,
      context: {
        region: claimed.region,
        store: vouched.store,
        staff: claimed.staff.length > 0 ? claimed.staff : (vouched.staff ?? []),
        device: vouched.device ?? claimed.device,
      },
      verified: true,
    };
  });
}
