// The script tag's css`…` minifier (build/minify-css.mjs) drops only what the CSS grammar does not
// need, and its private custom property rename (`--_accent` → `--_a`) refuses names it cannot see.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rollup, type Plugin } from 'rollup';
import {
  minifyCssText,
  privatePropertyNames,
  shortPropertyNames,
  renamePrivateProperties,
  shortPrivateProperties,
  // @ts-expect-error: a build script in plain JavaScript, without type declarations
} from '../../build/minify-css.mjs';

const minify = minifyCssText as (text: string) => string;
const names = (texts: string[]) => (privatePropertyNames as (texts: string[]) => string[])(texts);
const shorten = shortPropertyNames as (names: string[]) => Map<string, string>;
const rename = renamePrivateProperties as (text: string, names: Map<string, string>, options?: { open?: boolean }) => string;
const plugin = shortPrivateProperties as (options: { sourceDir: string }) => Plugin;

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

test('private property names: every --_name, sorted, and a short name each', () => {
  const found = names(['a { --_surface-alt: red; color: var(--_surface, var(--_accent)); } /* `--_*` */', "setProperty('--_scale', '1')"]);
  assert.deepEqual(found, ['accent', 'scale', 'surface', 'surface-alt']);
  assert.deepEqual([...shorten(found)], [['accent', 'a'], ['scale', 'b'], ['surface', 'c'], ['surface-alt', 'd']]);
  const many = shorten(Array.from({ length: 60 }, (_, i) => `n${String(i).padStart(2, '0')}`));
  assert.deepEqual([many.get('n25'), many.get('n26'), many.get('n59')], ['z', 'ba', 'ch']);
  assert.equal(new Set(many.values()).size, 60);
});

test('the rename sees whole names only, and refuses names built at run time', () => {
  const map = shorten(['font', 'font-size', 'surface']);
  assert.equal(rename('--_font-size:var(--storevoice-font-size);font:var(--_font-size) var(--_font)', map), '--_b:var(--storevoice-font-size);font:var(--_b) var(--_a)');
  assert.throws(() => rename('--_', map), /"--_" is not a whole private custom property name/);
  assert.throws(() => rename('--_sur', map), /"--_sur" is not a whole/);
  assert.throws(() => rename('color:var(--_surface', map, { open: true }), /"--_surface" is completed at run time/);
  assert.equal(rename('--_surface:', map, { open: true }), '--_c:');
});

async function bundle(files: Record<string, string>, input = 'src/main.ts') {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'storevoice-css-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  try {
    const build = await rollup({ input: path.join(root, input), plugins: [plugin({ sourceDir: path.join(root, 'src') })], onwarn: () => {} });
    const { output } = await build.generate({ format: 'es' });
    return output[0].code;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

test('the plugin renames CSS and JavaScript strings alike', async () => {
  const code = await bundle({
    // Plain JavaScript in .ts files: the plugin runs after TypeScript.
    'src/main.ts': "import { styles } from './styles.ts';\nexport const set = (el) => el.style.setProperty('--_scale', '2');\nexport { styles };",
    'src/styles.ts': 'const css = String.raw;\nexport const styles = css`a{--_accent:red;font-size:calc(1px*var(--_scale,1));color:var(--_accent)}`;',
  });
  assert.match(code, /setProperty\('--_b', '2'\)/);
  assert.match(code, /`a\{--_a:red;font-size:calc\(1px\*var\(--_b,1\)\);color:var\(--_a\)\}`/);
});

test('the plugin fails the build on a name it cannot see', async () => {
  await assert.rejects(bundle({ 'src/main.ts': "export const read = (el, name) => getComputedStyle(el).getPropertyValue('--_' + name);" }), /src\/main\.ts: "--_" is not a whole private custom property name/);
  await assert.rejects(bundle({ 'src/main.ts': 'export const read = (el, name) => el.style.getPropertyValue(`--_surface${name}`);' }), /"--_surface" is completed at run time/);
  await assert.rejects(bundle({ 'src/main.ts': "export const read = (el, alt) => el.style.getPropertyValue('--_surface' + alt);" }), /"--_surface" is completed at run time/);
  // Code outside src/ is not renamed: the bundle must not keep a name the rest no longer uses.
  await assert.rejects(
    bundle({ 'src/main.ts': "import { get } from '../lib/get.js';\nexport const a = () => get('--_accent');", 'lib/get.js': "export const get = (name) => name === '--_accent';" }),
    /still reads --_accent/,
  );
});
