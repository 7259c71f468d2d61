import * as z from 'zod/mini';
import { fromBase64, toBase64 } from './internal/base64.js';
import { defaultStorage, readJson, type KioskStorage } from './internal/store.js';
import type { PinHash } from './settings.js';

export type { PinHash } from './settings.js';

/**
 * PBKDF2 iterations for a new PIN. OWASP's 2023 figure for PBKDF2-HMAC-SHA-256 is 600,000, sized
 * for passwords checked on servers; on a low-end kiosk tablet that is ~1 s per try. A 4–12 digit
 * PIN cannot be made safe against offline guessing by iterations alone (10^4 guesses × any cost is
 * cheap), so the hash only keeps the digits from being read back; the lockout below is what stops
 * guessing at the screen. 210,000 keeps a try near a quarter second on such a tablet.
 */
export const PIN_ITERATIONS = 210_000;

/** A PIN is 4 to 12 digits: what a number pad can enter. */
export const PIN_PATTERN = /^[0-9]{4,12}$/;

/** True for 4 to 12 ASCII digits. @example isValidPin('1234') // true */
export function isValidPin(pin: string): boolean {
  return PIN_PATTERN.test(pin);
}

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, 256);
  return new Uint8Array(bits);
}

/**
 * Hashes a PIN with PBKDF2-SHA-256 and a fresh random 16-byte salt (WebCrypto: needs a secure
 * context, i.e. https or localhost).
 * @example const pin = await hashPin('1234'); // { salt, hash, iterations: 210000 }
 * @throws RangeError when `pin` is not 4 to 12 digits.
 */
export async function hashPin(pin: string, options: { iterations?: number } = {}): Promise<PinHash> {
  if (!isValidPin(pin)) throw new RangeError('A PIN must be 4 to 12 digits');
  const iterations = options.iterations ?? PIN_ITERATIONS;
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { salt: toBase64(salt), hash: toBase64(await derive(pin, salt, iterations)), iterations };
}

/**
 * Compares two byte strings in time that depends only on their length, so how long a wrong PIN
 * takes to reject tells nothing about how much of its hash matched.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

/**
 * True when `pin` matches the stored hash. Never throws for a wrong or malformed PIN: it is
 * hashed all the same (same cost as a right one), and the answer is false.
 * @example if (await verifyPin(typed, settings.pin)) openSettings();
 */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const expected = fromBase64(stored.hash);
  const actual = await derive(pin, fromBase64(stored.salt), stored.iterations);
  return constantTimeEqual(actual, expected) && isValidPin(pin);
}

/** The persisted lockout record: kept apart from the settings so that saving settings never resets it. */
const LockStateSchema = z.object({
  failures: z.int().check(z.gte(0)),
  lockouts: z.int().check(z.gte(0)),
  lockedUntil: z.number(),
});
type LockState = z.infer<typeof LockStateSchema>;
const UNLOCKED: LockState = { failures: 0, lockouts: 0, lockedUntil: 0 };

/** The answer to one PIN try. */
export type PinCheck =
  | { readonly ok: true }
  /** Wrong; `attemptsLeft` before the next lockout (0 means this try started one: see `lockedUntil`). */
  | { readonly ok: false; readonly reason: 'wrong'; readonly attemptsLeft: number; readonly lockedUntil?: number }
  /** Locked out until `lockedUntil` (epoch ms); the PIN was not even looked at. */
  | { readonly ok: false; readonly reason: 'locked'; readonly lockedUntil: number };

export interface PinGateOptions {
  /** The kiosk's storage key; the lockout is kept under `<storageKey>:pin-lock`. */
  readonly storageKey: string;
  /** @default localStorage */
  readonly storage?: KioskStorage | undefined;
  /** The clock, injectable for tests. @default Date.now */
  readonly now?: () => number;
  /** Wrong PINs in a row before a lockout. @default 5 */
  readonly maxAttempts?: number;
  /** The first lockout; each further one doubles it. @default 300000 (5 minutes) */
  readonly lockoutMs?: number;
  /** The longest lockout. @default 86400000 (24 hours) */
  readonly maxLockoutMs?: number;
}

