import type { Answer, ContextInput } from '../../sdk/index.js';

/** The element's attributes a submission's context is made of. */
export interface ContextSource {
  readonly context: ContextInput | undefined;
  readonly mode: string | undefined;
  readonly brand: string | undefined;
  readonly region: string | undefined;
  readonly store: string | undefined;
  readonly device: string | undefined;
  readonly staff: string | undefined;
}

/**
 * The context `<storevoice-widget>` adds to a submission of `answers`: its `context` property, then
 * its attributes, which take precedence; `locale` is the shopper's own tag (`undefined` under `auto`).
 *
 * @example contextOf(widget, [{ questionId: 'who', type: 'staff', value: 'emp-17' }], 'en-GB') // { …, staff: ['emp-17'], locale: 'en-GB' }
 */
export function contextOf(source: ContextSource, answers: readonly Answer[], locale: string | undefined): ContextInput {
  // "Who helped you today?" names the staff member the feedback is about ("Not sure" is null).
  const picked = answers.find((a) => a.type === 'staff')?.value;
  const staff = typeof picked === 'string' ? [picked] : source.staff?.split(',').map((s) => s.trim()).filter(Boolean);
  return {
    ...source.context,
    // Otherwise the client's own channel (a host's client may say `app`), or the SDK's `web`.
    ...(source.mode === 'kiosk' && { channel: 'kiosk' as const }),
    // The shopper's own tag (en-GB), not the catalog it maps to (en); `auto` leaves it to the SDK.
    ...(locale && { locale }),
    ...(source.brand && { brand: source.brand }),
    ...(source.region && { region: source.region }),
    ...(source.store && { store: source.store }),
    ...(source.device && { device: source.device }),
    ...(staff?.length && { staff }),
  };
}
