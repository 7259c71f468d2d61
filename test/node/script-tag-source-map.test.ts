// The script tag's source maps point into src/ at the right lines, also after what the build's own
// plugins change: css`…` and html`…` templates lose their line breaks (build/minify-css.mjs,
// build/minify-html.mjs), private properties get shorter names (build/rename-private-properties.mjs).
// A plugin that moved code without a map would shift every later line of its module.
// Needs `npm run build` first (npm test does it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';

const DIST = new URL('../../dist/', import.meta.url);
const SOURCE = fileURLToPath(new URL('../../src/', import.meta.url));

/**
 * Terser records the original name of each identifier it renames. Every such mapping into src/
 * must land on a line of that file that holds the name: the line it came from. (`this`, which
 * TypeScript's emit maps to a constructor's parameter properties, says nothing.)
 */
function misplacedNames(bundle: string): { checked: number; misplaced: string[] } {
  const map = new TraceMap(fs.readFileSync(new URL(`${bundle}.map`, DIST), 'utf8'));
  const sources = new Map<string, string[]>();
  const linesOf = (source: string) => {
    const file = fileURLToPath(new URL(source, DIST));
    if (!file.startsWith(SOURCE)) return undefined;
    if (!sources.has(file)) sources.set(file, fs.readFileSync(file, 'utf8').split('\n'));
    return sources.get(file);
  };
  let checked = 0;
  const misplaced: string[] = [];
  eachMapping(map, ({ source, originalLine, name }) => {
    if (!source || !name || name === 'this') return;
    const lines = linesOf(source);
    if (!lines) return;
    checked++;
    const identifier = name.split('\n')[0]!;
    if (!lines[originalLine! - 1]?.includes(identifier)) misplaced.push(`${identifier} -> ${source}:${originalLine}: ${lines[originalLine! - 1]?.trim()}`);
  });
  return { checked, misplaced };
}

for (const bundle of ['storevoice.iife.js', 'kiosk.js']) {
  test(`${bundle}.map points at the right lines of src/`, (t) => {
    if (!fs.existsSync(new URL(`${bundle}.map`, DIST))) return t.skip(`dist/${bundle}.map is missing: run \`npm run build\` first`);
    const { checked, misplaced } = misplacedNames(bundle);
    assert.ok(checked > 1000, `only ${checked} named mappings into src/`);
    assert.deepEqual(misplaced.slice(0, 10), []);
  });
}