/**
 * Guards the admin screen: checks PINs and locks out after `maxAttempts` wrong ones in a row
 * (5 min, then 10, 20…, at most a day). The count and the lockout are persisted, so reloading the
 * page (or unplugging the tablet) does not hand out five fresh tries. A right PIN clears them.
 *
 * @example
 * const gate = new PinGate({ storageKey: 'storevoice:kiosk' });
 * const check = await gate.check(typed, settings.pin);
 * if (check.ok) showSettings(); else if (check.reason === 'locked') showCountdown(check.lockedUntil);
 */
export class PinGate {
  private readonly key: string;
  private readonly storage: KioskStorage | undefined;
  private readonly now: () => number;
  private readonly maxAttempts: number;
  private readonly lockoutMs: number;
  private readonly maxLockoutMs: number;
  /** Used when storage refuses writes: a lockout still holds for the life of the page. */
  private memory: LockState = UNLOCKED;
  /** Tries run one after another, so two quick taps of OK cannot both slip under the limit. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: PinGateOptions) {
    this.key = `${options.storageKey}:pin-lock`;
    this.storage = 'storage' in options ? options.storage : defaultStorage();
    this.now = options.now ?? Date.now;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 5);
    this.lockoutMs = Math.max(1000, options.lockoutMs ?? 5 * 60_000);
    this.maxLockoutMs = Math.max(this.lockoutMs, options.maxLockoutMs ?? 24 * 3_600_000);
  }

  /** When the current lockout ends (epoch ms), or `undefined` when a PIN may be tried now. */
  lockedUntil(): number | undefined {
    const state = this.read();
    const now = this.now();
    if (state.lockedUntil <= now) return undefined;
    // A clock set backwards must not stretch a 5-minute lockout into days: cap it at its own length.
    return Math.min(state.lockedUntil, now + this.duration(state.lockouts));
  }

  /** Wrong PINs still allowed before the next lockout. */
  attemptsLeft(): number {
    return this.lockedUntil() === undefined ? Math.max(0, this.maxAttempts - this.read().failures) : 0;
  }

  /** Checks one PIN against `stored`. Resolves; never rejects for a wrong PIN. */
  check(pin: string, stored: PinHash): Promise<PinCheck> {
    const run = this.queue.then(() => this.tryPin(pin, stored));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Forgets failures and lockouts, e.g. after a new PIN was provisioned. */
  reset(): void {
    this.write(UNLOCKED);
  }

  private async tryPin(pin: string, stored: PinHash): Promise<PinCheck> {
    const lockedUntil = this.lockedUntil();
    if (lockedUntil !== undefined) return { ok: false, reason: 'locked', lockedUntil };
    if (await verifyPin(pin, stored)) {
      this.reset();
      return { ok: true };
    }
    const record = this.read();
    // Not locked now, so a lockout on record has run out: its count stays (the next one is longer), its failures go.
    const state = record.lockedUntil !== 0 ? { failures: 0, lockouts: record.lockouts, lockedUntil: 0 } : record;
    const failures = state.failures + 1;
    if (failures < this.maxAttempts) {
      this.write({ ...state, failures });
      return { ok: false, reason: 'wrong', attemptsLeft: this.maxAttempts - failures };
    }
    const lockouts = state.lockouts + 1;
    const until = this.now() + this.duration(lockouts);
    this.write({ failures: 0, lockouts, lockedUntil: until });
    return { ok: false, reason: 'wrong', attemptsLeft: 0, lockedUntil: until };
  }

  /** Length of the n-th lockout (1-based): doubling, capped. */
  private duration(lockouts: number): number {
    return Math.min(this.maxLockoutMs, this.lockoutMs * 2 ** Math.max(0, Math.min(lockouts - 1, 30)));
  }

  private read(): LockState {
    const stored = readJson(this.storage, this.key);
    if (!stored) return this.memory;
    const parsed = 'value' in stored ? z.safeParse(LockStateSchema, stored.value) : undefined;
    if (parsed?.success) return parsed.data;
    // A damaged record fails closed: it becomes one lockout (written back, so that it ends) rather
    // than a clean slate that deleting a byte of storage would buy.
    const locked = { failures: 0, lockouts: Math.max(1, this.memory.lockouts), lockedUntil: this.now() + this.lockoutMs };
    this.write(locked);
    return locked;
  }

  private write(state: LockState): void {
    this.memory = state;
    try {
      if (state === UNLOCKED) this.storage?.removeItem(this.key);
      else this.storage?.setItem(this.key, JSON.stringify(state));
    } catch {
      // Storage full or disabled: the in-memory copy still holds the lockout for this page.
    }
  }
}
