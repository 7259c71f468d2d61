import * as z from 'zod/mini';
import { besideBundle } from '../i18n/loaders-script.js';
import { backoffDelay } from '../../sdk/transport/retry-policy.js';
import type { LentZod } from './script-tag-zod.js';

/** What `dist/delivery.js` provides once started. */
export type Delivery = typeof import('./script-tag-entry.js');

// The bundle's zod, lent to delivery.js (see script-tag-zod.ts). Every name is listed, so the
// bundle carries what delivery.js needs and nothing more of zod.
const lentZod: LentZod = {
  array: z.array,
  boolean: z.boolean,
  custom: z.custom,
  discriminatedUnion: z.discriminatedUnion,
  enum: z.enum,
  gte: z.gte,
  int: z.int,
  iso: { datetime: z.iso.datetime },
  literal: z.literal,
  lte: z.lte,
  maxLength: z.maxLength,
  minLength: z.minLength,
  null: z.null,
  nullable: z.nullable,
  number: z.number,
  optional: z.optional,
  record: z.record,
  refine: z.refine,
  regex: z.regex,
  safeParse: z.safeParse,
  strictObject: z.strictObject,
  string: z.string,
  union: z.union,
  uuid: z.uuid,
};

/** Backoff between attempts to load delivery.js: the outbox's own (1 s, doubling, up to 5 min). */
const RETRY = { baseDelayMs: 1000, maxDelayMs: 300_000 };

let loading: Promise<Delivery> | undefined;
/** Ends the wait before the next attempt (the network came back, or a flush asked). */
let wake: (() => void) | undefined;

/**
 * Loads the SDK's delivery code (`delivery.js` beside the bundle, like `kiosk.js`) once; resolves
 * when it is in. A failure is treated like the network failures the outbox retries: attempts
 * continue with backoff, and at once when the browser comes back online, until one succeeds.
 * A same-origin module import needs no inline script or eval, so a strict CSP's `script-src 'self'`
 * covers it.
 */
export function loadDelivery(): Promise<Delivery> {
  return (loading ??= (async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        const module = (await import(/* webpackIgnore: true */ besideBundle('delivery.js'))) as { start(zod: LentZod): Delivery };
        return module.start(lentZod);
      } catch (error) {
        if (attempt === 1) {
          console.warn('[storevoice] delivery.js could not load; feedback is kept on this page and sent once it does', error);
          addEventListener('online', () => wake?.());
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, backoffDelay(attempt, RETRY));
        });
      }
    }
  })());
}

/** Tries to load delivery.js now rather than after the current backoff (a flush ignores backoff). */
export const retryDeliveryNow = (): void => wake?.();
