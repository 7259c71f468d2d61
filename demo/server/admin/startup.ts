import type { AppContext } from '../context.js';
import { importHierarchy, loadHierarchyFile } from '../hierarchy/import.js';
import { importSurveysFromDir } from '../surveys/import.js';

/**
 * Imports HIERARCHY_FILE and the survey files of SURVEYS_DIR (each when set) before the collector
 * listens. Both imports are idempotent upserts, so every instance may run them at every start.
 * A bad file stops the start with an error naming it, like a bad environment variable.
 */
export async function importStartupData(ctx: AppContext): Promise<void> {
  if (ctx.config.HIERARCHY_FILE) await importHierarchy(ctx, await loadHierarchyFile(ctx.config.HIERARCHY_FILE));
  if (ctx.config.SURVEYS_DIR) await importSurveysFromDir(ctx, ctx.config.SURVEYS_DIR);
}
