/**
 * Polls `probe` until it returns something truthy; fails with `message` (and the last value seen)
 * after `timeout` ms. Every wait in the e2e suite goes through here or a Playwright timeout, so a
 * hang becomes a sentence, not a suite timeout.
 */
export async function waitUntil<T>(probe: () => Promise<T | false | undefined | null> | T | false | undefined | null, options: { timeout: number; message: string; interval?: number; describe?: () => Promise<string> | string }): Promise<T> {
  const deadline = Date.now() + options.timeout;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() >= deadline) {
      const detail = options.describe ? ` (${await options.describe()})` : '';
      throw new Error(`${options.message}: not within ${options.timeout / 1000} s${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.interval ?? 100));
  }
}
