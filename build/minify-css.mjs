// A rollup plugin that minifies the CSS inside Lit's css`…` templates (and our CSS-text templates,
// see build/lit-templates.mjs) in our own sources, with esbuild's CSS minifier. Terser keeps template
// literals verbatim, so without this every comment, indent and newline of the widget's styles
// ships to every shopper (~1.3 KB gzip).
//
// esbuild rather than Lightning CSS (docs/architecture.md, "What the script tag carries"):
// Lightning CSS stores numbers as 32-bit floats, so it rewrites the documented
// `--storevoice-z-index` default 2147483000 to 2147480000, and it reorders declarations; esbuild
// leaves custom property values and var() fallbacks as written.
//
// It runs on the JavaScript TypeScript emits, wherever it is listed (a `post` transform), and
// returns a source map (magic-string), so a bundle's map still points into src/.
import path from 'node:path';
import MagicString from 'magic-string';
import { transform } from 'esbuild';
import { litTemplates } from './lit-templates.mjs';

/**
 * `${…}` expressions become placeholders that esbuild keeps as they are, then come back. One that
 * stands alone, a whole statement between declarations or rules (`:host { ${darkPalette} }`),
 * becomes an at-rule esbuild keeps anywhere (`@storevoice-expression-0;`); any other
 * (`gap: ${gap}px`, `.${name} {…}`) an identifier (`__storevoice-expression-0__`). Either way the
 * expression's text meets the same tokens as in the source.
 */
const statementPlaceholder = (n, semicolonFollows) => `@storevoice-expression-${n}${semicolonFollows ? '' : ';'}`;
const valuePlaceholder = (n) => `__storevoice-expression-${n}__`;
const PLACEHOLDER = /@storevoice-expression-(\d+);|__storevoice-expression-(\d+)__/g;

/** A template whose text holds no rule (`color-scheme: dark; --_accent: …`) is a declaration list. */
const DECLARATION_LIST_RULE = ['a{', '}'];

/**
 * Minifies the CSS text of one template, given as its static parts (the text between its `${…}`
 * expressions), and returns the minified parts: as many, expressions in the same places.
 * A declaration list keeps its last `;`, so it can be followed by more declarations where it is
 * interpolated. Throws on CSS esbuild reports a problem with (the error has `part` and
 * `offsetInPart`, where it is), and when the minified text would not keep every expression
 * exactly once and in order.
 *
 * @param {string[]} parts
 * @returns {Promise<string[]>}
 */
export async function minifyCssParts(parts) {
  if (parts.some((part) => part.includes('storevoice-expression-'))) throw new Error('"storevoice-expression-" is reserved for the build\'s placeholders');
  let css = '';
  const partStarts = [];
  /** Per statement placeholder: whether the source has a `;` after it, which must come back. */
  const semicolons = [];
  for (const [n, part] of parts.entries()) {
    if (n > 0) {
      const next = withoutComments(part).trimStart()[0];
      const alone = standsAlone(css, next ?? (n < parts.length - 1 ? 'expression' : 'end'));
      semicolons.push(alone && next === ';');
      css += alone ? statementPlaceholder(n - 1, next === ';') : valuePlaceholder(n - 1);
    }
    partStarts.push(css.length);
    css += part;
  }
  const declarationList = !withoutComments(css).includes('{');
  const [open, close] = declarationList ? DECLARATION_LIST_RULE : ['', ''];

  const { code, warnings } = await transform(open + css + close, { loader: 'css', minify: true, charset: 'utf8', logLevel: 'silent' });
  if (warnings.length > 0) throw cssError(warnings[0], open + css, open.length, partStarts, parts);
  let minified = code.trim();
  if (declarationList && minified !== '') {
    if (!(minified.startsWith(open) && minified.endsWith(close))) throw new Error(`esbuild did not keep a declaration list as one: ${minified}`);
    minified = minified.slice(open.length, minified.length - close.length);
    if (!/[;}]$/.test(minified)) minified += ';';
  }
  return splitAtPlaceholders(minified, semicolons);
}

