// The css`…` minifier (build/minify-css.mjs): esbuild minifies the CSS of Lit's css templates and of
// our CSS-text templates, `${…}` expressions stay where they were, what it cannot keep faithfully
// fails the build, and the bundle's source map still points at the right lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import type { Plugin } from 'rollup';
// @ts-expect-error: a build script in plain JavaScript, without type declarations
import { minifyCss, minifyCssParts } from '../../build/minify-css.mjs';
import { bundleFixture } from './support/bundle-fixture.js';

const minifyParts = minifyCssParts as (parts: string[]) => Promise<string[]>;
const minify = async (css: string) => (await minifyParts([css]))[0];
const plugin = minifyCss as () => Plugin;
const bundle = async (files: Record<string, string>, options?: { sourcemap?: boolean }) => (await bundleFixture(files, () => [plugin()], options)).chunk;

test('comments and source formatting go', async () => {
  assert.equal(await minify('\n  /* the card */\n  .card {\n    color: red;\n    margin: 0 auto;\n  }\n'), '.card{color:red;margin:0 auto}');
  assert.equal(await minify('@media (hover: hover) {\n  .a :is(b, c) { color: red; }\n}'), '@media(hover:hover){.a :is(b,c){color:red}}');
  assert.equal(await minify('a { gap: calc(var(--_space) / 2); box-shadow: 0 4px 16px rgb(0 0 0 / 25%); }'), 'a{gap:calc(var(--_space) / 2);box-shadow:0 4px 16px #00000040}');
  assert.equal(await minify(''), '');
  assert.equal(await minify('  /* nothing */  '), '');
});

test('custom property values and var() fallbacks are kept as written', async () => {
  // The reason for esbuild (docs/architecture.md): Lightning CSS rounds this one to 2147480000.
  assert.equal(await minify('a { z-index: var(--storevoice-z-index, 2147483000); }'), 'a{z-index:var(--storevoice-z-index, 2147483000)}');
  assert.equal(await minify(":host { --_font: var(--storevoice-font, system-ui, 'Segoe UI'); }"), ':host{--_font: var(--storevoice-font, system-ui, "Segoe UI")}');
});

test('a template without rules is a declaration list, and keeps its last ;', async () => {
  assert.equal(await minify('\n  color-scheme: dark;\n  --_accent: var(--x, #8ab4f8);\n'), 'color-scheme:dark;--_accent: var(--x, #8ab4f8);');
  assert.equal(await minify('color: red'), 'color:red;');
  // A brace in a comment does not make it a stylesheet.
  assert.equal(await minify('/* { */ color: red;'), 'color:red;');
});

test('an expression that stands alone between statements stays there', async () => {
  const parts = [":host([theme='dark']) {\n  ", "\n}\n@media (prefers-color-scheme: dark) {\n  :host([theme='auto']) {\n    ", '\n  }\n}\n'];
  assert.deepEqual(await minifyParts(parts), [':host([theme="dark"]){', '}@media(prefers-color-scheme:dark){:host([theme="auto"]){', '}}']);
  // Between declarations, with the source's own `;`; after a rule; two in a row.
  assert.deepEqual(await minifyParts(['a { ', '; color: red; }']), ['a{', ';color:red}']);
  assert.deepEqual(await minifyParts(['a { color: red; ', ' }']), ['a{color:red;', '}']);
  assert.deepEqual(await minifyParts(['a { color: red; }\n', '\n']), ['a{color:red}', '']);
  assert.deepEqual(await minifyParts([':host {\n  ', '\n  ', '\n}']), [':host{', '', '}']);
  assert.deepEqual(await minifyParts(['', '']), ['', '']);
});

test('an expression inside a value or a selector stays there', async () => {
  assert.deepEqual(await minifyParts(['a { width: ', 'px; height: calc(', ' * 2); color: ', ' }']), ['a{width:', 'px;height:calc(', '*2);color:', '}']);
  assert.deepEqual(await minifyParts(['.', ' a, ', ' > b { color: red; }']), ['.', ' a,', '>b{color:red}']);
  assert.deepEqual(await minifyParts(['a::before { content: "', '"; }']), ['a:before{content:"', '"}']);
});

