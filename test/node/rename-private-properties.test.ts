// The script tag's private custom property rename (build/rename-private-properties.mjs): `--_accent`
// → `--_a`, one mapping for every build, and a build that fails on a name it cannot see.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import type { Plugin } from 'rollup';
import {
  privatePropertyNames,
  shortPropertyNames,
  renamePrivateProperties,
  shortPrivateProperties,
  // @ts-expect-error: a build script in plain JavaScript, without type declarations
} from '../../build/rename-private-properties.mjs';
import { bundleFixture } from './support/bundle-fixture.js';

const names = (texts: string[]) => (privatePropertyNames as (texts: string[]) => string[])(texts);
const shorten = shortPropertyNames as (names: string[]) => Map<string, string>;
const rename = renamePrivateProperties as (text: string, names: Map<string, string>, options?: { open?: boolean }) => string;
const plugin = shortPrivateProperties as (options: { sourceDir: string }) => Plugin;

const bundle = async (files: Record<string, string>, options?: { sourcemap?: boolean }) =>
  (await bundleFixture(files, (root) => [plugin({ sourceDir: path.join(root, 'src') })], options)).chunk;

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

test('the plugin renames CSS and JavaScript strings alike', async () => {
  const { code } = await bundle({
    'src/main.ts': "import { styles } from './styles.ts';\nexport const set = (el) => el.style.setProperty('--_scale', '2');\nexport { styles };",
    'src/styles.ts': 'const css = String.raw;\nexport const styles = css`a{--_accent:red;font-size:calc(1px*var(--_scale,1));color:var(--_accent)}`;',
  });
  assert.match(code, /setProperty\('--_b', '2'\)/);
  assert.match(code, /`a\{--_a:red;font-size:calc\(1px\*var\(--_b,1\)\);color:var\(--_a\)\}`/);
});

test('the plugin leaves public custom properties alone', async () => {
  const { code } = await bundle({ 'src/main.ts': "export const a = '--_accent';\nexport const b = 'var(--storevoice-accent)';" });
  assert.match(code, /a = '--_a'/);
  assert.match(code, /b = 'var\(--storevoice-accent\)'/);
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

test('the plugin returns a source map: code after a shortened name keeps its column', async () => {
  const source = "export const a = ['--_surface-alt', '--_surface-alt', '--_surface-alt'];\nexport const marker = 'here';\n";
  const { code, map } = await bundle({ 'src/main.ts': `${source}export const b = ['--_accent', '--_surface'];` }, { sourcemap: true });
  const line = code.split('\n').findIndex((text) => text.includes("'--_c'"));
  const column = code.split('\n')[line]!.lastIndexOf("'--_c'");
  // The third literal moved left by twice the names' difference; the map says where it was.
  const original = originalPositionFor(new TraceMap(map!.toString()), { line: line + 1, column });
  assert.deepEqual([original.line, original.column], [1, source.lastIndexOf("'--_surface-alt'")]);
});
