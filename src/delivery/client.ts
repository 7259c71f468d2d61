/**
 * How the widget gets an SDK client. In the npm build, the SDK's own `createClient`, imported like
 * everything else. The script-tag build swaps this module for `client-script.ts`, whose client
 * loads the delivery code on demand (rollup.config.mjs).
 */
export { createClient } from '../../sdk/client.js';

/** Starts loading the delivery code ahead of the first submission; nothing to load in the npm build. */
export const preloadDelivery = (): void => undefined;
