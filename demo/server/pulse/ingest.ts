import type { Submission } from '../../../sdk/index.js';
import type { AppContext } from '../context.js';
import { ApiError } from '../http/errors.js';
import { lookUpIds } from '../ingest/resolve.js';
import type { IngestItem } from '../ingest/verify-context.js';
import type { IngestKey } from '../ingest/write-keys.js';

const EMPLOYEE = 'employee';

/**
 * The channel rule of ingest keys: employee pulse only with a store's pulse key, customer feedback
 * only with a write key. A customer write key sits in every shop page's source, so anyone could
 * otherwise file "staff" answers for any store; and a pulse link shared outside the team must not
 * become a way to post customer scores. Any refusal refuses the whole request (403, naming the
 * submission's index in a batch), like every other ingest check.
 */
export function checkKeyChannel(key: IngestKey, submissions: readonly Submission[], isBatch: boolean): void {
  submissions.forEach((submission, index) => {
    const where = isBatch ? `submissions[${index}]: ` : '';
    const channel = submission.context.channel;
    if (key.kind === 'write' && channel === EMPLOYEE) {
      throw new ApiError(403, 'pulse_key_required', `${where}context.channel "employee" is the staff pulse: it is accepted only with a store's pulse key, never with a customer write key`);
    }
    if (key.kind === 'pulse' && channel !== EMPLOYEE) {
      throw new ApiError(403, 'write_key_required', `${where}context.channel ${JSON.stringify(channel ?? 'web')} is customer feedback: a pulse key posts only the staff pulse (context.channel "employee"); use the brand's write key`);
    }
    if (key.kind === 'pulse' && submission.context.brand !== undefined && submission.context.brand !== key.brandId) {
      throw new ApiError(403, 'brand_mismatch', `${where}context.brand "${submission.context.brand}" is not the pulse key's brand "${key.brandId}"`);
    }
    if (key.kind === 'pulse' && submission.context.store !== undefined && submission.context.store !== key.store) {
      throw new ApiError(403, 'context_mismatch', `${where}context.store ${JSON.stringify(submission.context.store)} contradicts the pulse key, which is store ${JSON.stringify(key.store)}'s`);
    }
  });
}

/**
 * Pulse answers as ingest items: the store is the key's and its region the hierarchy's, whatever
 * the page said, so a link cannot be reused to speak for another store. Nothing finer than the
 * store is kept (privacy/pulse.ts strips the rest when stored). The key vouches for the store the
 * way a context token does, so no token is asked for.
 */
export async function pulseItems(ctx: Pick<AppContext, 'db'>, key: Extract<IngestKey, { kind: 'pulse' }>, submissions: readonly Submission[]): Promise<IngestItem[]> {
  const { stores } = await lookUpIds(ctx.db, key.brandId, { store: [key.store] });
  const region = stores.get(key.store) ?? undefined;
  return submissions.map((submission) => ({
    submission: { ...submission, context: { ...submission.context, brand: key.brandId, store: key.store, ...(region !== undefined ? { region } : {}) } },
    context: { region, store: key.store, staff: [], device: undefined },
    verified: true,
    flags: [],
  }));
}
