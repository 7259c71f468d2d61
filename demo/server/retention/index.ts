import type { AppContext } from '../context.js';
import { startPeriodic } from '../periodic.js';
import { runRetention } from './job.js';

export { runRetention, retentionCutoffs } from './job.js';
export { lastRetentionRun, type RetentionRun, type RetentionCounts } from './last-run.js';
export { exportContactData, eraseContactData } from './rights.js';

/**
 * Runs the retention job every RETENTION_INTERVAL_MINUTES (0: never; tests call
 * {@link runRetention} with their own clock), the first run one interval after start so several
 * instances started together do not all begin at once. A run never overlaps the previous one.
 * The routes are mounted by `createApp`.
 */
export function installRetention(ctx: AppContext): void {
  const minutes = ctx.config.RETENTION_INTERVAL_MINUTES;
  if (minutes === 0) return;
  // Errors are logged by the run itself; the next interval tries again.
  ctx.onClose.push(startPeriodic(() => runRetention(ctx), minutes * 60_000, { onError: () => undefined }));
}
