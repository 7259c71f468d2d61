// Used instead of client.ts in dist/storevoice.iife.js (see rollup.config.mjs): the client the
// widget makes loads the SDK's delivery code (`delivery.js`) on demand.
export { createDeferredClient as createClient } from './deferred-client.js';
export { loadDelivery as preloadDelivery } from './load-script.js';
