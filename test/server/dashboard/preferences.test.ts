import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as z from 'zod/mini';
import { PreferencesSchema } from '../../../demo/server/auth/session-body.js';
import type { Collector } from '../../../demo/server/server.js';
import { get, login, type Session } from '../stats/client.js';
import { NOW, PASSWORD, seed, USERS } from '../stats/fixtures.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';

const PATH = '/v1/auth/me/preferences';

for (const target of databaseTargets) {
  describe(`${PATH} (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    let store: Session;
    let regional: Session;
    const patch = (session: Session, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${collector.url}${PATH}`, {
        method: 'PATCH',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json', origin: collector.url, ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    const read = async (session: Session) => z.parse(PreferencesSchema, await (await get(collector.url, PATH, session)).json());

    before(async () => {
      collector = await startTestCollector(target, {}, { now: () => NOW });
      await seed(collector.ctx.db);
      store = await login(collector.url, USERS.store, PASSWORD);
      regional = await login(collector.url, USERS.regional, PASSWORD);
    });
    after(() => collector.close());

    it('answers 401 without a session, for reading and writing', async () => {
      assert.equal((await fetch(`${collector.url}${PATH}`)).status, 401);
      assert.equal((await fetch(`${collector.url}${PATH}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"locale":"fr"}' })).status, 401);
    });

    it('starts with no language chosen, remembers one, and keeps it for the next login', async () => {
      assert.deepEqual(await read(store), { locale: null });
      const res = await patch(store, { locale: 'pt-BR' });
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { locale: 'pt-BR' });
      assert.deepEqual(await read(store), { locale: 'pt-BR' });
      // A new session (another device, or after logging out) reads the same choice.
      const again = await login(collector.url, USERS.store, PASSWORD);
      assert.deepEqual(await read(again), { locale: 'pt-BR' });
      // Per user: the regional manager's choice is their own.
      assert.deepEqual(await read(regional), { locale: null });
      // null goes back to "follow the browser".
      assert.deepEqual(await (await patch(again, { locale: null })).json(), { locale: null });
      assert.deepEqual(await read(again), { locale: null });
    });

    it('refuses a write without the CSRF token or from another origin', async () => {
      const noToken = await patch(regional, { locale: 'fr' }, { 'x-csrf-token': '' });
      assert.equal(noToken.status, 403);
      assert.equal(((await noToken.json()) as { error: string }).error, 'csrf');
      const crossSite = await patch(regional, { locale: 'fr' }, { origin: 'https://evil.example' });
      assert.equal(crossSite.status, 403);
      assert.equal(((await crossSite.json()) as { error: string }).error, 'cross_origin');
      assert.deepEqual(await read(regional), { locale: null });
    });

    it('answers 400 naming the field for a language it does not offer, a misspelt field or a bad body', async () => {
      const cases: Array<[unknown, number, string, string | undefined]> = [
        [{ locale: 'xx' }, 400, 'validation_failed', 'locale'],
        [{ locale: 'fr-FR' }, 400, 'validation_failed', 'locale'],
        [{ locale: 7 }, 400, 'validation_failed', 'locale'],
        [{}, 400, 'validation_failed', 'locale'],
        [{ locale: 'fr', langauge: 'de' }, 400, 'validation_failed', undefined],
        ['not json', 400, 'invalid_json', undefined],
      ];
      for (const [body, status, error, field] of cases) {
        const res = await patch(regional, body);
        const json = (await res.json()) as { error: string; message: string; issues?: Array<{ path: string[]; message: string; keys?: string[] }> };
        assert.equal(res.status, status, JSON.stringify(body));
        assert.equal(json.error, error, JSON.stringify(body));
        if (field) assert.equal(json.issues?.[0]?.path[0], field, JSON.stringify(json));
      }
      const misspelt = (await (await patch(regional, { locale: 'fr', langauge: 'de' })).json()) as { issues: Array<{ keys?: string[] }> };
      assert.deepEqual(misspelt.issues[0]?.keys, ['langauge']);
      const wrongType = await patch(regional, 'locale=fr', { 'content-type': 'application/x-www-form-urlencoded' });
      assert.equal(wrongType.status, 415);
      const huge = await patch(regional, JSON.stringify({ locale: 'fr', pad: 'x'.repeat(4096) }));
      assert.equal(huge.status, 413);
      assert.deepEqual(await read(regional), { locale: null });
    });

    it('reads a stored language the dashboard no longer offers as "not chosen"', async () => {
      const id = (await collector.ctx.db.query<{ id: number }>('SELECT id::int AS id FROM users WHERE email = $1', [USERS.regional]))[0]?.id;
      await collector.ctx.db.query("UPDATE users SET locale = 'tlh' WHERE id = $1", [id]);
      assert.deepEqual(await read(regional), { locale: null });
      await collector.ctx.db.query('UPDATE users SET locale = NULL WHERE id = $1', [id]);
    });
  });
}
