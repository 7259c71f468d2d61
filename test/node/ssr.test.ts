// The SDK must import and validate in Node: during SSR, and in the collector, which parses with the same schemas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { designExample } from '../support/design-example.js';

/** Record any read of the browser globals while `load` runs (a getter that still answers `undefined`). */
async function watchBrowserGlobals<T>(load: () => Promise<T>): Promise<{ result: T; touched: string[] }> {
  const touched: string[] = [];
  for (const name of ['window', 'document']) {
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get: () => void touched.push(name),
    });
  }
  try {
    return { result: await load(), touched };
  } finally {
    for (const name of ['window', 'document']) delete (globalThis as Record<string, unknown>)[name];
  }
}

test('importing the SDK in Node neither throws nor touches window/document', async () => {
  assert.equal(typeof window, 'undefined');
  assert.equal(typeof document, 'undefined');
  const { result, touched } = await watchBrowserGlobals(() =>
    Promise.all([import('../../sdk/index.js'), import('../../sdk/context/index.js'), import('../../sdk/privacy/index.js')]),
  );
  assert.deepEqual(touched, []);
  assert.equal(typeof window, 'undefined');
  assert.equal(typeof document, 'undefined');
  const [sdk] = result;
  assert.ok('SubmissionSchema' in sdk, 'exports SubmissionSchema');
  assert.ok('SubmissionBatchSchema' in sdk, 'exports SubmissionBatchSchema');
});

test('parses a wire submission and a batch in Node', async () => {
  const { SubmissionSchema, SubmissionBatchSchema, parseOrThrow, uuidv7, ValidationError } = await import('../../sdk/index.js');
  const submission = designExample;
  assert.deepEqual(parseOrThrow(SubmissionSchema, submission, 'submission'), submission);

  const second = { ...submission, id: uuidv7() };
  const batch = parseOrThrow(SubmissionBatchSchema, JSON.parse(JSON.stringify({ submissions: [submission, second] })), 'batch');
  assert.equal(batch.submissions.length, 2);
  assert.equal(batch.submissions[1]?.id, second.id);

  const bad = { submissions: [{ ...submission, answers: [{ questionId: 'mood', type: 'smiley', value: 9 }] }] };
  assert.throws(() => parseOrThrow(SubmissionBatchSchema, bad, 'batch'), ValidationError);
  assert.throws(() => parseOrThrow(SubmissionBatchSchema, { submissions: [] }, 'batch'), ValidationError);
});

test('contextFromUrl() without an argument returns {} in Node', async () => {
  const { contextFromUrl } = await import('../../sdk/context/index.js');
  assert.equal((globalThis as { location?: unknown }).location, undefined);
  assert.deepEqual(contextFromUrl(), {});
});

test('importing the widget entry in Node (SSR) neither throws nor defines anything', async () => {
  const widget = await import('../../src/index.js');
  assert.equal(typeof widget.StoreVoiceWidget, 'function');
  assert.equal(typeof widget.createClient, 'function', 'the SDK comes with it');
  assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
});
