export type { DeliveryState, OutboxEntry, OutboxStore, OutboxLimits, AddOutcome } from './types.js';
export { openOutbox, type OpenedOutbox } from './open.js';
export { withLock } from './lock.js';
