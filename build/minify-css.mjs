// A rollup plugin that minifies the CSS inside Lit's css`…` templates in our own sources.
// Terser keeps template literals verbatim, so without this every comment, indent and newline of
// the widget's styles ships to every shopper (~1.3 KB gzip). Only whitespace, comments, leading
// zeros and quotes the CSS grammar does not need go: no rule is rewritten, so what the tests check
// is what ships.
// TypeScript's emit writes `css `…`` with a space before the template.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CSS_TEMPLATE = /\bcss\s*`([^`]*)`/g;

/**
 * Drops comments and the whitespace the CSS grammar does not need from one css`…` body. Quoted
 * strings, `url(…)` and `${…}` interpolations are never looked into, except that a quoted
 * attribute-selector value may lose its quotes.
 */
export function minifyCssText(text) {
  const collapsed = text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    // `color: red` → `color:red`, `(hover: hover)` → `(hover:hover)`; never touches `a :is(…)`.
    .replace(/([\w)-]):\s+/g, '$1:')
    .replace(/;}/g, '}')
    .trim();
  const { masked, parts } = maskOpaqueParts(collapsed);
  let css = tightenOperators(masked);
  css = dropLeadingZeros(css);
  css = css.replace(/ !important/g, '!important');
  css = unquoteAttributeValues(css, parts);
  return css.replace(PLACEHOLDER, (_, n) => parts[n]);
}

/**
 * Quoted strings, `url(…)` and `${…}` become placeholders, `\uE000<n>\uE001` (private-use
 * characters, which our CSS does not use), so no transform below can match inside one or across one.
 */
const PLACEHOLDER = /\uE000(\d+)\uE001/g;
function maskOpaqueParts(css) {
  if (/[\uE000\uE001]/.test(css)) throw new Error('build/minify-css.mjs uses U+E000 and U+E001 as placeholders: they cannot appear in a css`…` template');
  const parts = [];
  let masked = '';
  for (let i = 0; i < css.length; ) {
    const end = opaquePartEnd(css, i);
    if (end === i) {
      masked += css[i++];
      continue;
    }
    masked += `\uE000${parts.length}\uE001`;
    parts.push(css.slice(i, end));
    i = end;
  }
  return { masked, parts };
}

