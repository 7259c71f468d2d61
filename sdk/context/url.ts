import { ContextInputSchema, type ContextInput, type Tags } from '../schema/context.js';
import type { ClientOptions } from '../schema/options.js';
import { parseOrThrow } from '../schema/parse.js';

/** How the page URL is recorded; see {@link pageUrl}. */
export type PageUrlMode = NonNullable<ClientOptions['pageUrl']>;

const FIELDS = ['brand', 'region', 'store', 'staff', 'device', 'channel', 'locale'] as const;
const TAG = 'sv_tag_';

/**
 * Read context from receipt / QR-code parameters: `sv_brand`, `sv_region`, `sv_store`,
 * `sv_staff` (comma-separated: `emp-17,emp-21`), `sv_device`, `sv_channel`, `sv_locale`, and
 * `sv_tag_<name>=<value>` for tags (`true`/`false` become booleans; decimal numbers become numbers
 * when nothing is lost, so codes like `042` or `1.50` stay strings).
 *
 * A value the schemas reject is skipped with a `console.warn` naming the parameter, never thrown:
 * a mistyped QR code must not break the page. Empty values count as absent (templated QR codes
 * often print `sv_staff=` for "unknown"). When a parameter repeats, the last one wins.
 *
 * @param url defaults to `globalThis.location.href`, read when called; without one (Node, SSR) the result is `{}`.
 * @example
 * // https://shop.example.com/feedback?sv_store=042&sv_staff=emp-17&sv_tag_lane=4
 * contextFromUrl(); // → { store: '042', staff: ['emp-17'], tags: { lane: 4 } }
 * client.setContext(contextFromUrl());
 */
export function contextFromUrl(url: string | URL | undefined = globalThis.location?.href): ContextInput {
  let params: URLSearchParams;
  try {
    // The base only lets relative URLs ("?sv_store=042") parse; only the query is read.
    params = new URL(url ?? '', 'http://localhost').searchParams;
  } catch {
    return {};
  }
  let context: ContextInput = {};
  for (const [name, raw] of params) {
    const field = FIELDS.find((f) => name === `sv_${f}`);
    if (!raw) continue;
    // Validate the whole context so far, so limits across values (at most 32 tags) hold too.
    let candidate: Record<string, unknown>;
    if (field) candidate = { ...context, [field]: field === 'staff' ? raw.split(',').map((s) => s.trim()).filter(Boolean) : raw };
    else if (name.startsWith(TAG)) candidate = { ...context, tags: { ...context.tags, [name.slice(TAG.length)]: tagValue(raw) } };
    else continue;
    try {
      context = parseOrThrow(ContextInputSchema, candidate, `URL parameter ${name}=${JSON.stringify(raw.slice(0, 100))} (ignored)`);
    } catch (error) {
      // The ValidationError's message names the parameter and every problem with its value.
      console.warn(`[storevoice] ${(error as Error).message}`);
    }
  }
  return context;
}

function tagValue(raw: string): Tags[string] {
  if (raw === 'true' || raw === 'false') return raw === 'true';
  // The round trip keeps "042", "1.50" and 20-digit ids as strings instead of silently changing them.
  return /^-?\d+(\.\d+)?$/.test(raw) && String(Number(raw)) === raw ? Number(raw) : raw;
}

/**
 * The page URL to record with a submission.
 * - `strip` (the client's default): origin and path only. Query strings and fragments carry
 *   e-mail addresses, order ids and login tokens, which feedback must not collect by accident.
 * - `full`: the whole URL.
 * - `none`: nothing (`undefined`).
 *
 * User name and password (`https://user:pass@…`) are dropped in every mode. The result is cut to
 * 2048 characters, the schema's limit; an invalid URL gives `undefined`.
 * @example
 * pageUrl('https://shop.example.com/checkout?email=jo%40example.com#done', 'strip'); // → 'https://shop.example.com/checkout'
 * pageUrl(location.href, 'none'); // → undefined
 */
export function pageUrl(href: string, mode: PageUrlMode = 'strip'): string | undefined {
  if (mode === 'none') return undefined;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  url.username = url.password = '';
  // Clearing search and hash (rather than origin + pathname) also keeps file: and about: URLs readable.
  if (mode === 'strip') url.search = url.hash = '';
  return url.href.slice(0, 2048);
}
