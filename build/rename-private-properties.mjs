// A rollup plugin for the script tag's builds: shortens the private custom properties.
// Components read `--_*` variables resolved once in src/styles/tokens.ts (`--_accent`,
// `--_surface-alt`…); they are private to the shadow root, so storevoice.iife.js and kiosk.js (which
// must agree) call them `--_a`, `--_b`… The ESM build keeps the readable names.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import MagicString from 'magic-string';
import { walk } from 'estree-walker';

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
 * Comments are not literals and are left alone.
 *
 * What it cannot see fails the build: a `--_` without a whole name after it (`'--_' + name`), a
 * name cut off by an expression (`` `--_surface${suffix}` ``, `'--_surface' + suffix`), and, once
 * the bundle is written, any original name left in it (code outside src/, say). A name glued from
 * pieces that each look whole (`['--_sur', 'face'].join('')`) would still slip through: private
 * names stay whole string literals.
 *
 * @param {{ sourceDir?: string }} [options] `sourceDir`: where the names are collected from
 *   (default: the repository's src/).
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
      const out = new MagicString(code);
      const fail = (error, node) => this.error(`${path.relative(process.cwd(), id)}: ${error.message} (build/rename-private-properties.mjs)`, node.start);
      walk(this.parse(code), {
        enter(node, parent) {
          let open;
          if (node.type === 'Literal' && typeof node.value === 'string') open = parent?.type === 'BinaryExpression' && parent.operator === '+' && parent.left === node;
          else if (node.type === 'TemplateElement') open = !node.tail;
          else return;
          // A string's quotes are not part of a name: look at its body only.
          const [start, end] = node.type === 'Literal' ? [node.start + 1, node.end - 1] : [node.start, node.end];
          const body = code.slice(start, end);
          if (!body.includes('--_')) return;
          let renamed;
          try {
            renamed = renamePrivateProperties(body, names, { open });
          } catch (error) {
            fail(error, node);
          }
          if (renamed !== body) out.overwrite(start, end, renamed);
        },
      });
      return out.hasChanged() ? { code: out.toString(), map: out.generateMap({ hires: true }) } : null;
    },
    generateBundle(_options, bundle) {
      const shortNames = new Set(names.values());
      const originals = [...names.keys()].filter((name) => !shortNames.has(name));
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        for (const name of originals) {
          if (new RegExp(`--_${name}(?![\\w-])`).test(file.code)) this.error(`${file.fileName} still reads --_${name}: some code escaped the private property rename (build/rename-private-properties.mjs)`);
        }
      }
    },
  };
}
