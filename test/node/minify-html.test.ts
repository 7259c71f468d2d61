// The script tag's html`…` minifier (build/minify-html.mjs) drops source formatting only: what a
// template says on one line, and the space between inline words and `${…}`, ships as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error: a build script in plain JavaScript, without type declarations
import { minifyHtmlPart } from '../../build/minify-html.mjs';

const minify = minifyHtmlPart as (raw: string, options?: { inTag?: boolean; first?: boolean; last?: boolean }) => string;

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
