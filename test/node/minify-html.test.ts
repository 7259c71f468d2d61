// The script tag's html`…` minifier (build/minify-html.mjs) drops source formatting only: what a
// template says on one line, and the space between inline words and `${…}`, ships as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import type { Plugin } from 'rollup';
// @ts-expect-error: a build script in plain JavaScript, without type declarations
import { minifyHtmlPart, minifyHtml } from '../../build/minify-html.mjs';
import { bundleFixture } from './support/bundle-fixture.js';

const minify = minifyHtmlPart as (raw: string, options?: { inTag?: boolean; first?: boolean; last?: boolean }) => string;
const bundle = async (files: Record<string, string>, options?: { sourcemap?: boolean }) => (await bundleFixture(files, () => [(minifyHtml as () => Plugin)()], options)).chunk;

test('attributes on several lines end up on one', () => {
  assert.equal(minify('<input\n  type="text"\n  dir="auto"\n/>'), '<input type="text" dir="auto"/>');
  assert.equal(minify('<div\n  role="radiogroup"\n  class="group"\n  aria-labelledby=', { last: false }), '<div role="radiogroup" class="group" aria-labelledby=');
  // The part between two attribute bindings starts inside the tag.
  assert.equal(minify('\n  class="x"\n>\n  ', { inTag: true, first: false, last: false }), ' class="x">');
});

test('line breaks next to tags and at the ends of the template go', () => {
  assert.equal(minify('\n  <div class="ends">\n    <span>a</span>\n  </div>\n'), '<div class="ends"><span>a</span></div>');
  assert.equal(minify('<span class="avatar"\n  >'), '<span class="avatar">');
});

test('a line break between text or bindings stays a space', () => {
  assert.equal(minify('\n  ', { first: false, last: false }), ' ');
  assert.equal(minify('Hello\n  ', { last: false }), 'Hello ');
  assert.equal(minify('\n  world', { first: false }), ' world');
});

test('what is on one line is left alone', () => {
  const line = ' <span class="required">  two  spaces </span> ';
  assert.equal(minify(line), line);
});

test('the plugin finds Lit\'s html and svg through their import, whatever their name', async () => {
  const template = '`\n  <p>\n    a\n  </p>\n`';
  const { code } = await bundle({
    'src/main.ts': "export * from './lit.ts';\nexport * from './other.ts';",
    'src/lit.ts': `import { html as markup } from 'lit/html.js';\nimport { svg } from 'lit';\nexport const a = markup${template};\nexport const b = svg${template};`,
    'src/other.ts': `const html = String.raw;\nexport const c = html${template};`,
  });
  assert.match(code, /a = [\w$]+`<p>a<\/p>`/);
  assert.match(code, /b = [\w$]+`<p>a<\/p>`/);
  assert.ok(code.includes(`c = html${template}`));
});

test('the plugin returns a source map: code after a template keeps its line', async () => {
  const source = ["import { html } from 'lit';", 'export const view = () => html`', '  <p>', '    a', '  </p>', '`;', "export const marker = () => 'after the markup';"].join('\n');
  const { code, map } = await bundle({ 'src/main.ts': source }, { sourcemap: true });
  const lines = code.split('\n');
  const line = lines.findIndex((text) => text.includes("'after the markup'"));
  const original = originalPositionFor(new TraceMap(map!.toString()), { line: line + 1, column: lines[line]!.indexOf("'after the markup'") });
  assert.deepEqual([original.line, original.column], [7, source.split('\n')[6]!.indexOf("'after the markup'")]);
});
