// Finds the tagged templates of one module whose tag is one of Lit's (`css`, `html`, `svg`), for the
// build's template minifiers. The tag is resolved through its binding, never by its name alone:
// `import { css as styles } from 'lit'` makes `styles` Lit's css tag, `import * as lit from 'lit'`
// makes `lit.css` one, and a `css` that is some other binding (a parameter, another module's
// export, a local function) is left alone. Works on the JavaScript TypeScript emits (an ESTree AST
// from rollup's `this.parse`).
import { attachScopes } from '@rollup/pluginutils';
import { walk } from 'estree-walker';

/** Lit's public modules that export its template tags (`css` from all but lit-html's). */
const LIT_MODULES = new Set([
  'lit',
  'lit/index.js',
  'lit/html.js',
  'lit-html',
  'lit-html/lit-html.js',
  'lit-element',
  'lit-element/index.js',
  'lit-element/lit-element.js',
  '@lit/reactive-element',
  '@lit/reactive-element/css-tag.js',
]);

/**
 * Our CSS-text tag: a module-level `const css = String.raw`, for CSS that kiosk mode adopts without
 * Lit's `css` (src/kiosk/kiosk.styles.ts says why). Its binding says it is `String.raw`, and its
 * name, as for editors' CSS highlighting, says the text is CSS.
 */
const CSS_TEXT_TAG = 'css';

/**
 * The tagged templates of `ast` whose tag is Lit's `names` (e.g. `['css']`), in source order.
 * `raw` is true for our CSS-text tag (`String.raw`: the template's value is its raw text) and
 * false for Lit's tags (which read the cooked strings, escapes resolved).
 *
 * @param {import('estree').Program} ast
 * @param {string[]} names Lit exports to look for: `css`, `html`, `svg`.
 * @returns {Array<{ node: import('estree').TaggedTemplateExpression, raw: boolean }>}
 */
export function litTemplates(ast, names) {
  const { tags, namespaces } = litBindings(ast, names);
  const templates = [];
  let scope = attachScopes(ast, 'scope');
  walk(ast, {
    enter(node) {
      if (node.scope) scope = node.scope;
      if (node.type !== 'TaggedTemplateExpression') return;
      const { tag } = node;
      if (tag.type === 'Identifier' && tags.has(tag.name) && !shadowed(scope, tag.name)) {
        templates.push({ node, raw: tags.get(tag.name) === 'raw' });
      } else if (
        tag.type === 'MemberExpression' &&
        !tag.computed &&
        tag.object.type === 'Identifier' &&
        namespaces.has(tag.object.name) &&
        names.includes(tag.property.name) &&
        !shadowed(scope, tag.object.name)
      ) {
        templates.push({ node, raw: false });
      }
    },
    leave(node) {
      if (node.scope) scope = scope.parent;
    },
  });
  return templates;
}

/** The module-level names bound to Lit's tags (local name → 'lit' | 'raw') and to Lit namespaces. */
function litBindings(ast, names) {
  const tags = new Map();
  const namespaces = new Set();
  for (const statement of ast.body) {
    if (statement.type === 'ImportDeclaration' && LIT_MODULES.has(statement.source.value)) {
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ImportNamespaceSpecifier') namespaces.add(specifier.local.name);
        else if (specifier.type === 'ImportSpecifier' && names.includes(specifier.imported.name ?? specifier.imported.value)) tags.set(specifier.local.name, 'lit');
      }
    }
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (names.includes('css') && declaration?.type === 'VariableDeclaration' && declaration.kind === 'const') {
      for (const { id, init } of declaration.declarations) {
        if (id.type === 'Identifier' && id.name === CSS_TEXT_TAG && isStringRaw(init)) tags.set(id.name, 'raw');
      }
    }
  }
  return { tags, namespaces };
}

const isStringRaw = (node) =>
  node?.type === 'MemberExpression' && !node.computed && node.object.type === 'Identifier' && node.object.name === 'String' && node.property.name === 'raw';

/** Whether a scope inside the module declares `name` again, hiding the module-level binding. */
function shadowed(scope, name) {
  for (let inner = scope; inner.parent; inner = inner.parent) if (inner.declarations[name]) return true;
  return false;
}
