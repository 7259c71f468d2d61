// The script tag's css`…` minifier (build/minify-css.mjs) drops only what the CSS grammar does not
// need.
import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error: a build script in plain JavaScript, without type declarations
import { minifyCssText } from '../../build/minify-css.mjs';

const minify = minifyCssText as (text: string) => string;

test('comments and source formatting go', () => {
  assert.equal(minify('\n  /* the card */\n  .card {\n    color: red;\n    margin: 0 auto;\n  }\n'), '.card{color:red;margin:0 auto}');
  assert.equal(minify('@media (hover: hover) {\n  .a :is(b, c) { color: red; }\n}'), '@media (hover:hover){.a :is(b,c){color:red}}');
});

test('no spaces around * and / in math and colour functions', () => {
  assert.equal(minify('a { gap: calc(var(--_space) / 2); }'), 'a{gap:calc(var(--_space)/2)}');
  assert.equal(minify('a { padding: calc(var(--s) * 2) max(calc(var(--s) * 2), 4vw); }'), 'a{padding:calc(var(--s)*2) max(calc(var(--s)*2),4vw)}');
  assert.equal(minify('a { font-size: calc(var(--f) * 1.2 * var(--k, 1)); }'), 'a{font-size:calc(var(--f)*1.2*var(--k,1))}');
  assert.equal(minify('a { box-shadow: 0 4px 16px rgb(0 0 0 / 25%); }'), 'a{box-shadow:0 4px 16px rgb(0 0 0/25%)}');
});

test('spaces around + and -, and * and / outside those functions, stay', () => {
  assert.equal(minify('a { width: calc(100% - var(--x) + 2px); }'), 'a{width:calc(100% - var(--x) + 2px)}');
  assert.equal(minify('.a * .b { grid-area: 1 / 2; aspect-ratio: 16 / 9; }'), '.a * .b{grid-area:1 / 2;aspect-ratio:16 / 9}');
  assert.equal(minify(':is(.a *) { color: red; }'), ':is(.a *){color:red}');
});

test('the font shorthand takes size/line-height without spaces', () => {
  assert.equal(minify('a { font: 16px / 1.5 system-ui; }'), 'a{font:16px/1.5 system-ui}');
  assert.equal(minify('a { font: var(--_font-size) / 1.5 var(--_font) !important; }'), 'a{font:var(--_font-size)/1.5 var(--_font)!important}');
  assert.equal(minify('font: 20px / 1.5 var(--f, a)'), 'font:20px/1.5 var(--f,a)');
  // Not the shorthand, or inside a string: left alone.
  assert.equal(minify('a { font-family: 16px / 1.5; font: 12px \'A / B\'; }'), "a{font-family:16px / 1.5;font:12px 'A / B'}");
});

test('no space before !important', () => {
  assert.equal(minify('a { display: none !important; }'), 'a{display:none!important}');
});

test('decimals lose their leading zero, and nothing else does', () => {
  assert.equal(minify('a { font-size: 0.875em; margin: 0 0 0.25em; opacity: 0.5; transition: color 0.15s, background 0.15s; }'), 'a{font-size:.875em;margin:0 0 .25em;opacity:.5;transition:color .15s,background .15s}');
  assert.equal(minify('a { gap: calc(var(--s) * 0.75); scale: (0.5); }'), 'a{gap:calc(var(--s)*.75);scale:(.5)}');
  assert.equal(minify('a { width: 10.5px; margin: 0; color: #a0b0c0; order: -0.5; }'), 'a{width:10.5px;margin:0;color:#a0b0c0;order:-0.5}');
  assert.equal(minify(".x0.y { content: '0.5'; background: url(img/0.5.png); }"), ".x0.y{content:'0.5';background:url(img/0.5.png)}");
});

test('attribute-selector values that are identifiers lose their quotes', () => {
  assert.equal(minify(":host([mode='kiosk']) .a[aria-checked=\"true\"], [position^='top'] {}"), ':host([mode=kiosk]) .a[aria-checked=true],[position^=top]{}');
  assert.equal(minify(".mouth[d$='Z'], [x|='en-US'] {}"), '.mouth[d$=Z],[x|=en-US]{}');
  // Not identifiers: the quotes stay.
  assert.equal(minify("[a='1x'], [b='a b'], [c=''], [d='a.b'], [e='--x'] {}"), "[a='1x'],[b='a b'],[c=''],[d='a.b'],[e='--x']{}");
  // A string that merely looks like a selector is not one.
  assert.equal(minify('a::before { content: "[a=\'b\'] 0.5 / 2 !important"; }'), 'a::before{content:"[a=\'b\'] 0.5 / 2 !important"}');
});

test('interpolations are left as written', () => {
  assert.equal(minify(':host { ${darkPalette} }'), ':host{${darkPalette}}');
  assert.equal(minify('a { gap: calc(${gap * 0.5} / 2); }'), 'a{gap:calc(${gap * 0.5}/2)}');
});
