import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod/mini';
import { DEFAULT_TOPICS, TopicDictionarySchema } from '../../../demo/server/topics/dictionary.js';
import { compileTopics, tagTopics, words } from '../../../demo/server/topics/tag.js';

const topics = compileTopics(DEFAULT_TOPICS);

describe('topic tagging', () => {
  it("tags the demo seed's comments with the topics a manager would give them", () => {
    const cases: Array<[string, string[]]> = [
      ['Queue at the till took forever.', ['queue']],
      ['Could not find anyone to help.', ['staff']],
      ['Fitting rooms were closed.', ['fitting-rooms']],
      ['Shelves half empty.', ['stock']],
      ['Card terminal was broken again.', ['payment']],
      ['Quick checkout, friendly staff.', ['staff']],
      ['Helpful advice on sizes.', ['product', 'staff']],
      ['Very clean and tidy.', ['cleanliness']],
      ['Short-staffed on Saturday again.', ['staff']],
      ['Lovely store, great music.', []],
      ['Found everything I needed.', []],
    ];
    for (const [text, expected] of cases) assert.deepEqual(tagTopics(text, 'en', topics), expected, text);
  });

  it('finds inflected and compound words in Swedish, Norwegian and Danish', () => {
    assert.deepEqual(tagTopics('Lång kö i kassan och otrevlig personal', 'sv', topics), ['queue', 'staff']);
    assert.deepEqual(tagTopics('Kassakön var oändlig', 'sv', topics), ['queue']);
    assert.deepEqual(tagTopics('Hyllene var tomme, og betalingsterminalen virket ikke', 'nb', topics), ['stock']);
    assert.deepEqual(tagTopics('Prøverummet var rodet', 'da', topics), ['cleanliness', 'fitting-rooms']);
  });

  it('matches phrases word by word, and tries every language when the comment has none', () => {
    assert.deepEqual(tagTopics('The jacket was out of stock in my size', 'en', topics), ['product', 'stock']);
    assert.deepEqual(tagTopics('Le personnel était très aimable', undefined, topics), ['staff']);
    assert.deepEqual(tagTopics('Viel zu teuer', 'und', topics), ['price']);
  });

  it('splits words the Unicode way, whatever the script', () => {
    assert.deepEqual(words("Don't wait — it's late!", 'en'), ["don't", 'wait', "it's", 'late']);
    assert.deepEqual(words('レジの行列が長い', 'ja').length > 2, true);
  });

  it('validates a brand dictionary and says what is wrong', () => {
    assert.equal(z.safeParse(TopicDictionarySchema, DEFAULT_TOPICS).success, true);
    const bad = z.safeParse(TopicDictionarySchema, { 'Fitting Rooms': { label: { sv: 'Provrum' }, keywords: { sv: [''] } } });
    assert.equal(bad.success, false);
    const messages = bad.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n') ?? '';
    assert.match(messages, /Fitting Rooms: a topic id must be lowercase/);
    assert.match(messages, /English label/);
  });
});
