/**
 * StoreVoice SDK: context, a durable outbox, routing and delivery that loses nothing.
 * No rendering and no DOM access at import time, so it is safe to import during SSR.
 * @packageDocumentation
 */
export * from './schema/index.js';
export * from './errors.js';
export type * from './transport/types.js';
export { uuidv7 } from './internal/uuid.js';
export * from './context/index.js';
export * from './privacy/index.js';
export * from './survey/index.js';
export * from './events.js';
export { createClient, type Client, type ContextUpdate, type SubmitResult, type SubmitStatus, type PendingSubmission } from './client.js';
export type { FlushReport } from './outbox/courier.js';
export type { DeliveryState } from './outbox/types.js';
export { lowestScore, npsScore, matches, route } from './router.js';
export { http, type HttpOptions } from './transport/http.js';
