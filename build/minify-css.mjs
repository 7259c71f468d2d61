// A rollup plugin that minifies the CSS inside Lit's css`…` templates in our own sources.
// Terser keeps template literals verbatim, so without this every comment, indent and newline of
// the widget's styles ships to every shopper (~1.3 KB gzip). Only whitespace, comments, leading
// zeros and quotes the CSS grammar does not need go: no rule is rewritten, so what the tests check
// is what ships.
// TypeScript's emit writes `css `…`` with a space before the template.

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
