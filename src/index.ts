/**
 * `storevoice` / `storevoice/widget`: defines `<storevoice-widget>` and re-exports the SDK, so one
 * import gives both. Importing during server-side rendering is safe: nothing is defined without
 * a custom element registry.
 * @packageDocumentation
 */
export * from './widget/index.js';
export * from '../sdk/index.js';
export type { Messages } from './i18n/messages.js';
