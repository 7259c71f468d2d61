/** How {@link startPeriodic} runs its job. */
export interface PeriodicOptions {
  /** When the first run starts, in ms from now. @default intervalMs */
  firstAfterMs?: number;
  /** Told of a run that failed; the next run still comes one interval later. */
  onError: (error: unknown) => void;
}

/**
 * Runs `run` every `intervalMs` (the interval counted from the end of the previous run, so runs
 * never overlap) until the returned function is called; that function waits for a run in
 * progress, so shutdown never cuts a run's bookkeeping short. The timer is unref'd: the HTTP
 * server keeps a collector alive, a background job alone must not (e.g. after a failed start).
 * @example
 * const stop = startPeriodic(() => escalateOverdue(ctx), 60_000, { onError: (error) => ctx.log.error('case escalation run failed', { error: String(error) }) });
 * ctx.onClose.push(stop);
 */
export function startPeriodic(run: () => Promise<unknown>, intervalMs: number, options: PeriodicOptions): () => Promise<void> {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    running = run()
      .catch(options.onError)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs).unref();
      });
  };
  timer = setTimeout(tick, options.firstAfterMs ?? intervalMs).unref();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