/** Whether an expression after `before`, followed by `next` (a character, 'expression' or 'end'), is a whole statement. */
function standsAlone(before, next) {
  const previous = withoutComments(before).trimEnd().at(-1);
  return (previous === undefined || '{;}'.includes(previous)) && ['}', ';', 'expression', 'end'].includes(next);
}

const withoutComments = (css) => css.replace(/\/\*[\s\S]*?\*\//g, '');

/** esbuild's first warning as an error that says where: which part, and where in it. */
function cssError({ text, location }, source, prefix, partStarts, parts) {
  const hint = parts.length > 1 ? ' (a ${…} reads as __storevoice-expression-N__ there, or @storevoice-expression-N; alone between statements)' : '';
  const error = new Error(`${text}${location ? `: ${location.lineText.trim()}` : ''}${hint}`);
  if (location) {
    const lines = source.split('\n');
    const offset = lines.slice(0, location.line - 1).reduce((sum, line) => sum + line.length + 1, 0) + location.column - prefix;
    error.part = Math.max(0, partStarts.findLastIndex((start) => start <= offset));
    error.offsetInPart = Math.max(0, Math.min(offset - partStarts[error.part], parts[error.part].length));
  }
  return error;
}

function splitAtPlaceholders(minified, semicolons) {
  const parts = [];
  let last = 0;
  for (const match of minified.matchAll(PLACEHOLDER)) {
    const n = Number(match[1] ?? match[2]);
    if (n !== parts.length) throw new Error(`the minified CSS does not keep its \${…} expressions in order: ${minified}`);
    parts.push(minified.slice(last, match.index));
    // A statement's `;` was the source's own: it stays, after the expression.
    last = match.index + match[0].length - (match[1] !== undefined && semicolons[n] ? 1 : 0);
  }
  if (parts.length !== semicolons.length) throw new Error(`the minified CSS lost a \${…} expression: ${minified}`);
  parts.push(minified.slice(last));
  return parts;
}

/** The text of a template part as JavaScript source: Lit's `css` reads cooked strings, so escape. */
function asTemplateSource(text, raw) {
  if (!raw) return text.replace(/\\|`|\$\{/g, (match) => `\\${match}`);
  if (/`|\$\{|\\$/.test(text)) throw new Error(`the minified CSS cannot be written as String.raw text: ${text}`);
  return text;
}

/**
 * The rollup plugin. Our sources only (`src/**.ts`); each css`…` template is replaced by its
 * minified text, with a source map. A template it cannot minify faithfully fails the build, with
 * its place in the source.
 */
export function minifyCss() {
  return {
    name: 'minify-css-templates',
    transform: {
      // After TypeScript: rollup's parser reads JavaScript.
      order: 'post',
      async handler(code, id) {
        if (!/\/src\/.*\.ts$/.test(id) || !code.includes('`')) return null;
        const templates = litTemplates(this.parse(code), ['css']);
        if (templates.length === 0) return null;
        const out = new MagicString(code);
        await Promise.all(
          templates.map(async ({ node, raw }) => {
            const { quasis } = node.quasi;
            const texts = quasis.map((quasi) => (raw ? quasi.value.raw : quasi.value.cooked));
            let minified;
            try {
              if (texts.includes(undefined) || texts.includes(null)) throw new Error('a css`…` template with an invalid escape has no text');
              minified = (await minifyCssParts(texts)).map((text) => asTemplateSource(text, raw));
            } catch (error) {
              const at = error.part === undefined ? quasis[0].start : Math.min(quasis[error.part].start + error.offsetInPart, quasis[error.part].end);
              this.error(`${path.relative(process.cwd(), id)}: css\`…\` template: ${error.message} (build/minify-css.mjs)`, at);
            }
            quasis.forEach((quasi, index) => {
              const text = minified[index];
              if (quasi.start === quasi.end) {
                if (text) out.appendLeft(quasi.start, text);
              } else if (text) out.overwrite(quasi.start, quasi.end, text);
              else out.remove(quasi.start, quasi.end);
            });
          }),
        );
        return { code: out.toString(), map: out.generateMap({ hires: true }) };
      },
    },
  };
}
