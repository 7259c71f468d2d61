import { expect } from '@open-wc/testing';
import { mergeContext } from '../../../sdk/context/index.js';
import type { ContextInput } from '../../../sdk/index.js';

describe('mergeContext', () => {
  it('lets later layers win field by field', () => {
    const merged = mergeContext({ brand: 'acme', store: '042', channel: 'web' }, { store: '043' }, { channel: 'kiosk' });
    expect(merged).to.deep.equal({ brand: 'acme', store: '043', channel: 'kiosk' });
  });

  it('skips undefined layers', () => {
    expect(mergeContext({ store: '042' }, undefined, { device: 'kiosk-3' }, undefined)).to.deep.equal({ store: '042', device: 'kiosk-3' });
  });

  it('merges tags key by key', () => {
    const merged = mergeContext({ tags: { lane: 4, promo: 'summer' } }, { tags: { promo: 'black-friday', vip: true } });
    expect(merged.tags).to.deep.equal({ lane: 4, promo: 'black-friday', vip: true });
  });

  it('replaces staff instead of concatenating', () => {
    expect(mergeContext({ staff: ['emp-17', 'emp-18'] }, { staff: ['emp-21'] }).staff).to.deep.equal(['emp-21']);
  });

  it('removes a field explicitly set to undefined (setContext({ staff: undefined }) clears the staff)', () => {
    const merged = mergeContext({ store: '042', staff: ['emp-17'], tags: { lane: 4 } }, { staff: undefined, tags: undefined });
    expect(merged).to.deep.equal({ store: '042' });
    expect(Object.keys(merged)).to.deep.equal(['store']);
  });

  it('lets a later layer set a field again after it was removed', () => {
    expect(mergeContext({ staff: ['emp-17'] }, { staff: undefined }, { staff: ['emp-21'] })).to.deep.equal({ staff: ['emp-21'] });
  });

  it('keeps a field when the override does not name it', () => {
    expect(mergeContext({ staff: ['emp-17'] }, { store: '042' })).to.deep.equal({ staff: ['emp-17'], store: '042' });
  });

  it('removes a single tag set to undefined from plain JavaScript', () => {
    const override = { tags: { promo: undefined } } as unknown as ContextInput;
    expect(mergeContext({ tags: { lane: 4, promo: 'bf' } }, override).tags).to.deep.equal({ lane: 4 });
  });

  it('never mutates its inputs and shares no arrays or objects with them', () => {
    const base: ContextInput = { staff: ['emp-17'], tags: { lane: 4 }, page: { url: 'https://shop.example.com/' } };
    const override: ContextInput = { tags: { promo: 'bf' }, staff: undefined };
    const snapshot = JSON.stringify([base, override]);
    const merged = mergeContext(base, override, { staff: ['emp-21'] });
    merged.staff?.push('emp-99');
    merged.tags!.lane = 5;
    merged.page!.url = 'https://evil.example.com/';
    expect(JSON.stringify([base, override])).to.equal(snapshot);
    expect('staff' in override).to.equal(true);
    const single = mergeContext(base);
    expect(single).to.deep.equal(base);
    expect(single.staff).not.to.equal(base.staff);
    expect(single.tags).not.to.equal(base.tags);
    expect(single.page).not.to.equal(base.page);
  });

  it('keeps a "__proto__" tag as plain data', () => {
    const tags = JSON.parse('{"__proto__": "x", "lane": 4}') as Record<string, string | number>;
    const merged = mergeContext({ tags: { a: 1 } }, { tags });
    expect(Object.getPrototypeOf(merged.tags)).to.equal(Object.prototype);
    expect(merged.tags?.lane).to.equal(4);
  });
});
