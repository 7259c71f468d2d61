import { fileURLToPath } from 'node:url';
import type { AppContext } from '../server/context.js';
import { upsertUser } from '../server/auth/users.js';
import { importHierarchy } from '../server/hierarchy/import.js';
import { storeSubmissions } from '../server/ingest/store.js';
import { importSurveysFromDir } from '../server/surveys/import.js';
import { seedAlerts } from './alerts.js';
import { seedCases } from './cases.js';
import { demoHierarchy } from './hierarchy.js';
import { demoSubmissions } from './submissions.js';
import { demoUsers } from './users.js';

export { demoUsers } from './users.js';

/** demo/surveys/: the demo start imports it as SURVEYS_DIR unless one is set; a bare collector never does. */
export const demoSurveysDir = fileURLToPath(new URL('../surveys/', import.meta.url));

export interface SeedReport {
  seeded: boolean;
  submissions: number;
}

/**
 * Seeds the demo brand on first start: hierarchy with the `pk_demo` write key, the demo surveys,
 * one user per role and ~5,000 submissions over the last 90 days. Does nothing when the database
 * already has a brand, so restarting `npm start` keeps what you added.
 */
export async function seedDemo(ctx: AppContext): Promise<SeedReport> {
  const [existing] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM brands');
  if ((existing?.n ?? 0) > 0) return { seeded: false, submissions: 0 };
  await importHierarchy(ctx, demoHierarchy);
  await importSurveysFromDir(ctx, demoSurveysDir);
  for (const user of demoUsers) await upsertUser(ctx, { ...user });
  const submissions = demoSubmissions({ until: ctx.now() });
  // Bulk insert in batch-sized chunks; alert hooks would page someone for 90 days of history.
  const hooks = ctx.afterIngest.splice(0);
  try {
    for (let i = 0; i < submissions.length; i += 100) await storeSubmissions(ctx, 'acme', submissions.slice(i, i + 100));
  } finally {
    ctx.afterIngest.push(...hooks);
  }
  await seedCases(ctx);
  await seedAlerts(ctx);
  return { seeded: true, submissions: submissions.length };
}
