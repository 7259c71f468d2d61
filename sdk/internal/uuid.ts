/**
 * A UUID v7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Time-ordered, so the
 * outbox and the collector's index keep arrival order for free. `crypto.randomUUID` makes only v4.
 * @param now whole Unix milliseconds
 */
export function uuidv7(now: number = Date.now()): string {
  const random = crypto.getRandomValues(new Uint8Array(10));
  random[0] = 0x70 | (random[0]! & 0x0f); // version 7
  random[2] = 0x80 | (random[2]! & 0x3f); // RFC 4122 variant
  const hex = now.toString(16).padStart(12, '0') + Array.from(random, (b) => b.toString(16).padStart(2, '0')).join('');
  return hex.replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}
