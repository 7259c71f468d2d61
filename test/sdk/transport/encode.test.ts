import { expect } from '@open-wc/testing';
import { batchKey, encode, fnv1a64 } from '../../../sdk/transport/encode.js';
import { largeSubmission, submission, submissions } from './make-submission.js';

const bytes = (text: string) => new TextEncoder().encode(text).length;

describe('encode', () => {
  it('sends one submission unwrapped, keyed by its id', () => {
    const s = submission();
    expect(encode([s], 100)).to.deep.equal([{ body: JSON.stringify(s), key: s.id, ids: [s.id] }]);
  });

  it('wraps several in { submissions }, keyed by batchKey', () => {
    const batch = submissions(3);
    const ids = batch.map((s) => s.id);
    expect(encode(batch, 100)).to.deep.equal([{ body: JSON.stringify({ submissions: batch }), key: batchKey(ids), ids }]);
  });

  it('splits by count', () => {
    const batch = submissions(7);
    expect(encode(batch, 3).map((part) => part.ids.length)).to.deep.equal([3, 3, 1]);
    expect(encode(batch, 1).map((part) => part.key)).to.deep.equal(batch.map((s) => s.id));
  });

  it('splits by bytes of UTF-8, keeping each body within the limit', () => {
    const batch = [largeSubmission(), largeSubmission(), largeSubmission(), largeSubmission()];
    const parts = encode(batch, 100);
    expect(parts.map((part) => part.ids.length)).to.deep.equal([2, 2]);
    for (const part of parts) expect(bytes(part.body)).to.be.at.most(64 * 1024);
  });

  it('counts multi-byte characters as bytes, not code units', () => {
    const wide = (questionId: string) => submission({ answers: [{ questionId, type: 'text', value: '€'.repeat(250) }] });
    const pair = [wide('a'), wide('b')];
    const wrapped = JSON.stringify({ submissions: pair });
    // Two fit in 1500 code units, not in 1500 bytes.
    expect(wrapped.length).to.be.below(1500);
    expect(bytes(wrapped)).to.be.above(1500);
    expect(encode(pair, 100, 1500).map((part) => part.ids.length)).to.deep.equal([1, 1]);
  });

  it('sends nothing for nothing', () => {
    expect(encode([], 100)).to.deep.equal([]);
  });
});

describe('batchKey', () => {
  it('is FNV-1a 64 of the joined ids', () => {
    expect(fnv1a64('')).to.equal('cbf29ce484222325');
    expect(fnv1a64('a')).to.equal('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).to.equal('85944171f73967e8');
    expect(batchKey(['a'])).to.equal('batch-af63dc4c8601ec8c');
  });

  it('depends on every id and their order', () => {
    expect(batchKey(['x', 'y'])).to.equal(batchKey(['x', 'y']));
    expect(batchKey(['x', 'y'])).not.to.equal(batchKey(['y', 'x']));
    expect(batchKey(['x', 'y'])).not.to.equal(batchKey(['x', 'y', 'z']));
  });
});
