import * as z from 'zod/mini';
import { StoreVoiceError, type ValidationIssue } from '../../../sdk/errors.js';
import { parseOrThrow, toValidationIssues } from '../../../sdk/schema/parse.js';
import { defaultStorage, readJson, writeJson, type KioskStorage } from './internal/store.js';
import { FIELD_PARAMS, PROVISIONING_PARAMS, parseProvisioningParams, type ProvisioningIssue } from './internal/url-params.js';
import { PinGate, hashPin } from './pin.js';
import { KioskSettingsSchema, defaultKioskSettings, kioskSettingsFields, type KioskSettings } from './settings.js';

export type { KioskStorage } from './internal/store.js';
export { PROVISIONING_PARAMS, type ProvisioningIssue, type ProvisioningParam } from './internal/url-params.js';

const warn = (storageKey: string, why: string) => console.warn(`[storevoice] kiosk settings under "${storageKey}": ${why}`);

/**
 * Reads a kiosk's settings. Never throws: nothing stored gives the defaults; a damaged record
 * gives what can be saved of it, field by field (so a bad roster entry does not cost the
 * store's id or the PIN), the defaults for the rest, and one console warning saying what was lost.
 *
 * @param storage Where to read. @default localStorage
 * @example
 * const settings = loadKioskSettings('storevoice:kiosk');
 * widget.store = settings.store;
 */
export function loadKioskSettings(storageKey: string, storage: KioskStorage | undefined = defaultStorage()): KioskSettings {
  const stored = readJson(storage, storageKey);
  if (!stored) return defaultKioskSettings();
  if ('error' in stored) {
    warn(storageKey, `${stored.error}; using the defaults`);
    return defaultKioskSettings();
  }
  const whole = z.safeParse(KioskSettingsSchema, stored.value);
  if (whole.success) return whole.data;
  const problems = toValidationIssues(whole.error.issues, stored.value).map((i) => `${i.path || 'settings'}: ${i.message}`);
  const salvaged = salvage(stored.value);
  warn(storageKey, `invalid (${problems.join('; ')}); kept the valid fields, used defaults for the rest`);
  return salvaged;
}

/** The valid fields of a damaged record over the defaults; on-shift ids not in the roster are dropped. */
function salvage(value: unknown): KioskSettings {
  const settings: Record<string, unknown> = { ...defaultKioskSettings() };
  if (typeof value === 'object' && value !== null) {
    for (const [name, schema] of Object.entries(kioskSettingsFields)) {
      const field = z.safeParse(schema, (value as Record<string, unknown>)[name]);
      if (field.success && field.data !== undefined) settings[name] = field.data;
    }
  }
  const ids = new Set((settings.staffRoster as KioskSettings['staffRoster']).map((m) => m.id));
  settings.onShift = (settings.onShift as string[]).filter((id) => ids.has(id));
  const result = z.safeParse(KioskSettingsSchema, settings);
  // Only a roster with a duplicated id can still fail here; drop the roster rather than everything.
  return result.success ? result.data : { ...(settings as KioskSettings), staffRoster: [], onShift: [] };
}

/**
 * Validates and stores a kiosk's settings, returning what was stored.
 * @throws ValidationError naming every invalid field (nothing is stored), or the storage's own
 *   error (quota, storage disabled), so a save that did not happen is never reported as done.
 * @example saveKioskSettings('storevoice:kiosk', { ...settings, onShift: ['emp-17'] });
 */
export function saveKioskSettings(storageKey: string, settings: KioskSettings, storage: KioskStorage | undefined = defaultStorage()): KioskSettings {
  const valid = parseOrThrow(KioskSettingsSchema, settings, 'kiosk settings');
  writeJson(storage, storageKey, valid);
  return valid;
}

/** Thrown by {@link provisionFromUrl} when a parameter is invalid; nothing was applied. */
export class ProvisioningError extends StoreVoiceError {
  override name = 'ProvisioningError';
  /** Every bad parameter and why. */
  readonly issues: readonly ProvisioningIssue[];
  /** The URL without its `pin` (already put in the address bar when the URL was the page's). */
  readonly cleanUrl: URL;

  constructor(issues: readonly ProvisioningIssue[], cleanUrl: URL) {
    super(`Kiosk provisioning link not applied: ${issues.map((i) => `${i.param}: ${i.message}`).join('; ')}`);
    this.issues = issues;
    this.cleanUrl = cleanUrl;
  }
}

export interface ProvisionOptions {
  /** @default localStorage */
  readonly storage?: KioskStorage | undefined;
  /**
   * Where the cleaned URL is written with `replaceState`. By default the page's `history` when
   * `url` is the page's own address, else nowhere; `null` never writes.
   */
  readonly history?: Pick<History, 'replaceState' | 'state'> | null;
  /** PBKDF2 iterations for a provisioned PIN (at least 100,000). @default PIN_ITERATIONS */
  readonly iterations?: number;
}

