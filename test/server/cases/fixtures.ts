import { fileURLToPath } from 'node:url';
import { uuidv7, type Answer, type Context, type Submission } from '../../../sdk/index.js';
import { upsertUser } from '../../../demo/server/auth/index.js';
import type { Config } from '../../../demo/server/config.js';
import { importHierarchy } from '../../../demo/server/hierarchy/import.js';
import type { Collector } from '../../../demo/server/server.js';
import { importSurveysFromDir } from '../../../demo/server/surveys/import.js';
import { startTestCollector } from '../support/collector.js';
import type { DatabaseTarget } from '../support/databases.js';
import { activePulseKey, rotatePulseKey } from '../../../demo/server/pulse/keys.js';
import { postSubmissions } from '../support/ingest.js';
import { login, type Session } from '../stats/client.js';

/**
 * The retailer of the cases tests: brand `acme` (key `pk_cases`) with region `north` (stores n1
 * and n2) and `south` (store s1), and brand `other` with store x1. One user per role and place:
 * two store managers, two regional managers, corporate, a staff member, and corporate of `other`.
 */
export const PASSWORD = 'correct horse battery';
export const KEY = 'pk_cases';

export const USERS = {
  corporate: 'ceo@cases.test',
  north: 'north@cases.test',
  south: 'south@cases.test',
  n1: 'n1@cases.test',
  n2: 'n2@cases.test',
  ann: 'ann@cases.test',
  other: 'ceo@other.test',
} as const;
export type Who = keyof typeof USERS;

export const STORE_OF = { n1: 'north', n2: 'north', s1: 'south', x1: 'x' } as const;
export type StoreId = keyof typeof STORE_OF;

const hierarchy = {
  brands: [
    {
      id: 'acme',
      name: 'Acme',
      writeKeys: [KEY],
      regions: [
        {
          id: 'north',
          name: 'North',
          stores: [
            { id: 'n1', name: 'North One', timeZone: 'Europe/Stockholm', staff: [{ id: 'ann', name: 'Ann Lee' }, { id: 'eve', name: 'Eve Stone' }] },
            { id: 'n2', name: 'North Two', timeZone: 'Europe/Oslo', staff: [{ id: 'cat', name: 'Cat Diaz' }] },
          ],
        },
        { id: 'south', name: 'South', stores: [{ id: 's1', name: 'South One', timeZone: 'Europe/London', staff: [{ id: 'dan', name: 'Dan Wu' }] }] },
      ],
    },
    { id: 'other', name: 'Other Co', writeKeys: ['pk_cases_other'], regions: [{ id: 'x', name: 'X', stores: [{ id: 'x1', name: 'X One', staff: [] }] }] },
  ],
};

/** A clock the collector reads (`ctx.now`), moved by the tests. */
export interface Clock {
  now: Date;
  advance(ms: number): Date;
}

export function clockAt(iso: string): Clock {
  const clock: Clock = {
    now: new Date(iso),
    advance(ms) {
      clock.now = new Date(clock.now.getTime() + ms);
      return clock.now;
    },
  };
  return clock;
}

export interface CasesWorld {
  collector: Collector;
  clock: Clock;
  sessions: Record<Who, Session>;
  ids: Record<Who, number>;
}

/** A collector over a fresh database with the retailer, the demo surveys, the users logged in. */
export async function startCasesWorld(target: DatabaseTarget, clock: Clock, config: Partial<Config> = {}): Promise<CasesWorld> {
  const collector = await startTestCollector(target, { CASE_WORKER_INTERVAL_MS: 0, STAFF_MIN_RESPONSES: 3, ...config }, { now: () => clock.now });
  try {
    await importHierarchy(collector.ctx, hierarchy);
    await importSurveysFromDir(collector.ctx, fileURLToPath(new URL('../../../demo/surveys/', import.meta.url)));
    const users: Record<Who, Parameters<typeof upsertUser>[1]> = {
      corporate: { email: USERS.corporate, password: PASSWORD, role: 'corporate', brandId: 'acme', name: 'Chief Exec' },
      north: { email: USERS.north, password: PASSWORD, role: 'regional', brandId: 'acme', regionId: 'north', name: 'Nora North' },
      south: { email: USERS.south, password: PASSWORD, role: 'regional', brandId: 'acme', regionId: 'south', name: 'Sam South' },
      n1: { email: USERS.n1, password: PASSWORD, role: 'store', brandId: 'acme', storeId: 'n1', name: 'Nils One' },
      n2: { email: USERS.n2, password: PASSWORD, role: 'store', brandId: 'acme', storeId: 'n2', name: 'Nina Two' },
      ann: { email: USERS.ann, password: PASSWORD, role: 'staff', brandId: 'acme', staffId: 'ann', name: 'Ann Lee' },
      other: { email: USERS.other, password: PASSWORD, role: 'corporate', brandId: 'other', name: 'Other Chief' },
    };
    const sessions = {} as Record<Who, Session>;
    const ids = {} as Record<Who, number>;
    for (const [who, input] of Object.entries(users) as Array<[Who, Parameters<typeof upsertUser>[1]]>) {
      ids[who] = (await upsertUser(collector.ctx, input)).id;
      sessions[who] = await login(collector.url, USERS[who], PASSWORD);
    }
    return { collector, clock, sessions, ids };
  } catch (error) {
    await collector.close();
    throw error;
  }
}

