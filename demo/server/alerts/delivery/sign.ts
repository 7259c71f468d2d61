import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Stripe-style webhook signatures: `StoreVoice-Signature: t=<unix seconds>,v1=<hex>` where the hex
 * is HMAC-SHA256(secret, "<t>.<raw body>"). The timestamp is signed too, so a captured request
 * cannot be replayed later than the receiver's tolerance.
 */
export const SIGNATURE_HEADER = 'StoreVoice-Signature';
export const DELIVERY_HEADER = 'StoreVoice-Delivery';

export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

/**
 * The receiver's check (the same as the snippet in the docs): a `v1` signature matches and the
 * timestamp is within `toleranceSeconds` of `nowSeconds`.
 * @param toleranceSeconds @default 300
 */
export function verifySignature(header: string, body: string, secret: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = header.split(',').map((p) => p.split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
  // Several v1 entries allow a receiver-side secret rotation; any one matching is enough.
  return parts.some(([k, v]) => k === 'v1' && v !== undefined && v.length === expected.length && timingSafeEqual(Buffer.from(v), expected));
}
