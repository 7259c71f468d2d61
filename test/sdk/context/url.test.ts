import { expect } from '@open-wc/testing';
import { contextFromUrl, pageUrl } from '../../../sdk/context/index.js';

describe('contextFromUrl', () => {
  let warnings: string[];
  let warn: typeof console.warn;
  beforeEach(() => {
    warnings = [];
    warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  });
  afterEach(() => {
    console.warn = warn;
  });

  it('reads every receipt / QR parameter', () => {
    const url =
      'https://shop.example.com/feedback?sv_brand=acme&sv_region=emea-north&sv_store=042&sv_staff=emp-17,emp-21' +
      '&sv_device=kiosk-3&sv_channel=qr&sv_locale=en-GB&utm_source=receipt';
    expect(contextFromUrl(url)).to.deep.equal({
      brand: 'acme',
      region: 'emea-north',
      store: '042',
      staff: ['emp-17', 'emp-21'],
      device: 'kiosk-3',
      channel: 'qr',
      locale: 'en-GB',
    });
    expect(warnings).to.deep.equal([]);
  });

  it('accepts a URL object and a relative URL', () => {
    expect(contextFromUrl(new URL('https://shop.example.com/?sv_store=042'))).to.deep.equal({ store: '042' });
    expect(contextFromUrl('/feedback?sv_store=042')).to.deep.equal({ store: '042' });
    expect(contextFromUrl('?sv_store=042')).to.deep.equal({ store: '042' });
  });

  it('turns sv_tag_<name> into typed tags', () => {
    const url =
      'https://x.example/?sv_tag_lane=4&sv_tag_vip=true&sv_tag_test=false&sv_tag_promo=black-friday' +
      '&sv_tag_temp=-2.5&sv_tag_code=042&sv_tag_price=1.50&sv_tag_big=12345678901234567890&sv_tag_exp=1e3';
    expect(contextFromUrl(url).tags).to.deep.equal({
      lane: 4,
      vip: true,
      test: false,
      promo: 'black-friday',
      temp: -2.5,
      // Nothing may be lost converting, so these stay strings.
      code: '042',
      price: '1.50',
      big: '12345678901234567890',
      exp: '1e3',
    });
  });

  it('trims and drops empty entries in the staff list', () => {
    expect(contextFromUrl('https://x.example/?sv_staff=emp-17,%20emp-21,,').staff).to.deep.equal(['emp-17', 'emp-21']);
  });

  it('treats empty values as absent, without a warning', () => {
    expect(contextFromUrl('https://x.example/?sv_store=&sv_staff=&sv_tag_lane=')).to.deep.equal({});
    expect(warnings).to.deep.equal([]);
  });

  it('skips invalid values with a warning naming the parameter, keeping the valid ones', () => {
    const url = 'https://x.example/?sv_store=04%202&sv_channel=fax&sv_staff=emp-17,bad%20id&sv_locale=english!&sv_region=emea&sv_tag_=1';
    expect(contextFromUrl(url)).to.deep.equal({ region: 'emea' });
    expect(warnings).to.have.length(5);
    expect(warnings[0]).to.equal(
      '[storevoice] Invalid URL parameter sv_store="04 2" (ignored): store: must be letters, digits, ".", "_", ":" or "-", starting with a letter or digit',
    );
    expect(warnings[1]).to.equal('[storevoice] Invalid URL parameter sv_channel="fax" (ignored): channel: must be "web" or "kiosk" or "app" or "qr" or "employee"');
    expect(warnings[2]).to.contain('sv_staff="emp-17,bad id"').and.contain('staff[1]');
    expect(warnings[3]).to.contain('sv_locale="english!"');
    expect(warnings[4]).to.contain('sv_tag_="1"');
  });

  it('skips tags beyond the 32-tag limit with a warning', () => {
    const query = Array.from({ length: 33 }, (_, i) => `sv_tag_t${i}=${i}`).join('&');
    const tags = contextFromUrl(`https://x.example/?${query}`).tags ?? {};
    expect(Object.keys(tags)).to.have.length(32);
    expect(tags).not.to.have.property('t32');
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('sv_tag_t32="32"').and.contain('at most 32 tags');
  });

  it('lets the last of a repeated parameter win', () => {
    expect(contextFromUrl('https://x.example/?sv_store=041&sv_store=042')).to.deep.equal({ store: '042' });
  });

  it('ignores parameters that are not ours, including inherited property names', () => {
    expect(contextFromUrl('https://x.example/?store=042&sv_constructor=x&sv___proto__=y&sv_page=z&sv_tags=1')).to.deep.equal({});
    expect(warnings).to.deep.equal([]);
  });

  it('reads location.href when called without an argument, at call time', () => {
    const before = location.href;
    try {
      history.replaceState(null, '', '?sv_store=042&sv_tag_lane=4');
      expect(contextFromUrl()).to.deep.equal({ store: '042', tags: { lane: 4 } });
    } finally {
      history.replaceState(null, '', before);
    }
    expect(contextFromUrl()).to.deep.equal({});
  });

  it('returns {} for a URL it cannot parse', () => {
    expect(contextFromUrl('http://[::1')).to.deep.equal({});
  });
});

describe('pageUrl', () => {
  const href = 'https://shop.example.com/checkout/done?email=jo%40example.com&order=123#token=abc';

  it('strips the query and fragment by default and in "strip" mode', () => {
    expect(pageUrl(href)).to.equal('https://shop.example.com/checkout/done');
    expect(pageUrl(href, 'strip')).to.equal('https://shop.example.com/checkout/done');
    expect(pageUrl('http://localhost:8000/?a=1', 'strip')).to.equal('http://localhost:8000/');
  });

  it('keeps the whole URL in "full" mode', () => {
    expect(pageUrl(href, 'full')).to.equal(href);
  });

  it('records nothing in "none" mode', () => {
    expect(pageUrl(href, 'none')).to.equal(undefined);
  });

  it('drops user name and password in every mode', () => {
    expect(pageUrl('https://jo:secret@shop.example.com/a?b=1', 'full')).to.equal('https://shop.example.com/a?b=1');
    expect(pageUrl('https://jo:secret@shop.example.com/a?b=1', 'strip')).to.equal('https://shop.example.com/a');
  });

  it('keeps URLs without an origin readable', () => {
    expect(pageUrl('file:///srv/kiosk/index.html?x=1', 'strip')).to.equal('file:///srv/kiosk/index.html');
  });

  it('truncates to 2048 characters', () => {
    const long = `https://shop.example.com/${'a'.repeat(3000)}`;
    expect(pageUrl(long, 'strip')).to.equal(long.slice(0, 2048));
    expect(pageUrl(long, 'full')).to.have.length(2048);
  });

  it('returns undefined for an invalid URL', () => {
    expect(pageUrl('not a url', 'full')).to.equal(undefined);
    expect(pageUrl('/relative/path', 'strip')).to.equal(undefined);
    expect(pageUrl('', 'strip')).to.equal(undefined);
  });
});
