import type { Answer } from '../../sdk/schema/index.js';
import type { AppContext } from '../server/context.js';
import { loadBrandSettings } from '../server/settings/repository.js';
import { createRandom, type Random } from './random.js';

/**
 * A quarter of case handling for the demo brand, so the inbox and the closing-the-loop metrics
 * look like a real store network's. The cases themselves were opened by ingest as for any
 * submission (same rules, ingest/follow-ups.ts); this gives them the life they would have had:
 * - opened a moment after the feedback was given (the demo's devices were online);
 * - most handled: taken by the store's manager (now and then the region's), a contact attempt
 *   for customers who left details, resolved with a root cause that matches what they said;
 * - Oslo (017) slow all quarter, Brighton (108) slipping for the last two weeks, Copenhagen
 *   (023) quick: so some stores are overdue and escalated and others are not;
 * - the latest ones still open, some taken, some due soon.
 * The same history on every run (a seeded PRNG), relative to the seed's "now".
 */
export interface SeedCasesReport {
  cases: number;
  resolved: number;
  overdue: number;
  escalated: number;
}

interface CaseRow extends Record<string, unknown> {
  id: string;
  reason: 'manager_requested' | 'detractor_with_contact' | 'detractor';
  store_id: string | null;
  region_id: string | null;
  submitted_at: Date;
  answers: Answer[];
  comment: string | null;
  has_contact: boolean;
}

interface Manager {
  id: number;
  name: string;
}

interface Note {
  case_id: string;
  kind: string;
  author_id: number | null;
  author_name: string | null;
  text: string | null;
  data: Record<string, unknown> | null;
  created_at: string;
}

const MINUTE = 60_000;

/** How a store handles its cases: the share it resolves, and how slow it is (1 = on pace). */
function pace(storeId: string | null, daysAgo: number): { handled: number; slow: number } {
  if (storeId === '017') return { handled: 0.9, slow: 1.7 };
  if (storeId === '108') return daysAgo < 14 ? { handled: 0.75, slow: 2.2 } : { handled: 0.97, slow: 0.8 };
  if (storeId === '023') return { handled: 0.99, slow: 0.5 };
  return { handled: 0.97, slow: 1 };
}

/** An exponential draw with this mean: most responses are quick, a few take long. */
const exponential = (random: Random, mean: number) => -Math.log(1 - random.next()) * mean;

const CAUSE_OF_REASON: Record<string, string> = { queue: 'queue', help: 'staff', stock: 'stock', cleanliness: 'cleanliness' };
const CAUSE_OF_TEXT: Array<[RegExp, string]> = [
  [/queue|till/i, 'queue'],
  [/anyone to help|ignored/i, 'staff'],
  [/half empty|out of stock/i, 'stock'],
  [/card terminal/i, 'payment'],
  [/fitting rooms/i, 'other'],
];
const RESOLUTIONS: Record<string, string[]> = {
  queue: ['Opened a second till at peak hours.', 'Moved a colleague to the tills on Saturdays.'],
  staff: ['Talked it through with the team at the morning huddle.', 'Apologised and arranged a personal shopping slot.'],
  stock: ['Reserved the item from another store.', 'Raised the gap with the stock planners.'],
  cleanliness: ['Added a mid-day tidy round.', 'Fixed the cleaning rota.'],
  payment: ['Replaced the card terminal.', 'Refunded the double charge.'],
  product: ['Exchanged the product.', 'Passed the feedback to the buying team.'],
  price: ['Explained the price match policy and applied it.'],
  other: ['Called the customer back; they were happy with the answer.', 'Reopened the fitting rooms with an extra colleague.'],
};

function rootCauseOf(row: CaseRow, random: Random): string {
  for (const answer of row.answers) {
    if (answer.type === 'choice') {
      const first = Array.isArray(answer.value) ? answer.value[0] : answer.value;
      if (first && CAUSE_OF_REASON[first]) return CAUSE_OF_REASON[first]!;
    }
  }
  for (const [pattern, cause] of CAUSE_OF_TEXT) if (row.comment && pattern.test(row.comment)) return cause;
  return random.weighted([['staff', 3], ['product', 2], ['price', 1], ['payment', 1], ['other', 1]] as const);
}

