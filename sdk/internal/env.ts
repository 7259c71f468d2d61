/**
 * The browser says it has no network at all. (`true` proves nothing: a captive portal or a
 * blocked request still looks online, so callers only use this to skip pointless attempts.)
 * Safe to call in Node, where it is false.
 */
export const isOffline = (): boolean => globalThis.navigator?.onLine === false;