export interface ProvisionResult {
  /** The settings now stored (the stored ones unchanged when the URL had no provisioning parameter). */
  readonly settings: KioskSettings;
  /** True when the URL carried provisioning parameters and they were applied and stored. */
  readonly provisioned: boolean;
  /** `url` without the provisioning parameters; other parameters (yours, `sv_*`) stay. */
  readonly cleanUrl: URL;
}

function without(url: URL, params: readonly string[]): URL {
  const clean = new URL(url.href);
  for (const param of params) clean.searchParams.delete(param);
  return clean;
}

function replaceAddress(url: URL, target: URL, history: ProvisionOptions['history']): void {
  const sameAsPage = typeof location !== 'undefined' && url.href === location.href;
  const writer = history === undefined ? (sameAsPage && typeof window !== 'undefined' ? window.history : null) : history;
  if (writer && target.href !== url.href) writer.replaceState(writer.state, '', target.href);
}

/**
 * Applies a fleet provisioning link such as
 * `kiosk.html?store=042&device=exit-1&survey=exit&pin=1234` over the stored settings, stores the
 * result, and removes the parameters from the address bar (`history.replaceState`), so that the
 * PIN is neither on screen nor in the history. The PIN is hashed before anything is stored.
 *
 * Parameters: `brand`, `region`, `store`, `device`, `survey`, `endpoint`, `key` (empty clears),
 * `pin` (4–12 digits), `staff=id:Name,id:Name` (replaces the roster), `onshift=id,id`,
 * `lang=en,fr`, `contrast=high|normal`, `textsize=1…2`. All or nothing: with any invalid
 * parameter nothing is stored, only the `pin` is removed from the address bar, and a
 * {@link ProvisioningError} lists every problem.
 *
 * Async because WebCrypto's PBKDF2 is.
 * @example
 * try {
 *   const { settings, provisioned } = await provisionFromUrl(new URL(location.href), 'storevoice:kiosk');
 * } catch (error) {
 *   if (error instanceof ProvisioningError) showSetupProblem(error.message);
 * }
 */
export async function provisionFromUrl(url: URL, storageKey: string, options: ProvisionOptions = {}): Promise<ProvisionResult> {
  const storage = 'storage' in options ? options.storage : defaultStorage();
  const cleanUrl = without(url, PROVISIONING_PARAMS);
  if (!PROVISIONING_PARAMS.some((param) => url.searchParams.has(param))) {
    return { settings: loadKioskSettings(storageKey, storage), provisioned: false, cleanUrl };
  }
  try {
    const { changes, pin, issues } = parseProvisioningParams(url.searchParams);
    if (issues.length > 0) throw new ProvisioningError(issues, without(url, ['pin']));
    const current = loadKioskSettings(storageKey, storage);
    const next: Record<string, unknown> = { ...current, ...changes };
    for (const [name, value] of Object.entries(next)) if (value === undefined) delete next[name];
    // A new roster without `onshift` keeps only those on shift who are still on it.
    if (changes.staffRoster && !changes.onShift) next.onShift = current.onShift.filter((id) => changes.staffRoster?.some((m) => m.id === id));
    const checked = z.safeParse(KioskSettingsSchema, next);
    if (!checked.success) throw new ProvisioningError(toValidationIssues(checked.error.issues, next).map(paramIssue), without(url, ['pin']));
    const settings = pin === undefined ? checked.data : { ...checked.data, pin: await hashPin(pin, options.iterations ? { iterations: options.iterations } : {}) };
    const stored = saveKioskSettings(storageKey, settings, storage);
    // A new PIN starts with a clean slate: whoever holds the provisioning link is the admin anyway.
    if (pin !== undefined) new PinGate({ storageKey, storage }).reset();
    replaceAddress(url, cleanUrl, options.history);
    return { settings: stored, provisioned: true, cleanUrl };
  } catch (error) {
    // Nothing was applied (or the storage refused it), but the PIN still leaves the address bar.
    replaceAddress(url, without(url, ['pin']), options.history);
    throw error;
  }
}

/** A whole-settings issue (`staffRoster[2].name`) worded for the parameter that caused it (`staff`). */
function paramIssue(issue: ValidationIssue): ProvisioningIssue {
  const field = issue.path.split(/[.[]/)[0] ?? '';
  // `onShift[0]`'s message already names the id; `staffRoster[2].name` needs its "[2].name".
  const rest = issue.path.slice(field.length).replace(/^\./, '');
  const message = rest && !/^\[\d+\]$/.test(rest) ? `${rest} ${issue.message}` : issue.message;
  return { param: FIELD_PARAMS[field] ?? 'staff', message };
}
