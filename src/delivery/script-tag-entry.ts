/**
 * The entry of the script tag's `dist/delivery.js`: what submits and delivers (the SDK client, its
 * outbox, `http()` and ky), loaded on demand by the bundle (load-script.ts) and built with the
 * bundle's zod (script-tag-zod.ts). The npm build has no such file: there the widget imports the
 * SDK like everything else, and the app's bundler splits what it wants.
 */
export { createClientCore } from '../../sdk/client.js';
export { http } from '../../sdk/transport/http.js';
/** The English words for a schema problem, which the bundle's survey check borrows (survey-parse-script.ts). */
export { englishErrors } from '../../sdk/schema/parse.js';
export { request } from '../../sdk/transport/request.js';
