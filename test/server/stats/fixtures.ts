import { randomUUID } from 'node:crypto';
import { upsertUser } from '../../../demo/server/auth/index.js';
import type { Queryable } from '../../../demo/server/db/database.js';

/** The time tests run at: defaults (`to` = today) resolve against it. */
export const NOW = new Date('2026-03-07T12:00:00Z');
export const RANGE = 'from=2026-03-01&to=2026-03-07';
export const PASSWORD = 'correct horse battery';

/** Demo users, one per role, plus a corporate user of another brand. */
export const USERS = {
  corporate: 'ceo@acme.test',
  regional: 'north@acme.test',
  store: 'n1@acme.test',
  staff: 'ann@acme.test',
  otherBrand: 'ceo@other.test',
} as const;

export interface Row {
  id?: string;
  brand?: string;
  region: string | null;
  store: string | null;
  staff?: string[];
  channel?: string;
  at: string;
  nps?: number;
  csat?: number;
  smiley?: number;
  stars?: number;
  comment?: string;
}

/**
 * Inserts one submission the way ingest stores it (ON CONFLICT DO NOTHING on the id).
 * TODO: switch to ingest's storeSubmissions() once it lands.
 */
export async function insertSubmission(db: Queryable, row: Row): Promise<string> {
  const id = row.id ?? randomUUID();
  const ratings = [row.csat, row.smiley, row.stars].filter((v): v is number => v !== undefined);
  await db.query(
    `INSERT INTO submissions (id, brand_id, region_id, store_id, staff_ids, channel, survey_id, created_at, nps, csat, smiley, stars, min_score, comment, body)
     VALUES ($1, $2, $3, $4, $5, $6, 'post-visit', $7, $8, $9, $10, $11, $12, $13, '{}') ON CONFLICT (id) DO NOTHING`,
    [id, row.brand ?? 'acme', row.region, row.store, row.staff ?? [], row.channel ?? 'kiosk', new Date(row.at), row.nps ?? null, row.csat ?? null, row.smiley ?? null, row.stars ?? null, ratings.length ? Math.min(...ratings) : null, row.comment ?? null],
  );
  return id;
}

/**
 * The fixed dataset whose numbers the tests check by hand (see stats/rollups.test.ts):
 * acme → north (n1, n2), south (s1); staff ann, bob at n1, cat at n2, dan at s1.
 */
export const DATASET: Row[] = [
  { id: '00000000-0000-4000-8000-000000000001', region: 'north', store: 'n1', staff: ['ann'], at: '2026-03-01T09:00:00Z', nps: 10, csat: 5, smiley: 5, comment: 'Ann was wonderful' },
  { region: 'north', store: 'n1', staff: ['ann'], at: '2026-03-01T11:00:00Z', nps: 9, csat: 4, smiley: 4 },
  { region: 'north', store: 'n1', staff: ['bob'], at: '2026-03-02T09:00:00Z', nps: 8, csat: 3, smiley: 3 },
  { region: 'north', store: 'n1', at: '2026-03-02T10:00:00Z', nps: 6, csat: 2, smiley: 2, comment: '=HYPERLINK("http://evil.test","click")' },
  { region: 'north', store: 'n1', staff: ['bob'], at: '2026-03-03T09:00:00Z', nps: 0, csat: 1, smiley: 1, comment: 'Slow, "very" slow\nand rude' },
  { region: 'north', store: 'n1', at: '2026-03-03T10:00:00Z', nps: 10, smiley: 5, comment: 'Thanks Bob, fixed everything' },
  { region: 'north', store: 'n2', staff: ['cat'], channel: 'web', at: '2026-03-01T10:00:00Z', nps: 10, csat: 5, comment: 'Great help from Cat' },
  { region: 'north', store: 'n2', channel: 'web', at: '2026-03-02T12:00:00Z', nps: 7, csat: 4, smiley: 4 },
  { region: 'south', store: 's1', staff: ['dan'], at: '2026-03-01T12:00:00Z', nps: 3, csat: 2, smiley: 2, comment: 'Dan ignored me' },
  { region: 'north', store: 'n1', channel: 'employee', at: '2026-03-02T08:00:00Z', smiley: 4, comment: 'Good team' },
  { region: 'north', store: 'n1', channel: 'employee', at: '2026-03-03T08:00:00Z', smiley: 2 },
  { brand: 'other', region: 'x', store: 'x1', at: '2026-03-02T09:00:00Z', nps: 10, comment: 'Other brand secret' },
  // Outside the range: must not count.
  { region: 'north', store: 'n1', at: '2026-02-20T09:00:00Z', nps: 0, csat: 1, smiley: 1, comment: 'Old news' },
];

/** Hierarchy, users and the dataset (the first row twice: a duplicate must not count). */
export async function seed(db: Queryable): Promise<void> {
  await db.query("INSERT INTO brands (id, name) VALUES ('acme', 'Acme'), ('other', 'Other')");
  await db.query("INSERT INTO regions (brand_id, id, name) VALUES ('acme', 'north', 'North'), ('acme', 'south', 'South'), ('other', 'x', 'X')");
  await db.query(
    "INSERT INTO stores (brand_id, id, region_id, name) VALUES ('acme', 'n1', 'north', 'North One'), ('acme', 'n2', 'north', 'North Two'), ('acme', 's1', 'south', 'South One'), ('other', 'x1', 'x', 'X One')",
  );
  await db.query(
    "INSERT INTO staff (brand_id, id, store_id, name) VALUES ('acme', 'ann', 'n1', 'Ann Lee'), ('acme', 'bob', 'n1', 'Bob Stone'), ('acme', 'cat', 'n2', 'Cat Diaz'), ('acme', 'dan', 's1', 'Dan Wu')",
  );
  const ctx = { db: db as Parameters<typeof upsertUser>[0]['db'] };
  await upsertUser(ctx, { email: USERS.corporate, password: PASSWORD, role: 'corporate', brandId: 'acme', name: 'Chief' });
  await upsertUser(ctx, { email: USERS.regional, password: PASSWORD, role: 'regional', brandId: 'acme', regionId: 'north', name: 'Nora North' });
  await upsertUser(ctx, { email: USERS.store, password: PASSWORD, role: 'store', brandId: 'acme', storeId: 'n1', name: 'Nils One' });
  await upsertUser(ctx, { email: USERS.staff, password: PASSWORD, role: 'staff', brandId: 'acme', staffId: 'ann', name: 'Ann Lee' });
  await upsertUser(ctx, { email: USERS.otherBrand, password: PASSWORD, role: 'corporate', brandId: 'other', name: 'Other Chief' });
  for (const row of DATASET) await insertSubmission(db, row);
  const first = DATASET[0];
  if (first) await insertSubmission(db, first);
}
