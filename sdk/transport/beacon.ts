import type { EncodedBody } from './encode.js';

/**
 * Hand bodies to `navigator.sendBeacon`, one beacon each, all of them even if one is refused
 * (the page is going away: whatever gets out is a win, and the outbox keeps everything anyway).
 * Sent as `text/plain`, a CORS-safelisted type, so no preflight is needed, which an unloading
 * page would not wait for. Beacons cannot carry headers: the write key goes in the URL.
 * @returns whether the browser accepted every body; `false` without `sendBeacon` (SSR, old browsers)
 * @example
 * sendBeacons('https://feedback.example.com/v1/submissions', encode(batch, 100), 'pk_demo');
 */
export function sendBeacons(url: string, parts: readonly EncodedBody[], key?: string): boolean {
  if (typeof navigator === 'undefined' || typeof navigator.sendBeacon !== 'function') return false;
  const target = key ? `${url}${url.includes('?') ? '&' : '?'}key=${encodeURIComponent(key)}` : url;
  let all = true;
  for (const { body } of parts) {
    let accepted = false;
    try {
      accepted = navigator.sendBeacon(target, new Blob([body], { type: 'text/plain;charset=UTF-8' }));
    } catch {
      // An invalid URL or a browser quirk: report it as not accepted rather than break the unload.
    }
    all = accepted && all;
  }
  return all;
}
