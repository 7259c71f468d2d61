import type { Channel } from '../../../sdk/schema/context.js';
import type { DeviceClass } from '../stats/types.js';

/** What the request said about the device that sent it. */
export interface DeviceHints {
  /** The `User-Agent` header. */
  userAgent?: string | undefined;
  /** The `Sec-CH-UA-Mobile` client hint (`?1` on a phone), sent by Chromium browsers. */
  mobileHint?: string | undefined;
}

/**
 * The class of device (the rollups' `device_class` segment, stats/types.ts) a submission came from, for the segment filter only (never for access or
 * routing): a kiosk is a kiosk by its channel, whatever tablet it runs on; otherwise the request's
 * User-Agent decides, the way MDN recommends (`Mobi` anywhere means a phone; an iPad or an Android
 * browser without `Mobi` is a tablet). Four buckets need no UA database: a parser library would
 * name browsers and versions we never store. Since iPadOS 13 an iPad in desktop mode reports a Mac,
 * so it counts as desktop; a client that is not a browser (an app's HTTP library) is `unknown`.
 * @example deviceClassOf('web', { userAgent: 'Mozilla/5.0 (iPhone; …) Mobile/15E148 Safari/604.1' }) // 'mobile'
 */
export function deviceClassOf(channel: Channel, hints: DeviceHints): DeviceClass {
  if (channel === 'kiosk') return 'kiosk';
  if (hints.mobileHint?.trim() === '?1') return 'mobile';
  const ua = hints.userAgent ?? '';
  if (/iPad|Tablet|PlayBook|Silk|Kindle/i.test(ua)) return 'tablet';
  if (/Mobi|iPhone|iPod/i.test(ua)) return 'mobile';
  if (/Android/i.test(ua)) return 'tablet';
  if (/^Mozilla\/\d/.test(ua) && /Windows|Macintosh|X11|Linux|CrOS/.test(ua)) return 'desktop';
  return 'unknown';
}