export const smiley = (value: number): Answer => ({ questionId: 'mood', type: 'smiley', value });
export const nps = (value: number): Answer => ({ questionId: 'recommend', type: 'nps', value });
export const csat = (value: number): Answer => ({ questionId: 'satisfaction', type: 'csat', value });
export const text = (value: string, questionId = 'comment'): Answer => ({ questionId, type: 'text', value });
export const consent = (value: boolean, contact?: string): Answer => ({ questionId: 'contact-me', type: 'consent', value, ...(contact !== undefined && { contact }) });

/** A customer submission at `store`, given at `at` (default: the clock's now). */
export function feedback(
  store: StoreId,
  answers: Answer[],
  options: { at?: Date; surveyId?: string; context?: Partial<Context>; consent?: Submission['consent'] } = {},
): Submission {
  const at = options.at ?? new Date();
  return {
    id: uuidv7(at.getTime()),
    schemaVersion: 1,
    surveyId: options.surveyId ?? (answers.some((a) => a.type === 'nps') ? 'post-purchase' : 'store-exit'),
    createdAt: at.toISOString(),
    context: { channel: 'kiosk', brand: store === 'x1' ? 'other' : 'acme', region: STORE_OF[store], store, device: `kiosk-${store}`, ...options.context },
    answers,
    ...(options.consent && { consent: options.consent }),
  };
}

/**
 * Posts submissions with the brand's key, employee pulse with its store's pulse key (made on first
 * use: the collector takes pulse only with one); fails the test on anything but 202.
 */
export async function ingest(world: CasesWorld, ...submissions: Submission[]): Promise<void> {
  const pulse = submissions.filter((s) => s.context.channel === 'employee');
  for (const store of new Set(pulse.map((s) => s.context.store ?? ''))) {
    const key = (await activePulseKey(world.collector.ctx.db, 'acme', store)) ?? (await world.collector.ctx.db.transaction((tx) => rotatePulseKey(tx, 'acme', store, world.clock.now)));
    await post(world, pulse.filter((s) => (s.context.store ?? '') === store), key.key);
  }
  const customer = submissions.filter((s) => s.context.channel !== 'employee');
  if (customer.length > 0) await post(world, customer, customer[0]?.context.brand === 'other' ? 'pk_cases_other' : KEY);
}

async function post(world: CasesWorld, submissions: Submission[], key: string): Promise<void> {
  const res = await postSubmissions(world.collector.url, submissions.length === 1 ? submissions[0] : { submissions }, { key });
  if (res.status !== 202) throw new Error(`ingest: ${res.status} ${await res.text()}`);
}

/** The case opened for a submission (id, as the database has it), or undefined. */
export async function caseOf(world: CasesWorld, submissionId: string): Promise<{ id: string; reason: string; status: string; due_at: Date; created_at: Date } | undefined> {
  const [row] = await world.collector.ctx.db.query<{ id: string; reason: string; status: string; due_at: Date; created_at: Date }>(
    'SELECT id::text AS id, reason, status, due_at, created_at FROM cases WHERE submission_id = $1',
    [submissionId],
  );
  return row;
}

export function get(world: CasesWorld, who: Who, path: string): Promise<Response> {
  return fetch(`${world.collector.url}${path}`, { headers: { cookie: world.sessions[who].cookie } });
}

export async function getJson<T>(world: CasesWorld, who: Who, path: string): Promise<T> {
  const res = await get(world, who, path);
  if (res.status !== 200) throw new Error(`GET ${path} as ${who}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A same-origin JSON request with the session's CSRF token, as the dashboard sends it. */
export function send(world: CasesWorld, who: Who, method: 'PATCH' | 'PUT', path: string, body: unknown): Promise<Response> {
  const { cookie, csrf } = world.sessions[who];
  return fetch(`${world.collector.url}${path}`, {
    method,
    headers: { cookie, 'x-csrf-token': csrf, origin: world.collector.url, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
