import { randomUUID } from 'node:crypto';
import type { AppContext } from '../server/context.js';
import { ideaDueAt } from '../server/ideas/submit.js';
import type { IdeaStatus } from '../server/ideas/types.js';
import { ATTRIBUTED_STAFF_SQL, POSITIVE_SQL } from '../server/recognition/attribution.js';

const DAY = 86_400_000;

interface DemoIdea {
  store: string;
  text: string;
  daysAgo: number;
  status: IdeaStatus;
  reply?: string;
  /** Days after writing that it was answered (late answers come after the escalation). */
  answeredAfter?: number;
  signedBy?: { staffId: string; name: string };
}

/**
 * Ideas in every status for the demo brand, a few signed, most anonymous: Stockholm (042)
 * answers quickly ("you said, we did"), Oslo (017) lets ideas wait until they go to the region,
 * the UK stores are in between. Escalation after 7 days, the brand's default.
 */
const IDEAS: readonly DemoIdea[] = [
  { store: '042', text: 'A second mirror by the fitting rooms: the queue there gets long on Saturdays.', daysAgo: 40, status: 'done', reply: 'Done: a second mirror went up last week. Thank you!', answeredAfter: 2 },
  { store: '042', text: 'Could we get the weekly rota two weeks ahead instead of one?', daysAgo: 25, status: 'planned', reply: 'Yes. From next month the rota is out two weeks ahead.', answeredAfter: 3, signedBy: { staffId: 'emp-17', name: 'Astrid Lindqvist' } },
  { store: '042', text: 'A water dispenser in the stockroom.', daysAgo: 12, status: 'acknowledged', reply: 'Good idea, checking with facilities.', answeredAfter: 1 },
  { store: '042', text: 'Close the till by the door for the first hour: nobody uses it and it is cold there.', daysAgo: 30, status: 'not_now', reply: 'Not now: that till takes the click-and-collect pick-ups. We will look again in spring.', answeredAfter: 4 },
  { store: '042', text: 'Price labels with bigger print on the bottom shelves.', daysAgo: 2, status: 'new' },
  { store: '017', text: 'The handheld scanners run out of battery by 3 pm. Spare batteries?', daysAgo: 20, status: 'planned', reply: 'Region here: spare batteries are ordered for every Nordic store.', answeredAfter: 9 },
  { store: '017', text: 'A short stand-up before opening on Saturdays.', daysAgo: 11, status: 'new' },
  { store: '017', text: 'Put the winter jackets nearer the entrance.', daysAgo: 4, status: 'new' },
  { store: '101', text: 'Let us swap shifts in an app instead of the paper sheet.', daysAgo: 35, status: 'done', reply: 'Done: shift swaps are in the staff app now.', answeredAfter: 5, signedBy: { staffId: 'emp-51', name: 'Priya Shah' } },
  { store: '108', text: 'More hangers at the returns desk.', daysAgo: 9, status: 'new' },
  { store: '108', text: 'A quiet hour on Tuesday mornings for customers who find the store too loud.', daysAgo: 15, status: 'acknowledged', reply: 'Region: we are trying this in two stores first.', answeredAfter: 10 },
];

/**
 * The thanks managers forwarded with kudos: the store manager of Stockholm thanks Astrid for her
 * latest kudos; the Nordics' regional manager thanks someone in Oslo. Only kudos by the
 * recognition rule (recognition/attribution.ts) are picked.
 */
const THANKS = [
  { staffId: 'emp-17', manager: 'store042@acme.example', take: 2, text: 'Lovely to read this, Astrid. Thank you for looking after our customers so well.' },
  { staffId: 'emp-31', manager: 'nordics@acme.example', take: 1, text: 'Great work, Ingrid: this is what we want every customer to feel.' },
] as const;

export interface SeedIdeasReport {
  ideas: number;
  thanks: number;
}

/** Seeds the demo's ideas and forwarded kudos, relative to the seed's "now". */
export async function seedIdeasAndRecognition(ctx: Pick<AppContext, 'db' | 'now'>): Promise<SeedIdeasReport> {
  const now = ctx.now().getTime();
  const stores = new Map((await ctx.db.query<{ id: string; region_id: string }>("SELECT id, region_id FROM stores WHERE brand_id = 'acme'")).map((s) => [s.id, s.region_id]));
  const roster = new Set((await ctx.db.query<{ id: string }>("SELECT id FROM staff WHERE brand_id = 'acme'")).map((s) => s.id));
  let ideas = 0;
  for (const idea of IDEAS) {
    const region = stores.get(idea.store);
    if (!region) continue;
    const created = new Date(now - idea.daysAgo * DAY);
    const due = ideaDueAt(created, 7);
    const answered = idea.answeredAfter !== undefined ? new Date(created.getTime() + idea.answeredAfter * DAY) : null;
    const escalated = (answered ?? new Date(now)) >= due && due.getTime() <= now ? due : null;
    const signature = idea.signedBy && roster.has(idea.signedBy.staffId) ? idea.signedBy : undefined;
    await ctx.db.query(
      `INSERT INTO ideas (id, brand_id, region_id, store_id, text, signed_staff_id, signed_name, status, reply, created_at, due_at, answered_at, answered_by_role, escalated_at, version, updated_at)
       VALUES ($1, 'acme', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [randomUUID(), region, idea.store, idea.text, signature?.staffId ?? null, signature?.name ?? null, idea.status, idea.reply ?? null, created.toISOString(), due.toISOString(), answered?.toISOString() ?? null, answered ? (escalated ? 'regional' : 'store') : null, escalated?.toISOString() ?? null, 1 + (answered ? 1 : 0) + (escalated ? 1 : 0), (answered ?? escalated ?? created).toISOString()],
    );
    ideas += 1;
  }
  let thanks = 0;
  for (const t of THANKS) {
    const [manager] = await ctx.db.query<{ id: number; name: string }>('SELECT id, name FROM users WHERE email = $1', [t.manager]);
    if (!manager) continue;
    const kudos = await ctx.db.query<{ id: string; store_id: string | null; created_at: Date }>(
      `SELECT s.id::text AS id, s.store_id, s.created_at FROM submissions s
       WHERE s.brand_id = 'acme' AND s.channel <> 'employee' AND s.comment IS NOT NULL AND ${POSITIVE_SQL}
         AND s.staff_ids @> ARRAY[$1]::text[] AND $1::text IN (${ATTRIBUTED_STAFF_SQL})
       ORDER BY s.created_at DESC LIMIT $2`,
      [t.staffId, t.take],
    );
    for (const k of kudos) {
      await ctx.db.query(
        `INSERT INTO kudos_thanks (submission_id, brand_id, staff_id, store_id, text, author_id, author_name, created_at)
         VALUES ($1::uuid, 'acme', $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [k.id, t.staffId, k.store_id, t.text, manager.id, manager.name, new Date(Math.min(now, k.created_at.getTime() + DAY)).toISOString()],
      );
      thanks += 1;
    }
  }
  return { ideas, thanks };
}
