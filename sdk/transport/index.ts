/**
 * Transports: how submissions leave the device.
 * @example
 * import { http } from './transport/index.js';
 * const main = http('https://feedback.example.com/v1', { key: 'pk_demo', batch: true });
 */
export { http, type HttpOptions } from './http.js';
export type * from './types.js';
