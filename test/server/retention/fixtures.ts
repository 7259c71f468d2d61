import { uuidv7, type Answer, type Submission } from '../../../sdk/index.js';
import { upsertUser } from '../../../demo/server/auth/index.js';
import type { AppContext } from '../../../demo/server/context.js';
import { importHierarchy } from '../../../demo/server/hierarchy/import.js';
import { storeSubmissions } from '../../../demo/server/ingest/store.js';
import { createRandom } from '../../../demo/seed/random.js';

/**
 * A retailer with a few months of varied feedback for the retention tests: every answer type,
 * page URLs, "Other" text, contact details (e-mail and phone, typed in different ways), comments
 * that quote a contact, cases with notes. Stored with the collector's own ingest, each day's
 * feedback received on that day (the test clock moves), so contacts and cases have real ages.
 */
export const PASSWORD = 'correct horse battery';
export const USERS = { corporate: 'ceo@retention.test', store: 'n1@retention.test' } as const;
export const FIRST_DAY = Date.parse('2026-01-05T00:00:00Z');
export const DAYS = 60;
/** The range every stats request of the tests asks for. */
export const RANGE = 'from=2026-01-01&to=2026-03-10';

/** Text a person typed: none of it may be left after anonymisation. */
export const TYPED = ['Slow queue at the till', 'Lovely staff', 'Prices too high', 'the music was loud', 'shop.example.com'];
/** The person whose rights the tests exercise, and the ways they typed their contact. */
export const JANE = { email: 'jane.doe@example.com', typed: ['Jane.Doe@Example.com', ' jane.doe@example.com', 'JANE.DOE@EXAMPLE.COM'] };
export const JOHN = { phone: '+46701234567', typed: ['+46 70 123 45 67', '070-123 45 67', '0046 (0)70 123 45 67'] };

const STORES = [
  { id: 'n1', region: 'north', timeZone: 'Europe/Stockholm' },
  { id: 'n2', region: 'north', timeZone: 'Europe/Oslo' },
  { id: 's1', region: 'south', timeZone: 'America/New_York' },
];

const hierarchy = {
  brands: [
    {
      id: 'acme',
      name: 'Acme',
      writeKeys: ['pk_retention'],
      regions: ['north', 'south'].map((region) => ({
        id: region,
        name: region,
        stores: STORES.filter((s) => s.region === region).map((s) => ({ id: s.id, name: `Store ${s.id}`, timeZone: s.timeZone, staff: [1, 2].map((n) => ({ id: `${s.id}-${n}`, name: `Person${s.id}${n} Smith` })) })),
      })),
    },
    { id: 'other', name: 'Other', writeKeys: ['pk_other'], regions: [{ id: 'r', name: 'R', stores: [{ id: 'o1', name: 'O1', staff: [] }] }] },
  ],
};

/** One day's feedback, reproducible. */
function generateDay(random: ReturnType<typeof createRandom>, day: number, perDay: number): Submission[] {
  const out: Submission[] = [];
  for (let i = 0; i < perDay; i++) {
    const store = random.pick(STORES);
    const at = new Date(FIRST_DAY + day * 86_400_000 + random.int(0, 23) * 3_600_000 + random.int(0, 59) * 60_000);
    const channel = random.pick(['kiosk', 'web', 'qr', 'employee'] as const);
    const answers: Answer[] = [];
    answers.push({ questionId: 'mood', type: 'smiley', value: random.int(1, 5) });
    if (random.chance(0.6)) answers.push({ questionId: 'recommend', type: 'nps', value: random.int(0, 10) });
    if (random.chance(0.3)) answers.push({ questionId: 'sat', type: 'csat', value: random.int(1, 5) });
    if (random.chance(0.4)) answers.push({ questionId: 'why', type: 'choice', value: random.chance(0.5) ? random.pick(['queue', 'help', 'stock']) : ['queue', 'other'], ...(random.chance(0.5) && { other: 'the music was loud' }) });
    if (random.chance(0.5)) answers.push({ questionId: 'comment', type: 'text', value: random.pick(TYPED.slice(0, 3)) });
    if (channel !== 'employee' && random.chance(0.3)) answers.push({ questionId: 'contact-me', type: 'consent', value: true, contact: random.chance(0.5) ? `customer${day}-${i}@example.com` : `+46 70 ${100 + day} ${10 + i} 00` });
    out.push({
      id: uuidv7(at.getTime()),
      schemaVersion: 1,
      surveyId: 'store-exit',
      createdAt: at.toISOString(),
      context: {
        channel,
        brand: 'acme',
        region: store.region,
        store: store.id,
        staff: random.chance(0.6) ? [`${store.id}-${random.int(1, 2)}`] : [],
        locale: random.pick(['en-GB', 'sv']),
        ...(channel === 'web' && { page: { url: 'https://shop.example.com/checkout?order=123' } }),
      },
      answers,
    });
  }
  return out;
}

/** A submission from Jane or John: their contact in the consent answer, or quoted in a comment. */
export function fromPerson(at: string, store: string, answers: Answer[], page = 'https://shop.example.com/help'): Submission {
  return {
    id: uuidv7(Date.parse(at)),
    schemaVersion: 1,
    surveyId: 'store-exit',
    createdAt: at,
    context: { channel: 'web', brand: 'acme', region: STORES.find((s) => s.id === store)!.region, store, page: { url: page } },
    answers,
  };
}

/**
 * Seeds the hierarchy, a corporate and a store user, and `DAYS` days of feedback, each day stored
 * with the clock set to that day (so contacts are received, and cases opened, on it).
 */
export async function seedRetention(ctx: AppContext, setClock: (at: Date) => void, perDay = 12): Promise<void> {
  await importHierarchy(ctx, hierarchy);
  await upsertUser(ctx, { email: USERS.corporate, password: PASSWORD, role: 'corporate', brandId: 'acme', name: 'Chief' });
  await upsertUser(ctx, { email: USERS.store, password: PASSWORD, role: 'store', brandId: 'acme', storeId: 'n1', name: 'Nils' });
  const random = createRandom(16);
  const hooks = ctx.afterIngest.splice(0);
  try {
    for (let day = 0; day < DAYS; day++) {
      setClock(new Date(FIRST_DAY + day * 86_400_000 + 23.5 * 3_600_000));
      await storeSubmissions(ctx, 'acme', generateDay(random, day, perDay));
    }
  } finally {
    ctx.afterIngest.push(...hooks);
  }
  // Topics as ingest tags them: counted by the rollups, and kept by retention.
  await ctx.db.query("UPDATE submissions SET topics = CASE WHEN comment LIKE '%queue%' THEN ARRAY['queue'] WHEN comment LIKE '%Prices%' THEN ARRAY['price'] ELSE ARRAY['staff'] END WHERE comment IS NOT NULL");
  // Managers' notes on some cases, and a few resolved cases.
  await ctx.db.query(`INSERT INTO case_notes (case_id, kind, author_name, text, created_at)
    SELECT id, 'note', 'Nils', 'Called the customer back about the queue', created_at + interval '1 hour' FROM cases WHERE right(id::text, 1) IN ('1', '2', '3', '4', '5')`);
  await ctx.db.query(`UPDATE cases SET status = 'resolved', resolved_at = created_at + interval '2 days', first_response_at = created_at + interval '1 hour', root_cause = 'queue', resolution_note = 'Opened a second till', version = version + 1
    WHERE right(id::text, 1) IN ('1', '2', '3', '6', '7', '8')`);
}
