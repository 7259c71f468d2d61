/**
 * Milliseconds to wait according to a `Retry-After` header (RFC 9110 §10.2.3): delay-seconds or
 * an HTTP-date. Pure, with `now` passed in, so tests need no clock.
 * @returns `undefined` when the header is missing or unreadable; never negative
 * @example
 * parseRetryAfter('120', Date.now()); // 120000
 * parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.now());
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP-date always names a day or month; requiring a letter keeps Chromium's lenient
  // Date.parse from reading "1.5" or "-1" as a date.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
