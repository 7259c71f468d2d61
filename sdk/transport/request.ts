import ky from 'ky';

/**
 * Equal jitter: half the delay, plus a random part of the other half. ky's own `jitter: true` is
 * full jitter (anything from 0), which can retry a failed request almost at once; see
 * docs/architecture.md. Pure apart from `random`.
 * @example equalJitter(1200) // somewhere in 600..1200
 */
export const equalJitter = (delay: number, random: () => number = Math.random): number => delay / 2 + random() * (delay / 2);

/**
 * The SDK's one way to call the network: ky with the SDK's defaults. Cookies are never sent (the
 * write key authenticates), every attempt has a timeout, and ky's in-request retries wait with
 * equal jitter. `http()` and the widget's survey fetch use it; a caller that passes its own ky
 * instance to `http()` gets its own defaults instead.
 * @example
 * const survey = await request.get(`${endpoint}/surveys/post-visit`, { timeout: 8000 }).json();
 */
export const request = ky.create({ credentials: 'omit', retry: { jitter: equalJitter } });
