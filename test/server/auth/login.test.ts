import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as z from 'zod/mini';
import { SessionBodySchema } from '../../../demo/server/auth/session-body.js';
import type { Collector } from '../../../demo/server/server.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { login } from '../stats/client.js';
import { NOW, PASSWORD, seed, USERS } from '../stats/fixtures.js';

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

for (const target of databaseTargets) {
  describe(`auth: login, sessions, CSRF (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    let now = NOW;
    before(async () => {
      collector = await startTestCollector(target, { SESSION_TTL_MINUTES: 60 }, { now: () => now });
      await seed(collector.ctx.db);
    });
    after(() => collector.close());

    it('logs in with the right password and sets a strict, HttpOnly session cookie', async () => {
      const res = await post(collector.url, { email: 'N1@Acme.test', password: PASSWORD });
      assert.equal(res.status, 200);
      const cookie = res.headers.get('set-cookie') ?? '';
      assert.match(cookie, /^sv_session=[A-Za-z0-9_-]{43};/);
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Strict/);
      assert.match(cookie, /Path=\//);
      assert.doesNotMatch(cookie, /Secure/); // plain http on loopback
      // The shape the dashboard validates (demo/pages/dashboard/api.ts).
      const body = z.parse(SessionBodySchema, await res.json());
      assert.equal(body.user.role, 'store');
      assert.equal(body.user.storeId, 'n1');
      assert.ok(body.csrfToken.length >= 40);
      assert.ok(!('passwordHash' in body.user));
      // Only the token's hash is stored.
      const token = cookie.split(';')[0]?.split('=')[1] ?? '';
      const rows = await collector.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE token_hash = $1', [token]);
      assert.equal(rows[0]?.n, 0);
    });

    it('uses a Secure __Host- cookie over https (behind a TLS proxy)', async () => {
      const res = await post(collector.url, { email: USERS.regional, password: PASSWORD }, { 'x-forwarded-proto': 'https' });
      assert.equal(res.status, 200);
      const cookie = res.headers.get('set-cookie') ?? '';
      assert.match(cookie, /^__Host-sv_session=/);
      assert.match(cookie, /Secure/);
      assert.match(cookie, /Path=\//);
      assert.doesNotMatch(cookie, /Domain=/);
    });

    it('refuses a wrong password or an unknown e-mail alike', async () => {
      const wrong = await post(collector.url, { email: USERS.corporate, password: 'nope nope nope' });
      const unknown = await post(collector.url, { email: 'nobody@acme.test', password: PASSWORD });
      assert.equal(wrong.status, 401);
      assert.equal(unknown.status, 401);
      assert.deepEqual(await wrong.json(), await unknown.json());
      assert.equal(wrong.headers.get('set-cookie'), null);
    });

    it('validates the login body', async () => {
      const res = await post(collector.url, { email: USERS.corporate });
      assert.equal(res.status, 400);
      assert.ok(((await res.json()) as { issues: unknown[] }).issues.length > 0);
      const form = await fetch(`${collector.url}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=a&password=b' });
      assert.equal(form.status, 415);
    });

    it('rate-limits login attempts per IP and e-mail: 429 with Retry-After', async () => {
      const email = USERS.otherBrand;
      for (let i = 0; i < 5; i++) assert.equal((await post(collector.url, { email, password: 'wrong' })).status, 401);
      const limited = await post(collector.url, { email, password: PASSWORD });
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('retry-after'), '60');
      // Another e-mail from the same IP is not affected.
      assert.equal((await post(collector.url, { email: USERS.staff, password: PASSWORD })).status, 200);
      // A minute later the window has passed.
      now = new Date(NOW.getTime() + 61_000);
      assert.equal((await post(collector.url, { email, password: PASSWORD })).status, 200);
      now = NOW;
    });

    it('refuses a cross-origin login (login CSRF)', async () => {
      const res = await post(collector.url, { email: USERS.corporate, password: PASSWORD }, { origin: 'https://evil.test' });
      assert.equal(res.status, 403);
    });

    it('answers /me with the user and CSRF token; 401 without a session', async () => {
      const session = await login(collector.url, USERS.corporate, PASSWORD);
      const me = await fetch(`${collector.url}/v1/auth/me`, { headers: { cookie: session.cookie } });
      assert.equal(me.status, 200);
      assert.equal(me.headers.get('cache-control'), 'no-store');
      const body = z.parse(SessionBodySchema, await me.json());
      assert.equal(body.user.email, USERS.corporate);
      assert.equal(body.csrfToken, session.csrf);
      assert.equal(body.staffMinResponses, 10);
      assert.equal((await fetch(`${collector.url}/v1/auth/me`)).status, 401);
      assert.equal((await fetch(`${collector.url}/v1/auth/me`, { headers: { cookie: 'sv_session=forged' } })).status, 401);
    });

    it('rotates the session id on login: the old cookie stops working', async () => {
      const first = await login(collector.url, USERS.corporate, PASSWORD);
      const res = await post(collector.url, { email: USERS.corporate, password: PASSWORD }, { cookie: first.cookie });
      const second = (res.headers.get('set-cookie') ?? '').split(';')[0];
      assert.notEqual(second, first.cookie);
      assert.equal((await fetch(`${collector.url}/v1/auth/me`, { headers: { cookie: first.cookie } })).status, 401);
      assert.equal((await fetch(`${collector.url}/v1/auth/me`, { headers: { cookie: second ?? '' } })).status, 200);
    });

    it('expires sessions after SESSION_TTL_MINUTES', async () => {
      const session = await login(collector.url, USERS.corporate, PASSWORD);
      now = new Date(NOW.getTime() + 59 * 60_000);
      assert.equal((await fetch(`${collector.url}/v1/auth/me`, { headers: { cookie: session.cookie } })).status, 200);
      now = new Date(NOW.getTime() + 60 * 60_000);
      assert.equal((await fetch(`${collector.url}/v1/auth/me`, { headers: { cookie: session.cookie } })).status, 401);
      now = NOW;
    });

    it('requires the CSRF token and a same-origin request to log out', async () => {
      const session = await login(collector.url, USERS.corporate, PASSWORD);
      const logout = (headers: Record<string, string>) => fetch(`${collector.url}/v1/auth/logout`, { method: 'POST', headers: { cookie: session.cookie, ...headers } });
      assert.equal((await logout({})).status, 403);
      assert.equal((await logout({ 'x-csrf-token': 'wrong' })).status, 403);
      assert.equal((await logout({ 'x-csrf-token': session.csrf, origin: 'https://evil.test' })).status, 403);
      assert.equal((await logout({ 'x-csrf-token': session.csrf, 'sec-fetch-site': 'cross-site' })).status, 403);
      // Still logged in after every refused attempt.
      assert.equal((await fetch(`${collector.url}/v1/auth/me`, { headers: { cookie: session.cookie } })).status, 200);
      const ok = await logout({ 'x-csrf-token': session.csrf, origin: collector.url });
      assert.equal(ok.status, 204);
      assert.match(ok.headers.get('set-cookie') ?? '', /sv_session=;.*Max-Age=0/);
      assert.equal((await fetch(`${collector.url}/v1/auth/me`, { headers: { cookie: session.cookie } })).status, 401);
    });
  });
}
