/**
 * A signal for one request: it aborts after `ms`, or as soon as `parent` does. Call `clear()` when
 * done. (To tell a timeout from the parent's abort afterwards: the parent's signal says whether it
 * aborted; if it did not and this one did, the time ran out.)
 * Built by hand rather than with AbortSignal.timeout/any, which older kiosk Safari lacks.
 * @example
 * const limit = deadline(8000, signal);
 * try { await fetch(url, { signal: limit.signal }) } finally { limit.clear() }
 */
export function deadline(ms: number, parent?: AbortSignal): { readonly signal: AbortSignal; clear(): void } {
  const controller = new AbortController();
  const abort = () => controller.abort();
  parent?.addEventListener('abort', abort, { once: true });
  const timer = setTimeout(abort, ms);
  return {
    signal: controller.signal,
    clear() {
      clearTimeout(timer);
      parent?.removeEventListener('abort', abort);
    },
  };
}
