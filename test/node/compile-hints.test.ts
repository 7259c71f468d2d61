// The script tag and delivery.js start with V8's compile hint, so Chromium compiles them while they
// stream in rather than function by function on the main thread (rollup.config.mjs, COMPILE_EAGERLY).
// The hint only works before the first function, and terser drops `//#` comments unless told
// otherwise: a build change could lose it without any other test noticing.
// Needs `npm run build` first (npm test does it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

const DIST = new URL('../../dist/', import.meta.url);

for (const bundle of ['storevoice.iife.js', 'delivery.js']) {
  test(`dist/${bundle} opens with the compile hint`, (t) => {
    if (!fs.existsSync(new URL(bundle, DIST))) return t.skip(`dist/${bundle} is missing: run \`npm run build\` first`);
    const [first] = fs.readFileSync(new URL(bundle, DIST), 'utf8').split('\n', 1);
    assert.equal(first, '//# allFunctionsCalledOnLoad');
  });
}
