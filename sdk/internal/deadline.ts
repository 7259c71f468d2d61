/**
 * A signal for one request: it aborts after `ms`, or as soon as `parent` does. `timedOut` tells
 * the two apart afterwards (fetch rejects the same way for both). Call `clear()` when done.
 * Built by hand rather than with AbortSignal.timeout/any, which older kiosk Safari lacks.
 * @example
 * const limit = deadline(8000, signal);
 * try { await fetch(url, { signal: limit.signal }) } finally { limit.clear() }
 */
export function deadline(ms: number, parent?: AbortSignal): { readonly signal: AbortSignal; readonly timedOut: boolean; clear(): void } {
  const controller = new AbortController();
  const abort = () => controller.abort();
  parent?.addEventListener('abort', abort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, ms);
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    clear() {
      clearTimeout(timer);
      parent?.removeEventListener('abort', abort);
    },
  };
}
