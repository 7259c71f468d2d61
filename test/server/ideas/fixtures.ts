import { upsertUser } from '../../../demo/server/auth/index.js';
import type { Idea, IdeaListResponse } from '../../../demo/server/ideas/index.js';
import { rotatePulseKey } from '../../../demo/server/pulse/keys.js';
import { login, type Session } from '../stats/client.js';
import { PASSWORD, USERS, startCasesWorld, type CasesWorld, type Clock, type Who } from '../cases/fixtures.js';
import type { DatabaseTarget } from '../support/databases.js';

/**
 * The cases tests' retailer (test/server/cases/fixtures.ts) with one more staff account, `cat`
 * at store n2, and two real pulse keys: `pk_pulse_n1` and `pk_pulse_n2` open stores n1 and n2.
 */
export type IdeaWho = Who | 'cat';
export interface IdeasWorld extends Omit<CasesWorld, 'sessions'> {
  sessions: Record<IdeaWho, Session>;
}

export const PULSE_KEYS = { n1: 'pk_pulse_n1', n2: 'pk_pulse_n2' } as const;

export async function startIdeasWorld(target: DatabaseTarget, clock: Clock): Promise<IdeasWorld> {
  const world = await startCasesWorld(target, clock);
  await upsertUser(world.collector.ctx, { email: 'cat@cases.test', password: PASSWORD, role: 'staff', brandId: 'acme', staffId: 'cat', name: 'Cat Diaz' });
  for (const [store, key] of Object.entries(PULSE_KEYS)) await world.collector.ctx.db.transaction((tx) => rotatePulseKey(tx, 'acme', store, clock.now, key));
  return { ...world, sessions: { ...world.sessions, cat: await login(world.collector.url, 'cat@cases.test', PASSWORD) } };
}

/** A same-origin JSON request with the session's CSRF token, as the dashboard sends it. */
export function request(world: IdeasWorld, who: IdeaWho, method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<Response> {
  const { cookie, csrf } = world.sessions[who];
  return fetch(`${world.collector.url}${path}`, {
    method,
    headers: { cookie, 'x-csrf-token': csrf, origin: world.collector.url, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

export async function json<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`${res.url}: expected ${status}, got ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/** An idea from the pulse page of `key`'s store. */
export function pulseIdea(world: IdeasWorld, key: string, body: unknown): Promise<Response> {
  return fetch(`${world.collector.url}/v1/ideas/pulse`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

export async function ideasOf(world: IdeasWorld, who: IdeaWho, query = ''): Promise<Idea[]> {
  return (await json<IdeaListResponse>(await request(world, who, 'GET', `/v1/ideas${query}`))).ideas;
}

/** Logs everyone in again: sessions expire while a test moves the clock by days. */
export async function relogin(world: IdeasWorld): Promise<void> {
  for (const who of Object.keys(world.sessions) as IdeaWho[]) {
    world.sessions[who] = await login(world.collector.url, who === 'cat' ? 'cat@cases.test' : USERS[who], PASSWORD);
  }
}