export async function seedCases(ctx: AppContext, random: Random = createRandom(2027)): Promise<SeedCasesReport> {
  const now = ctx.now();
  const { settings } = await loadBrandSettings(ctx.db, 'acme', ctx.log);
  const minutesOf = { manager_requested: settings.cases.responseMinutes.managerRequested, detractor_with_contact: settings.cases.responseMinutes.detractorWithContact, detractor: settings.cases.responseMinutes.detractor };
  const users = await ctx.db.query<{ id: number; name: string; role: string; region_id: string | null; store_id: string | null }>(
    "SELECT id::int AS id, name, role, region_id, store_id FROM users WHERE brand_id = 'acme' AND role <> 'staff' ORDER BY id",
  );
  const storeManager = new Map<string, Manager>(users.filter((u) => u.role === 'store').map((u) => [u.store_id!, u]));
  const regional = new Map<string, Manager>(users.filter((u) => u.role === 'regional').map((u) => [u.region_id!, u]));
  const corporate = users.find((u) => u.role === 'corporate');
  const rows = await ctx.db.query<CaseRow>(
    `SELECT c.id::text AS id, c.reason, c.store_id, c.region_id, s.created_at AS submitted_at, s.body->'answers' AS answers, s.comment,
       EXISTS (SELECT 1 FROM submission_contacts k WHERE k.submission_id = c.submission_id) AS has_contact
     FROM cases c JOIN submissions s ON s.id = c.submission_id WHERE c.brand_id = 'acme' ORDER BY s.created_at, c.id`,
  );

  const updates: Array<Record<string, unknown>> = [];
  const notes: Note[] = [];
  const report: SeedCasesReport = { cases: rows.length, resolved: 0, overdue: 0, escalated: 0 };
  const iso = (t: number) => new Date(t).toISOString();
  for (const row of rows) {
    const created = Math.min(now.getTime(), row.submitted_at.getTime() + random.int(5, 120) * 1000);
    const response = minutesOf[row.reason] * MINUTE;
    const due = created + response;
    const age = now.getTime() - created;
    const { handled, slow } = pace(row.store_id, age / 86_400_000);
    const manager = (row.store_id ? storeManager.get(row.store_id) : undefined) ?? (row.region_id ? regional.get(row.region_id) : undefined) ?? corporate;
    const assignee = random.weighted([[manager, 80], [(row.region_id ? regional.get(row.region_id) : undefined) ?? manager, 15], [corporate ?? manager, 5]] as const);
    // Handled at this store's pace; a recent case may simply not have been reached yet.
    const firstAt = created + Math.max(MINUTE, exponential(random, response * 0.2 * slow));
    const resolveAt = firstAt + Math.max(2 * MINUTE, exponential(random, response * 0.25 * slow));
    const willResolve = random.chance(handled);
    const resolved = willResolve && resolveAt <= now.getTime();
    const taken = firstAt <= now.getTime() && (resolved || random.chance(0.6));
    // The escalation worker runs every 30 s: a case still unresolved then is escalated.
    const escalation = due + random.int(5, 30) * 1000;
    const escalatedAt = (resolved ? resolveAt : now.getTime()) > escalation ? escalation : null;

    const caseNotes: Note[] = [];
    const by = (kind: string, at: number, extra: Partial<Note> = {}) =>
      caseNotes.push({ case_id: row.id, kind, author_id: assignee?.id ?? null, author_name: assignee?.name ?? null, text: null, data: null, created_at: iso(at), ...extra });
    let version = 1;
    let status = 'open';
    let rootCause: string | null = null;
    let resolution: string | null = null;
    if (taken && assignee) {
      by('assigned', firstAt, { data: { from: null, assigneeId: assignee.id, assigneeName: assignee.name } });
      by('status', firstAt, { data: { from: 'open', to: 'in_progress' } });
      status = 'in_progress';
      version++;
      // Customers who left details are written to soon after the case is taken, before it is resolved.
      const contactAt = firstAt + Math.min(random.int(1, 20) * MINUTE, (resolveAt - firstAt) / 2);
      if (row.has_contact && contactAt <= now.getTime()) {
        by('contact_attempt', contactAt, { data: { method: 'email', outcome: 'sent' }, text: 'Wrote to apologise and ask what would put it right.' });
        version++;
      }
    }
    if (escalatedAt !== null) {
      caseNotes.push({ case_id: row.id, kind: 'escalated', author_id: null, author_name: null, text: null, data: { dueAt: iso(due), regionId: row.region_id }, created_at: iso(escalatedAt) });
      version++;
      report.escalated++;
    }
    if (resolved && assignee) {
      rootCause = rootCauseOf(row, random);
      resolution = random.pick(RESOLUTIONS[rootCause] ?? RESOLUTIONS.other!);
      by('resolved', resolveAt, { text: resolution, data: { from: status, rootCause } });
      status = 'resolved';
      version++;
      report.resolved++;
    } else if (due <= now.getTime()) {
      report.overdue++;
    }
    caseNotes.sort((a, b) => a.created_at.localeCompare(b.created_at));
    notes.push(...caseNotes);
    updates.push({
      id: row.id,
      status,
      created_at: iso(created),
      due_at: iso(due),
      assignee_id: taken ? (assignee?.id ?? null) : null,
      first_response_at: taken ? iso(firstAt) : null,
      resolved_at: status === 'resolved' ? iso(resolveAt) : null,
      escalated_at: escalatedAt === null ? null : iso(escalatedAt),
      root_cause: rootCause,
      resolution_note: resolution,
      version,
      updated_at: caseNotes.at(-1)?.created_at ?? iso(created),
    });
  }

  await ctx.db.query(
    `UPDATE cases c SET status = u.status, created_at = u.created_at, due_at = u.due_at, assignee_id = u.assignee_id, first_response_at = u.first_response_at,
       resolved_at = u.resolved_at, escalated_at = u.escalated_at, root_cause = u.root_cause, resolution_note = u.resolution_note, version = u.version, updated_at = u.updated_at
     FROM jsonb_to_recordset($1::text::jsonb) AS u(id uuid, status text, created_at timestamptz, due_at timestamptz, assignee_id bigint, first_response_at timestamptz,
       resolved_at timestamptz, escalated_at timestamptz, root_cause text, resolution_note text, version int, updated_at timestamptz)
     WHERE c.id = u.id`,
    [JSON.stringify(updates)],
  );
  await ctx.db.query(
    `INSERT INTO case_notes (case_id, kind, author_id, author_name, text, data, created_at)
     SELECT n.case_id, n.kind, n.author_id, n.author_name, n.text, n.data, n.created_at
     FROM jsonb_to_recordset($1::text::jsonb) AS n(position int, case_id uuid, kind text, author_id bigint, author_name text, text text, data jsonb, created_at timestamptz)
     ORDER BY n.position`,
    [JSON.stringify(notes.map((note, position) => ({ ...note, position })))],
  );
  // The seed's live events announced 90 days of history as if it had just arrived: not news.
  await ctx.db.query('DELETE FROM events');
  return report;
}