/** Where a string, `url(…)` or `${…}` starting at `i` ends, or `i` when none starts there. */
function opaquePartEnd(css, i) {
  const ch = css[i];
  if (ch === "'" || ch === '"') {
    let j = i + 1;
    while (j < css.length && css[j] !== ch) j += css[j] === '\\' ? 2 : 1;
    return Math.min(j + 1, css.length);
  }
  if (ch === '$' && css[i + 1] === '{') {
    let depth = 0;
    for (let j = i + 1; j < css.length; j++) {
      if (css[j] === '{') depth++;
      else if (css[j] === '}' && --depth === 0) return j + 1;
    }
    return css.length;
  }
  if (/^url\(/i.test(css.slice(i, i + 4)) && !/[\w-]/.test(css[i - 1] ?? '')) {
    const close = css.indexOf(')', i);
    return close === -1 ? css.length : close + 1;
  }
  return i;
}

/**
 * Math functions take `*` and `/` without spaces, colour functions their alpha `/`, and the font
 * shorthand its size/line-height `/` (`calc(var(--x) / 2)` → `calc(var(--x)/2)`,
 * `rgb(0 0 0 / 25%)` → `rgb(0 0 0/25%)`, `font: 16px / 1.5 x` → `font:16px/1.5 x`). Spaces around
 * `+` and `-` stay: calc needs them. Anywhere else `*` may be the universal selector.
 */
const SLASH_STAR_FUNCTIONS = new Set(['calc', 'min', 'max', 'clamp', 'rgb', 'rgba', 'hsl', 'hsla']);
function tightenOperators(css) {
  const functions = [];
  let out = '';
  for (let i = 0; i < css.length; i++) {
    const ch = css[i];
    if (ch === '(') functions.push(/[\w-]*$/.exec(out)[0].toLowerCase());
    else if (ch === ')') functions.pop();
    else if (ch === ' ') {
      const declaration = out.slice(Math.max(out.lastIndexOf(';'), out.lastIndexOf('{'), out.lastIndexOf('}')) + 1);
      const operators = functions.length > 0 ? (SLASH_STAR_FUNCTIONS.has(functions.at(-1)) ? '*/' : '') : declaration.startsWith('font:') ? '/' : '';
      if (operators && (operators.includes(css[i + 1]) || operators.includes(out.at(-1)))) continue;
    }
    out += ch;
  }
  return out;
}

/**
 * `0.875em` → `.875em`, `opacity:0.5` → `opacity:.5`: only a number that starts after a space,
 * `:`, `(`, `,`, `/` or `*`, so the `0.5` of `10.5` or of an identifier like `x0.5` stays.
 */
function dropLeadingZeros(css) {
  return css.replace(/(^|[\s:(,/*])0\.(\d)/g, '$1.$2');
}

/** `[mode='kiosk']` → `[mode=kiosk]`: the quotes go when the value is a plain identifier. */
function unquoteAttributeValues(css, parts) {
  return css.replace(/(\[[\w-]+[~|^$*]?=)\uE000(\d+)\uE001\]/g, (match, start, n) => {
    const value = parts[n].slice(1, -1);
    return /^-?[A-Za-z_][\w-]*$/.test(value) ? `${start}${value}]` : match;
  });
}

export function minifyCss() {
  return {
    name: 'minify-css-templates',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\bcss\s*`/.test(code)) return null;
      return { code: code.replace(CSS_TEMPLATE, (_, body) => `css\`${minifyCssText(body)}\``), map: null };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Private custom properties. Components read `--_*` variables resolved once in
// src/styles/tokens.ts (`--_accent`, `--_surface-alt`…); they are private to the shadow root, so
// the script tag's builds (storevoice.iife.js and kiosk.js, which must agree) call them `--_a`,
// `--_b`… The ESM build keeps the readable names.

const PRIVATE_PROPERTY = /--_([\w-]+)/g;

/** Every private property name (without `--_`) in the given texts, sorted. */
export function privatePropertyNames(texts) {
  const names = new Set();
  for (const text of texts) for (const [, name] of text.matchAll(PRIVATE_PROPERTY)) names.add(name);
  return [...names].sort();
}

/** name → short name: `a`…`z`, then `ba`, `bb`… in the order given. */
export function shortPropertyNames(names) {
  const short = (n) => (n < 26 ? '' : short(Math.floor(n / 26))) + String.fromCharCode(97 + (n % 26));
  return new Map(names.map((name, index) => [name, short(index)]));
}

/**
 * Renames the private properties in one string or template part (its raw text). Throws when the
 * text holds a `--_` name the rename cannot see: one built at run time (`'--_' + name`,
 * `` `--_${name}` ``, `'--_surface' + '-alt'`) would miss its short name and silently read nothing.
 * `open`: the text is followed by an expression (a `${…}`, or a `+`).
 */
export function renamePrivateProperties(text, names, { open = false } = {}) {
  return text.replace(/--_([\w-]*)/g, (match, name, offset) => {
    if (!names.has(name)) throw new Error(`"${match}" is not a whole private custom property name that the build can rename`);
    if (open && offset + match.length === text.length) throw new Error(`"${match}" is completed at run time, so the build cannot rename it`);
    return `--_${names.get(name)}`;
  });
}

/**
 * The rollup plugin: after TypeScript, renames the private properties in every string and template
 * literal of our sources (css`…` templates and `style.setProperty('--_scale', …)` alike), with one
 * mapping computed from every `--_name` under src/, so every build of the same sources agrees.
 * Comments are not literals and are left alone; names only get shorter within a line, so the
 * sourcemap stays line-accurate.
 *
 * What it cannot see fails the build: a `--_` without a whole name after it (`'--_' + name`), a
 * name cut off by an expression (`` `--_surface${suffix}` ``, `'--_surface' + suffix`), and, once
 * the bundle is written, any original name left in it (code outside src/, say). A name glued from
 * pieces that each look whole (`['--_sur', 'face'].join('')`) would still slip through: private
 * names stay whole string literals.
 */
export function shortPrivateProperties({ sourceDir = fileURLToPath(new URL('../src/', import.meta.url)) } = {}) {
  let names = new Map();
  return {
    name: 'short-private-properties',
    buildStart() {
      const files = fs.readdirSync(sourceDir, { recursive: true }).filter((file) => file.endsWith('.ts'));
      names = shortPropertyNames(privatePropertyNames(files.map((file) => fs.readFileSync(path.join(sourceDir, file), 'utf8'))));
    },
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('--_')) return null;
      const edits = [];
      walk(this.parse(code), null, (node, parent) => {
        let raw, open;
        if (node.type === 'Literal' && typeof node.value === 'string') {
          raw = code.slice(node.start, node.end);
          open = parent?.type === 'BinaryExpression' && parent.operator === '+' && parent.left === node;
        } else if (node.type === 'TemplateElement') {
          raw = code.slice(node.start, node.end);
          open = !node.tail;
        } else return;
        // A string's closing quote is not part of a name: look at its body, then put the quotes back.
        const [head, body, tail] = node.type === 'Literal' ? [raw[0], raw.slice(1, -1), raw.at(-1)] : ['', raw, ''];
        if (!body.includes('--_')) return;
        try {
          edits.push({ start: node.start, end: node.end, text: head + renamePrivateProperties(body, names, { open }) + tail });
        } catch (error) {
          this.error(`${path.relative(process.cwd(), id)}: ${error.message} (build/minify-css.mjs)`, node.start);
        }
      });
      if (edits.length === 0) return null;
      let out = code;
      for (const { start, end, text } of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, start) + text + out.slice(end);
      return { code: out, map: null };
    },
    generateBundle(_options, bundle) {
      const shortNames = new Set(names.values());
      const originals = [...names.keys()].filter((name) => !shortNames.has(name));
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        for (const name of originals) {
          if (new RegExp(`--_${name}(?![\\w-])`).test(file.code)) this.error(`${file.fileName} still reads --_${name}: some code escaped the private property rename (build/minify-css.mjs)`);
        }
      }
    },
  };
}

function walk(node, parent, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node, parent);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) walk(child, node, visit);
    else if (value && typeof value === 'object' && typeof value.type === 'string') walk(value, node, visit);
  }
}
