// A rollup plugin that drops the source formatting (newlines and indentation) from Lit's html`…` and
// svg`…` templates in our own sources, for the script tag. Terser keeps template literals verbatim,
// so without this every indent of the widget's markup ships to every shopper (~0.25 KB gzip).
// It runs after TypeScript, on JavaScript: the templates are found in the syntax tree, so
// `${…}` expressions (which may hold templates of their own) are never touched.
//
// Only whitespace that contains a line break goes, so what a template says on one line ships as
// written:
// - inside a tag, between attributes: one space (`<input\n  type="text"\n/>` → `<input type="text"/>`);
// - next to a tag or at either end of the template: nothing. Those are whitespace-only text nodes
//   between elements, which render nothing here (the widget lays out with blocks, flex and grid);
// - between text and `${…}`: one space, so inline words stay apart.

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
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|svg)\s*`/.test(code)) return null;
      const edits = [];
      walk(this.parse(code), (node) => {
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier' || !['html', 'svg'].includes(node.tag.name)) return;
        const { quasis } = node.quasi;
        let inTag = false;
        for (const [index, quasi] of quasis.entries()) {
          const raw = code.slice(quasi.start, quasi.end);
          const minified = minifyHtmlPart(raw, { inTag, first: index === 0, last: index === quasis.length - 1 });
          if (minified !== raw) edits.push({ start: quasi.start, end: quasi.end, text: minified });
          inTag = tagStateAfter(raw, inTag);
        }
      });
      if (edits.length === 0) return null;
      let out = code;
      for (const { start, end, text } of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, start) + text + out.slice(end);
      return { code: out, map: null };
    },
  };
}

/** Whether a static part ends inside a tag (`<input type=${…}` does), given how it started. */
function tagStateAfter(raw, inTag) {
  const open = raw.lastIndexOf('<');
  const close = raw.lastIndexOf('>');
  return open === close ? inTag : open > close;
}

function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) walk(child, visit);
    else if (value && typeof value === 'object' && typeof value.type === 'string') walk(value, visit);
  }
}