test('CSS that esbuild finds a problem with is refused, with where it is', async () => {
  await assert.rejects(minify('a { color: red'), /Expected "}" to go with "{"/);
  await assert.rejects(minify('a {{ color: red; }'), (error: Error & { part?: number; offsetInPart?: number }) => {
    assert.match(error.message, /Unexpected "\{"/);
    assert.deepEqual([error.part, error.offsetInPart], [0, 3]);
    return true;
  });
  const parts = ['a { color: red; }\nb { color: ', '; background: url(x ; }'];
  await assert.rejects(minifyParts(parts), (error: Error & { part?: number; offsetInPart?: number }) => {
    assert.match(error.message, /Expected "\)" to end URL token/);
    assert.deepEqual([error.part, error.offsetInPart], [1, parts[1]!.lastIndexOf(';')]);
    return true;
  });
  // An expression in a place that is neither a value nor a whole statement.
  await assert.rejects(minifyParts([':host { ', ' color: red; }']), /Expected ":".*a \$\{…\} reads as __storevoice-expression-N__/);
  await assert.rejects(minifyParts(['a { color: storevoice-expression-0; }']), /"storevoice-expression-" is reserved/);
});

test('the plugin finds Lit\'s css under any name, and our CSS-text tag', async () => {
  const template = '`\n  .x {\n    color: red;\n  }\n`';
  const { code } = await bundle({
    'src/main.ts': "export * from './renamed.ts';\nexport * from './namespace.ts';\nexport * from './text.ts';",
    'src/renamed.ts': `import { css as styles } from 'lit';\nexport const a = styles${template};`,
    'src/namespace.ts': `import * as lit from 'lit';\nexport const b = lit.css${template};`,
    'src/text.ts': `const css = String.raw;\nexport const c = css${template};`,
  });
  // (rollup renames the bindings it merges: count the templates.)
  assert.equal(code.split('`.x{color:red}`').length - 1, 3);
  assert.ok(!code.includes(template));
});

test('a tag that is not Lit\'s css, whatever its name, is left alone', async () => {
  const template = '`\n  .x {\n    color: red;\n  }\n`';
  const { code } = await bundle({
    'src/main.ts': "export * from './other.ts';\nexport * from './shadowed.ts';",
    'src/other.ts': [
      "import { css } from './not-lit.ts';",
      "import { html } from 'lit';",
      `export const a = css${template};`,
      `export const b = html${template};`,
      'const text = String.raw;',
      `export const c = text${template};`,
    ].join('\n'),
    'src/not-lit.ts': 'export const css = String.raw;',
    // Lit's css is imported, but a parameter of the same name hides it.
    'src/shadowed.ts': `import { css } from 'lit';\nexport const d = (css) => css${template};\nexport const e = css${template};`,
  });
  assert.equal(code.split(template).length - 1, 4);
  assert.equal(code.split('`.x{color:red}`').length - 1, 1);
});

test('the minified text means what the source meant: escapes for Lit, raw text for String.raw', async () => {
  const { code } = await bundle({
    'src/main.ts': "export * from './lit.ts';\nexport * from './text.ts';",
    // Lit reads the cooked string: `\\2014` in the source is `\2014` in the CSS, an em dash; a
    // backslash esbuild keeps must be written `\\` again.
    'src/lit.ts': "import { css } from 'lit';\nexport const a = css`a::before { content: \"\\\\2014\\u00a0\"; } b { width: ${1}px; } c { content: '\\\\\\\\'; }`;",
    // String.raw's text is its source.
    'src/text.ts': 'const css = String.raw;\nexport const b = css`a::before { content: "\\2014"; }`;',
  });
  assert.match(code, /a = [\w$]+`a:before\{content:"\u2014\u00a0"\}b\{width:\$\{1\}px\}c\{content:"\\\\\\\\"\}`/);
  assert.match(code, /b = [\w$]+`a:before\{content:"\u2014"\}`/);
});

test('the plugin fails the build on CSS it cannot minify, at its place in the source', async () => {
  await assert.rejects(
    bundle({ 'src/main.ts': "import { css } from 'lit';\n\nexport const a = css`\n  a {\n    color: red;\n  }\n  }\n`;" }),
    (error: Error & { loc?: { line: number; column: number } }) => {
      assert.match(error.message, /src\/main\.ts: css`…` template: Unexpected "\}"/);
      assert.deepEqual([error.loc?.line, error.loc?.column], [7, 2]);
      return true;
    },
  );
});

test('the plugin returns a source map: code after a template keeps its line', async () => {
  const source = [
    "import { css } from 'lit';",
    'export const styles = css`',
    '  .card {',
    '    color: red;',
    '  }',
    '`;',
    "export const marker = () => 'after the styles';",
  ].join('\n');
  const { code, map } = await bundle({ 'src/main.ts': source }, { sourcemap: true });
  const lines = code.split('\n');
  const line = lines.findIndex((text) => text.includes("'after the styles'"));
  assert.ok(line < 6, 'the template was minified onto fewer lines');
  const original = originalPositionFor(new TraceMap(map!.toString()), { line: line + 1, column: lines[line]!.indexOf("'after the styles'") });
  assert.match(original.source ?? '', /src\/main\.ts$/);
  assert.deepEqual([original.line, original.column], [7, source.split('\n')[6]!.indexOf("'after the styles'")]);
});
