// Builds custom-elements.json, the machine-readable description of <storevoice-widget> (attributes,
// properties, methods, events, CSS parts and custom properties) that IDEs, Storybook and framework
// tooling read. `npm run analyze` writes it; `npm run build` runs it; the manifest is committed, and
// test/node/custom-elements-manifest.test.ts fails when it no longer matches the source.
//
// The element's JSDoc header (src/widget/storevoice-widget.ts) is the source of the events, parts
// and custom properties; the `static properties` block is the source of attributes and properties.
import { posix } from 'node:path';

export default {
  globs: ['src/**/*.ts'],
  // `internal/` is private by convention. Tests live outside src/ (the analyzer skips *.test.ts anyway).
  exclude: ['src/**/internal/**'],
  litelement: true,
  // The analyzer would otherwise rewrite package.json on every run; `customElements` is set there once.
  packagejson: false,
  quiet: true,
  plugins: [defineOnceCalls(), litStateProperties(), typeOnlyExports(), publicSurfaceOnly()],
};

/**
 * Our elements are registered through `defineOnce(name, Class)` (src/internal/define.ts), which the
 * analyzer does not know as it knows `customElements.define`. Records the same
 * `custom-element-definition` export, which also gives the class its `tagName`.
 */
function defineOnceCalls() {
  return {
    name: 'storevoice: defineOnce() calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'defineOnce') return;
      const [tag, klass] = node.arguments;
      if (!tag || !klass || !ts.isStringLiteral(tag) || !ts.isIdentifier(klass)) return;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: tag.text, declaration: { name: klass.text, module: moduleOf(ts, node.getSourceFile(), moduleDoc.path, klass.text) } },
      ];
    },
  };
}

/** The module a name used in `file` is declared in: the file itself, or the relative import it came from. */
function moduleOf(ts, file, path, name) {
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const named = statement.importClause?.namedBindings;
    if (!named || !ts.isNamedImports(named) || !named.elements.some((e) => e.name.text === name)) continue;
    const specifier = statement.moduleSpecifier.text;
    // Sources import './x.js' (verbatimModuleSyntax); the manifest lists them as the .ts files.
    return specifier.startsWith('.') ? posix.join(posix.dirname(path), specifier).replace(/\.js$/, '.ts') : specifier;
  }
  return path;
}

/**
 * Lit's `static properties = { x: { state: true } }` declares internal reactive state, which has no
 * attribute. The analyzer's Lit support only knows `attribute: false`, so it would list every state
 * field as an attribute.
 */
function litStateProperties() {
  return {
    name: 'storevoice: Lit state properties have no attribute',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const classDoc = moduleDoc.declarations?.find((d) => d.name === node.name.text);
      if (!classDoc) return;
      const states = new Set();
      for (const member of node.members) {
        const isStatic = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
        if (!isStatic || !ts.isPropertyDeclaration(member) || member.name.getText() !== 'properties') continue;
        if (!member.initializer || !ts.isObjectLiteralExpression(member.initializer)) continue;
        for (const property of member.initializer.properties) {
          if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.initializer)) continue;
          const state = property.initializer.properties.some(
            (option) => ts.isPropertyAssignment(option) && option.name.getText() === 'state' && option.initializer.kind === ts.SyntaxKind.TrueKeyword,
          );
          if (state) states.add(property.name.getText());
        }
      }
      classDoc.attributes = classDoc.attributes?.filter((attribute) => !states.has(attribute.fieldName));
      for (const member of classDoc.members ?? []) {
        if (!states.has(member.name)) continue;
        delete member.attribute;
        delete member.reflects;
      }
    },
  };
}

/** `export type { X }` exports nothing at run time; the analyzer lists it as a JavaScript export. */
function typeOnlyExports() {
  return {
    name: 'storevoice: type-only exports are not JavaScript exports',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isExportDeclaration(node) || !node.exportClause || !ts.isNamedExports(node.exportClause)) return;
      const typeOnly = new Set(node.exportClause.elements.filter((e) => node.isTypeOnly || e.isTypeOnly).map((e) => e.name.text));
      moduleDoc.exports = moduleDoc.exports?.filter((e) => e.kind !== 'js' || !typeOnly.has(e.name));
    },
  };
}

/**
 * The manifest describes what a page can use: the custom elements and the package entry. Helper
 * modules (question views, styles, message catalogs, the survey loader) are not importable from the
 * package, and private members are not API; listing them would make the manifest change with every
 * refactor or translation fix.
 */
function publicSurfaceOnly() {
  return {
    name: 'storevoice: public surface only',
    packageLinkPhase({ customElementsManifest }) {
      const ENTRY = 'src/index.ts';
      customElementsManifest.modules = customElementsManifest.modules.filter(
        (module) =>
          module.path === ENTRY ||
          module.declarations?.some((d) => d.customElement) ||
          module.exports?.some((e) => e.kind === 'custom-element-definition'),
      );
      for (const module of customElementsManifest.modules) {
        // Re-exports come out as written ('./x.js', 'src/x.js'); name the module as the manifest does.
        for (const entry of module.exports ?? []) {
          const target = entry.declaration;
          if (target?.module === undefined || target.package !== undefined) continue;
          const path = target.module.startsWith('.') ? posix.join(posix.dirname(module.path), target.module) : target.module;
          target.module = path.replace(/\.js$/, '.ts');
        }
        for (const declaration of module.declarations ?? []) {
          if (declaration.members) declaration.members = declaration.members.filter((m) => m.privacy !== 'private' && !m.name.startsWith('#'));
        }
      }
    },
  };
}
