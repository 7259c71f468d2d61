import type { Emitter } from '../internal/emitter.js';
import type { ClientEventMap, FailedEvent } from '../events.js';
import type { Submission } from '../schema/submission.js';

/**
 * Tells the host that a submission is lost for a destination (or for all, when the outbox was
 * full): `failed`, then `dropped` with the same reason. Every loss path goes through here, so no
 * path can emit one without the other.
 * @example
 * reportLoss(events, { id, destination: 'main', reason: 'rejected', httpStatus: 400, message: 'unknown survey' }, submission);
 */
export function reportLoss(events: Emitter<ClientEventMap>, loss: FailedEvent, submission: Submission): void {
  events.emit('failed', loss);
  events.emit('dropped', { ...loss, submission });
}
