/**
 * StoreVoice SDK: context, a durable outbox, routing and delivery that loses nothing.
 * No rendering and no DOM access at import time, so it is safe to import during SSR.
 * @packageDocumentation
 */
export * from './schema/index.js';
export * from './errors.js';
export type * from './transport/types.js';
export { uuidv7 } from './internal/uuid.js';
