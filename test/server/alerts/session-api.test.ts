import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { escalateOverdue } from '../../../demo/server/cases/escalation.js';
import { runDueDeliveries } from '../../../demo/server/alerts/index.js';
import { clockAt, consent, feedback, get, getJson, ingest, nps, smiley, startCasesWorld, type CasesWorld, type Who } from '../cases/fixtures.js';
import { SseClient } from '../events/sse-client.js';
import { databaseTargets } from '../support/databases.js';
import { startReceiver } from './support/receiver.js';

type Rule = { id: string; enabled: boolean; scope: Record<string, unknown>; webhook: { url: string; secretSet: boolean } | null; name?: string };
type Alerts = { alerts: Array<{ id: string; kind: string; ruleId: string; storeId: string | null; acknowledgedAt: string | null; acknowledgedBy: string | null; summary: Record<string, unknown> }>; unacknowledged: number };

const SECRET = 'whsec_0123456789abcdef';

function call(world: CasesWorld, who: Who, method: string, path: string, body?: unknown): Promise<Response> {
  const { cookie, csrf } = world.sessions[who];
  return fetch(`${world.collector.url}${path}`, {
    method,
    headers: { cookie, 'x-csrf-token': csrf, origin: world.collector.url, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

async function create(world: CasesWorld, who: Who, rule: Record<string, unknown>): Promise<Rule> {
  const res = await call(world, who, 'POST', '/v1/alert-rules', rule);
  assert.equal(res.status, 201, `${who} create: ${await res.clone().text()}`);
  return (await res.json()) as Rule;
}

const lowScores = (scope: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ kind: 'score', name: 'Unhappy', scope, when: { minScoreAtMost: 2 }, outsideHours: 'send', ...extra });

for (const target of databaseTargets) {
  describe(`alert rules and alerts in the dashboard (${target.name})`, { skip: target.skip }, () => {
    const clock = clockAt('2026-03-07T12:00:00Z');
    let world: CasesWorld;
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    before(async () => {
      receiver = await startReceiver();
      world = await startCasesWorld(target, clock, { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', ALERT_WORKER_INTERVAL_MS: 0, DROP_CHECK_INTERVAL_MS: 0 });
    });
    after(async () => {
      await world.collector.close();
      await receiver.close();
    });

    it('lets each role create, edit, switch off and delete rules in its scope, and refuses the rest', async () => {
      const cases: Array<{ who: Who; scope: Record<string, unknown> }> = [
        { who: 'corporate', scope: {} },
        { who: 'north', scope: { region: 'north' } },
        { who: 'north', scope: { store: ['n1', 'n2'] } },
        { who: 'n1', scope: { store: 'n1' } },
      ];
      for (const { who, scope } of cases) {
        const rule = await create(world, who, lowScores(scope));
        assert.match(rule.id, /^rule-/);
        assert.equal(rule.webhook, null);
        const edited = await call(world, who, 'PUT', `/v1/alert-rules/${rule.id}`, lowScores(scope, { name: 'Renamed', webhook: { url: receiver.url, secret: SECRET } }));
        assert.equal(edited.status, 200, await edited.clone().text());
        const shown = (await edited.json()) as Rule;
        assert.equal(shown.name, 'Renamed');
        assert.deepEqual(shown.webhook, { url: `${new URL(receiver.url).origin}/…`, secretSet: true });
        assert.ok(!JSON.stringify(shown).includes(SECRET));
        // An edit that keeps the URL may leave the secret out (it is never shown).
        const kept = await call(world, who, 'PUT', `/v1/alert-rules/${rule.id}`, lowScores(scope, { webhook: { url: receiver.url } }));
        assert.equal(kept.status, 200, await kept.clone().text());
        const off = await call(world, who, 'PATCH', `/v1/alert-rules/${rule.id}`, { enabled: false });
        assert.equal(((await off.json()) as Rule).enabled, false);
        const tested = await call(world, who, 'POST', `/v1/alert-rules/${rule.id}/test`);
        assert.deepEqual(await tested.json(), { ok: true, url: `${new URL(receiver.url).origin}/…`, status: 200, error: null });
        assert.equal(JSON.parse(receiver.requests.at(-1)!.body).details.test, true);
        assert.equal((await call(world, who, 'DELETE', `/v1/alert-rules/${rule.id}`)).status, 204);
      }
      const refused: Array<{ who: Who; scope: Record<string, unknown>; status: number }> = [
        { who: 'north', scope: {}, status: 403 },
        { who: 'north', scope: { region: 'south' }, status: 403 },
        { who: 'north', scope: { store: ['n1', 's1'] }, status: 403 },
        { who: 'n1', scope: { store: 'n2' }, status: 403 },
        { who: 'n1', scope: { region: 'north' }, status: 403 },
        { who: 'n1', scope: {}, status: 403 },
        { who: 'ann', scope: { store: 'n1' }, status: 403 },
        { who: 'corporate', scope: { store: 'x1' }, status: 400 },
      ];
      for (const { who, scope, status } of refused) {
        const res = await call(world, who, 'POST', '/v1/alert-rules', lowScores(scope));
        assert.equal(res.status, status, `${who} ${JSON.stringify(scope)}: ${await res.clone().text()}`);
        if (who !== 'ann') assert.match(((await res.json()) as { message: string }).message, /scope/);
      }
    });

    it("shows, changes and tests a rule only for those who own it: another store's manager, staff and another brand get 404 or 403", async () => {
      const rule = await create(world, 'n1', lowScores({ store: 'n1' }, { webhook: { url: receiver.url, secret: SECRET } }));
      const owners: Who[] = ['corporate', 'north', 'n1'];
      for (const who of ['corporate', 'north', 'south', 'n1', 'n2', 'ann', 'other'] as Who[]) {
        const expected = owners.includes(who) ? 200 : who === 'ann' ? 403 : 404;
        const list = (await (await get(world, who, '/v1/alert-rules')).json()) as { rules?: Rule[] };
        assert.equal(list.rules?.some((r) => r.id === rule.id) ?? false, owners.includes(who), `${who} lists the rule`);
        for (const [method, path, body] of [
          ['GET', `/v1/alert-rules/${rule.id}`],
          ['GET', `/v1/alert-rules/${rule.id}/deliveries`],
          ['PATCH', `/v1/alert-rules/${rule.id}`, { enabled: true }],
          ['PUT', `/v1/alert-rules/${rule.id}`, lowScores({ store: 'n1' })],
          ['POST', `/v1/alert-rules/${rule.id}/test`],
        ] as Array<[string, string, unknown?]>) {
          const res = await call(world, who, method, path, body);
          assert.equal(res.status, expected, `${who} ${method} ${path}: ${await res.text()}`);
        }
      }
      // Without the CSRF token, a write is refused.
      const res = await fetch(`${world.collector.url}/v1/alert-rules/${rule.id}`, { method: 'DELETE', headers: { cookie: world.sessions.n1.cookie, origin: world.collector.url } });
      assert.equal(res.status, 403);
    });

    it('answers bad input to every route with a 400 naming the field', async () => {
      const rule = await create(world, 'corporate', lowScores({}));
      const bad: Array<[string, string, unknown, RegExp]> = [
        ['POST', '/v1/alert-rules', { ...lowScores({}), when: { minScoreAtMost: 2, channel: 'employee' } }, /when\.channel: alert rules never watch the employee channel/],
        ['POST', '/v1/alert-rules', { ...lowScores({}), kind: 'sometimes' }, /kind/],
        ['POST', '/v1/alert-rules', { ...lowScores({}), when: {} }, /when/],
        ['POST', '/v1/alert-rules', { ...lowScores({}), webhook: { url: 'ftp://x', secret: SECRET } }, /webhook\.url/],
        ['POST', '/v1/alert-rules', { ...lowScores({}), webhook: { url: 'http://10.0.0.1/hook', secret: SECRET } }, /webhook\.url: webhook target refused/],
        ['POST', '/v1/alert-rules', { ...lowScores({}), id: 'mine' }, /id: is set by the collector/],
        ['POST', '/v1/alert-rules', { ...lowScores({}), colour: 'red' }, /colour/],
        ['POST', '/v1/alert-rules', { kind: 'burst', scope: {}, when: { minScoreAtMost: 2 } }, /count/],
        ['POST', '/v1/alert-rules', '{"kind":', /JSON|body/i],
        ['PUT', `/v1/alert-rules/${rule.id}`, { ...lowScores({}), maxAgeMinutes: 0 }, /maxAgeMinutes/],
        ['PATCH', `/v1/alert-rules/${rule.id}`, { enabled: 'yes' }, /enabled/],
        ['GET', '/v1/alerts?acknowledged=maybe', undefined, /acknowledged/],
        ['GET', '/v1/alerts?limit=0', undefined, /limit/],
        ['GET', '/v1/alerts?limit=1&limit=2', undefined, /limit: must be given once/],
        ['GET', '/v1/alert-rules?store=n1', undefined, /store/],
        ['GET', `/v1/alert-rules/${rule.id}/deliveries?limit=9999`, undefined, /limit/],
        ['POST', '/v1/alerts/not-an-id/acknowledge', undefined, /id: must be an alert id/],
        ['POST', `/v1/alert-rules/${rule.id}/test`, undefined, /webhook: this rule has no webhook/],
      ];
      for (const [method, path, body, message] of bad) {
        const res = await call(world, 'corporate', method, path, body);
        const text = await res.text();
        assert.equal(res.status, 400, `${method} ${path}: ${text}`);
        assert.match(JSON.parse(text).message, message, `${method} ${path}`);
      }
    });

    it('raises every alert in the dashboard, live, with or without a webhook; webhooks get theirs and log them', async () => {
      const inProduct = await create(world, 'n1', { kind: 'score', name: 'Speak to a manager now', scope: { store: 'n1' }, when: { tag: { managerRequested: true } }, outsideHours: 'send' });
      const hooked = await create(world, 'north', lowScores({ region: 'north' }, { webhook: { url: receiver.url, secret: SECRET } }));
      const stream = await SseClient.open(world.collector.url, world.sessions.n1.cookie);
      const otherStore = await SseClient.open(world.collector.url, world.sessions.n2.cookie);
      try {
        const s = feedback('n1', [smiley(1), consent(true, 'pat@example.com')], { at: clock.now, context: { tags: { managerRequested: true } } });
        await ingest(world, s);
        const ours = () => stream.find('alert', (d) => d.ruleId === hooked.id || d.ruleId === inProduct.id);
        await stream.waitFor(() => ours().length >= 2, 5_000, 'two alert events');
        const live = ours().map((e) => e.json!.data);
        assert.deepEqual(live.map((d) => d.ruleId).sort(), [hooked.id, inProduct.id].sort());
        assert.equal(live.find((d) => d.ruleId === inProduct.id)?.managerRequested, true);
        assert.ok(!stream.raw.includes('pat@example.com'));
        const alerts = await getJson<Alerts>(world, 'n1', '/v1/alerts?acknowledged=false');
        const mine = alerts.alerts.find((a) => a.ruleId === inProduct.id);
        assert.ok(mine);
        assert.equal(mine.summary.managerRequested, true);
        assert.equal(typeof mine.summary.caseId, 'string');
        // Another store's manager neither sees nor acknowledges it.
        assert.equal((await getJson<Alerts>(world, 'n2', '/v1/alerts')).alerts.some((a) => a.id === mine.id), false);
        assert.equal(otherStore.find('alert').length, 0);
        assert.equal((await call(world, 'n2', 'POST', `/v1/alerts/${mine.id}/acknowledge`)).status, 404);
        assert.equal((await call(world, 'ann', 'POST', `/v1/alerts/${mine.id}/acknowledge`)).status, 403);
        assert.equal((await get(world, 'ann', '/v1/alerts')).status, 403);
        const acked = (await (await call(world, 'n1', 'POST', `/v1/alerts/${mine.id}/acknowledge`)).json()) as Alerts['alerts'][number];
        assert.equal(acked.acknowledgedBy, 'Nils One');
        assert.ok(acked.acknowledgedAt);
        // The webhook rule queued a delivery, sent by the worker, shown in the rule's log.
        await runDueDeliveries(world.collector.ctx);
        const log = await getJson<{ deliveries: Array<{ status: string; alertId: string; url: string }> }>(world, 'north', `/v1/alert-rules/${hooked.id}/deliveries`);
        assert.equal(log.deliveries.length, 1);
        assert.equal(log.deliveries[0]?.status, 'succeeded');
        assert.equal(log.deliveries[0]?.url, `${new URL(receiver.url).origin}/…`);
        assert.ok(!JSON.stringify(log).includes('pat@example.com'));
      } finally {
        stream.close();
        otherStore.close();
      }
    });

    it("raises an alert for the region when an overdue case escalates, and sends it to escalation rules' webhooks", async () => {
      const subscribed = await create(world, 'south', { kind: 'escalation', scope: { region: 'south' }, outsideHours: 'send', webhook: { url: receiver.url, secret: SECRET } });
      const s = feedback('s1', [nps(2)], { at: clock.now, context: { tags: { managerRequested: true } } });
      await ingest(world, s);
      clock.advance(11 * 60_000);
      await escalateOverdue(world.collector.ctx);
      await escalateOverdue(world.collector.ctx);
      const south = await getJson<Alerts>(world, 'south', '/v1/alerts');
      const escalations = south.alerts.filter((a) => a.kind === 'escalation');
      assert.equal(escalations.length, 1, 'exactly one alert per escalated case');
      assert.equal(escalations[0]?.storeId, 's1');
      assert.equal((await getJson<Alerts>(world, 'north', '/v1/alerts')).alerts.some((a) => a.kind === 'escalation' && a.storeId === 's1'), false);
      const before = receiver.requests.length;
      await runDueDeliveries(world.collector.ctx);
      const sent = receiver.requests.slice(before).map((r) => JSON.parse(r.body) as { kind?: string; details?: { caseId?: string } });
      const escalated = sent.filter((p) => p.kind === 'escalation');
      assert.equal(escalated.length, 1);
      assert.equal(escalated[0]?.details?.caseId, escalations[0]?.summary.caseId);
      const log = await getJson<{ deliveries: unknown[] }>(world, 'south', `/v1/alert-rules/${subscribed.id}/deliveries`);
      assert.equal(log.deliveries.length, 1);
    });
  });
}
