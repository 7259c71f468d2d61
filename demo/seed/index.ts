import type { AppContext } from '../server/context.js';
import { layout } from '../server/layout.js';
import { upsertUser } from '../server/auth/users.js';
import { importHierarchy } from '../server/hierarchy/import.js';
import { storeSubmissions } from '../server/ingest/store.js';
import { importSurveysFromDir } from '../server/surveys/import.js';
import { seedAlerts } from './alerts.js';
import { seedCases } from './cases.js';
import { seedIdeasAndRecognition } from './ideas.js';
import { demoHierarchy } from './hierarchy.js';
import { demoPulseSubmissions, seedPulseKeys } from './pulse.js';
import { demoSubmissions } from './submissions.js';
import { demoUsers } from './users.js';

export { demoUsers } from './users.js';

/** demo/surveys/: the demo start imports it as SURVEYS_DIR unless one is set; a bare collector never does. */
export const demoSurveysDir = layout.demoSurveys;

export interface SeedOptions {
  /** Called as submissions are stored (a first seed takes a while on PGlite): stored so far, of total. */
  onProgress?: (stored: number, total: number) => void;
}

export interface SeedReport {
  seeded: boolean;
  submissions: number;
}

/**
 * Seeds the demo brand on first start: hierarchy with the `pk_demo` write key (and a pulse key per
 * store, pulse.ts), the demo surveys,
 * one user per role and ~5,000 submissions over the last 90 days. Does nothing when the database
 * already has a brand, so restarting `npm start` keeps what you added.
 */
export async function seedDemo(ctx: AppContext, options: SeedOptions = {}): Promise<SeedReport> {
  const [existing] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM brands');
  if ((existing?.n ?? 0) > 0) return { seeded: false, submissions: 0 };
  await importHierarchy(ctx, demoHierarchy);
  await importSurveysFromDir(ctx, demoSurveysDir);
  for (const user of demoUsers) await upsertUser(ctx, { ...user });
  // The employee pulse comes from its own weekly seed (pulse.ts), team by team, not sprinkled in.
  const submissions = [...demoSubmissions({ until: ctx.now() }).filter((s) => s.context.channel !== 'employee'), ...demoPulseSubmissions(ctx.now())];
  // Bulk insert in batch-sized chunks; alert hooks would page someone for 90 days of history.
  const hooks = ctx.afterIngest.splice(0);
  try {
    for (let i = 0; i < submissions.length; i += 100) {
      await storeSubmissions(ctx, 'acme', submissions.slice(i, i + 100));
      options.onProgress?.(Math.min(i + 100, submissions.length), submissions.length);
    }
  } finally {
    ctx.afterIngest.push(...hooks);
  }
  await seedCases(ctx);
  await ctx.db.transaction((tx) => seedPulseKeys(tx, ctx.now()));
  await seedIdeasAndRecognition(ctx);
  await seedAlerts(ctx);
  return { seeded: true, submissions: submissions.length };
}
