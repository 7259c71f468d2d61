// A rollup plugin that minifies the CSS inside Lit's css`…` templates in our own sources.
// Terser keeps template literals verbatim, so without this every comment, indent and newline of
// the widget's styles ships to every shopper (~1.3 KB gzip). Only whitespace and comments go:
// no rule is rewritten, so what the tests check is what ships.
// TypeScript's emit writes `css `…`` with a space before the template.
const CSS_TEMPLATE = /\bcss\s*`([^`]*)`/g;

/** Collapses whitespace and drops comments in one css`…` body (interpolations are left intact). */
export function minifyCssText(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    // `color: red` → `color:red`, `(hover: hover)` → `(hover:hover)`; never touches `a :is(…)`.
    .replace(/([\w)-]):\s+/g, '$1:')
    .replace(/;}/g, '}')
    .trim();
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
