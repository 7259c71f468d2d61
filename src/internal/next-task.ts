/** The part of the Prioritized Task Scheduling API used here (Chromium 129+; not yet in TypeScript's DOM types). */
declare const scheduler: { yield?: () => Promise<void> } | undefined;

/**
 * Resolves in a new task, so a long piece of work leaves the main thread to input and rendering in
 * between (no task over 50 ms on a slow phone). `scheduler.yield()` where the browser has it (the
 * continuation keeps its place ahead of other tasks), otherwise a `setTimeout`.
 * @example
 * await nextTask(); // then the next part of the work
 */
export const nextTask = (): Promise<void> =>
  typeof scheduler !== 'undefined' && scheduler.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve));
