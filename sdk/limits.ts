// The wire format's size limits, shared by the schemas and the transports. Kept apart from the
// schemas so that `http()` can be imported without zod (see docs/architecture.md).

/** The largest submission, in bytes of JSON, that the SDK queues and the collector accepts. */
export const MAX_SUBMISSION_BYTES = 64 * 1024;
/** The most submissions one batch request carries. */
export const MAX_BATCH_SIZE = 100;
