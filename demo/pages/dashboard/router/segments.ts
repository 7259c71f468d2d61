import { CUSTOMER_CHANNELS, DEVICE_CLASSES, type DeviceClass } from '../../../server/stats/types.js';
import type { SessionBody } from '../../../server/auth/session-body.js';
import { isId } from './route.js';

/**
 * Segments: corporate's (and regional managers') cuts of customer feedback by channel, survey,
 * device and customer language. They live in the address as query parameters of every view
 * that can be cut (`?channel=kiosk&locale=sv`), so a segmented screen can be bookmarked, and they
 * follow the user from view to view.
 */
export const SEGMENT_PARAMS = ['channel', 'survey', 'device', 'locale'] as const;
export type SegmentParam = (typeof SEGMENT_PARAMS)[number];

/** The roles that see the segment bar (store managers and staff look at one place, not at cuts of many). */
export const SEGMENT_ROLES: readonly SessionBody['user']['role'][] = ['corporate', 'regional'];

export interface Segments {
  readonly channel?: (typeof CUSTOMER_CHANNELS)[number];
  readonly survey?: string;
  readonly device?: DeviceClass;
  /** A language (`sv`) or locale (`sv-SE`); the collector reads it as its language. */
  readonly locale?: string;
}

const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined => values.find((v) => v === value);

/** The segments in a route's parameters; a malformed value is left out, as the router does. */
export function readSegments(params: Readonly<Record<string, string>>): Segments {
  const channel = oneOf(CUSTOMER_CHANNELS, params.channel);
  const device = oneOf(DEVICE_CLASSES, params.device);
  const survey = params.survey !== undefined && isId(params.survey) ? params.survey : undefined;
  const locale = params.locale !== undefined && LANGUAGE.test(params.locale) ? params.locale : undefined;
  return { ...(channel && { channel }), ...(survey && { survey }), ...(device && { device }), ...(locale && { locale }) };
}

/** Segments as route (and stats API) parameters. */
export function segmentParams(segments: Segments): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of SEGMENT_PARAMS) {
    const value = segments[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

export const hasSegments = (segments: Segments): boolean => SEGMENT_PARAMS.some((name) => segments[name] !== undefined);

/** A route's parameters without its segments (to replace them). */
export function withoutSegments(params: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter(([name]) => !(SEGMENT_PARAMS as readonly string[]).includes(name)));
}
