// A rollup plugin that drops the source formatting (newlines and indentation) from Lit's html`…` and
// svg`…` templates in our own sources, for the script tag. Terser keeps template literals verbatim,
// so without this every indent of the widget's markup ships to every shopper (~0.25 KB gzip).
// It runs after TypeScript, on JavaScript: the templates are found in the syntax tree, their tag
// resolved to Lit's `html`/`svg` through its import (build/lit-templates.mjs), so `${…}` expressions
// (which may hold templates of their own) are never touched. It returns a source map (magic-string).
//
// Only whitespace that contains a line break goes, so what a template says on one line ships as
// written:
// - inside a tag, between attributes: one space (`<input\n  type="text"\n/>` → `<input type="text"/>`);
// - next to a tag or at either end of the template: nothing. Those are whitespace-only text nodes
//   between elements, which render nothing here (the widget lays out with blocks, flex and grid);
// - between text and `${…}`: one space, so inline words stay apart.
import MagicString from 'magic-string';
import { litTemplates } from './lit-templates.mjs';

/**
 * Minifies one static part of an html`…`/svg`…` template. `inTag`: it starts inside a tag;
 * `first`/`last`: it starts/ends the template (otherwise a `${…}` is there).
 */
export function minifyHtmlPart(raw, { inTag = false, first = true, last = true } = {}) {
  return raw.replace(/\s*\n\s*/g, (space, offset) => {
    const before = offset === 0 ? (first ? 'start' : 'expression') : raw[offset - 1];
    const next = offset + space.length === raw.length ? (last ? 'end' : 'expression') : raw[offset + space.length];
    if (tagStateAfter(raw.slice(0, offset), inTag)) return next === '>' || next === '/' || next === 'end' ? '' : ' ';
    return before === 'start' || before === '>' || next === '<' || next === 'end' ? '' : ' ';
  });
}

export function minifyHtml() {
  return {
    name: 'minify-html-templates',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('`')) return null;
      const templates = litTemplates(this.parse(code), ['html', 'svg']);
      if (templates.length === 0) return null;
      const out = new MagicString(code);
      for (const { node } of templates) {
        const { quasis } = node.quasi;
        let inTag = false;
        for (const [index, quasi] of quasis.entries()) {
          const raw = code.slice(quasi.start, quasi.end);
          const minified = minifyHtmlPart(raw, { inTag, first: index === 0, last: index === quasis.length - 1 });
          if (minified !== raw) {
            if (minified) out.overwrite(quasi.start, quasi.end, minified);
            else out.remove(quasi.start, quasi.end);
          }
          inTag = tagStateAfter(raw, inTag);
        }
      }
      return out.hasChanged() ? { code: out.toString(), map: out.generateMap({ hires: true }) } : null;
    },
  };
}

/** Whether a static part ends inside a tag (`<input type=${…}` does), given how it started. */
function tagStateAfter(raw, inTag) {
  const open = raw.lastIndexOf('<');
  const close = raw.lastIndexOf('>');
  return open === close ? inTag : open > close;
}
