import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { deviceClassOf } from '../../../demo/server/ingest/device-class.js';
import { storeSubmissions } from '../../../demo/server/ingest/store.js';
import type { Collector } from '../../../demo/server/server.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { makeSubmission, postSubmissions, seedTestHierarchy, storedRow } from '../support/ingest.js';

const UA = {
  iPhone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  androidPhone: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
  androidTablet: 'Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  iPad: 'Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1',
  windows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  mac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  okhttp: 'okhttp/4.12.0',
};

describe('deviceClassOf', () => {
  it('classes a kiosk by its channel, whatever tablet it runs on', () => {
    assert.equal(deviceClassOf('kiosk', { userAgent: UA.iPad }), 'kiosk');
    assert.equal(deviceClassOf('kiosk', {}), 'kiosk');
  });

  it('classes phones, tablets and desktops by the User-Agent', () => {
    assert.equal(deviceClassOf('web', { userAgent: UA.iPhone }), 'mobile');
    assert.equal(deviceClassOf('qr', { userAgent: UA.androidPhone }), 'mobile');
    assert.equal(deviceClassOf('web', { userAgent: UA.iPad }), 'tablet');
    assert.equal(deviceClassOf('web', { userAgent: UA.androidTablet }), 'tablet');
    assert.equal(deviceClassOf('web', { userAgent: UA.windows }), 'desktop');
    assert.equal(deviceClassOf('employee', { userAgent: UA.mac }), 'desktop');
  });

  it('believes the Sec-CH-UA-Mobile hint, and says unknown for what is not a browser', () => {
    assert.equal(deviceClassOf('web', { userAgent: UA.windows, mobileHint: '?1' }), 'mobile');
    assert.equal(deviceClassOf('web', { userAgent: UA.androidPhone, mobileHint: '?0' }), 'mobile');
    assert.equal(deviceClassOf('app', { userAgent: UA.okhttp }), 'unknown');
    assert.equal(deviceClassOf('web', {}), 'unknown');
  });
});

for (const target of databaseTargets) {
  describe(`device_class at ingest (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    before(async () => {
      collector = await startTestCollector(target);
      await seedTestHierarchy(collector.ctx);
    });
    after(() => collector.close());

    const post = async (channel: 'web' | 'kiosk' | 'qr', headers: Record<string, string>): Promise<unknown> => {
      const submission = makeSubmission({ context: { channel } });
      assert.equal((await postSubmissions(collector.url, submission, { headers })).status, 202);
      return (await storedRow(collector.ctx, submission.id))?.['device_class'];
    };

    it('stores the class from the channel and the request headers', async () => {
      assert.equal(await post('web', { 'user-agent': UA.iPhone }), 'mobile');
      assert.equal(await post('qr', { 'user-agent': UA.iPad }), 'tablet');
      assert.equal(await post('web', { 'user-agent': UA.windows }), 'desktop');
      assert.equal(await post('web', { 'user-agent': UA.windows, 'sec-ch-ua-mobile': '?1' }), 'mobile');
      assert.equal(await post('kiosk', { 'user-agent': UA.androidTablet }), 'kiosk');
      assert.equal(await post('web', { 'user-agent': UA.okhttp }), 'unknown');
    });

    it('stores one of the classes the device segment filters on for every row', async () => {
      const rows = await collector.ctx.db.query<{ device_class: string; n: number }>(
        `SELECT device_class, count(*)::int AS n FROM submissions WHERE channel <> 'kiosk' GROUP BY device_class ORDER BY device_class`,
      );
      assert.deepEqual(rows.map((r) => r.device_class), ['desktop', 'mobile', 'tablet', 'unknown']);
    });

    it('derives the class from the channel alone on the bulk path, which has no request', async () => {
      const [kiosk, web] = [makeSubmission({ context: { channel: 'kiosk' } }), makeSubmission({ context: { channel: 'web' } })];
      await storeSubmissions(collector.ctx, 'acme', [kiosk, web]);
      assert.equal((await storedRow(collector.ctx, kiosk.id))?.['device_class'], 'kiosk');
      assert.equal((await storedRow(collector.ctx, web.id))?.['device_class'], 'unknown');
    });
  });
}
