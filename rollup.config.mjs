// Two kinds of build:
// - ESM for bundlers and import maps: dependencies stay external so the host app dedupes lit/ky/zod.
// - One minified IIFE for the script tag: everything bundled, a single global `StoreVoice`.
// Type declarations are emitted by `tsc -p tsconfig.build.json` (see the `build` script): it is
// the one tool that gets declaration output right for several entry points.
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import pkg from './package.json' with { type: 'json' };
import { minifyCss } from './build/minify-css.mjs';
import { shortPrivateProperties } from './build/rename-private-properties.mjs';
import { minifyHtml } from './build/minify-html.mjs';
import { jsonSchemas } from './build/json-schemas.mjs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const external = [...Object.keys(pkg.dependencies)];
const isExternal = (id) => external.some((dep) => id === dep || id.startsWith(`${dep}/`));

/** zod 4 ships annotations and cycles that rollup warns about; they are harmless and not ours. */
function onwarn(warning, warn) {
  const inDeps = warning.ids?.some?.((id) => id.includes('node_modules')) || warning.id?.includes('node_modules');
  if ((warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'INVALID_ANNOTATION') && inDeps) return;
  if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('node_modules'))) return;
  warn(warning);
}

/**
 * lit and zod record themselves on the global object (litHtmlVersions, litPropertyMetadata,
 * __zod_globalConfig…). The script tag promises retailers one global, `StoreVoice`, so in the
 * IIFE those properties live on an object private to the bundle instead.
 */
const LIBRARY_GLOBALS = /(?:[\w$]+|\([^()]*\))\.(litHtmlVersions|litElementVersions|reactiveElementVersions|litPropertyMetadata|__zod_globalConfig)\b/g;
function privateLibraryGlobals() {
  return {
    name: 'private-library-globals',
    transform(code, id) {
      if (!id.includes('node_modules') || !LIBRARY_GLOBALS.test(code)) return null;
      LIBRARY_GLOBALS.lastIndex = 0;
      const qualified = code.replace(LIBRARY_GLOBALS, '__storevoice_globals.$1');
      // lit also reads litPropertyMetadata as a bare global name.
      return { code: qualified.replace(/(?<![\w$.])litPropertyMetadata\b/g, '__storevoice_globals.litPropertyMetadata'), map: null };
    },
  };
}

/**
 * Modules the script tag swaps for a `-script` twin that loads from beside the bundle what the npm
 * build imports (a classic script cannot be code-split, but it can import() a module): languages
 * from dist/locales/, kiosk mode from dist/kiosk.js, the SDK's delivery code from dist/delivery.js
 * (and with it ky for the survey request's retry, and the English words of a survey's problems).
 */
const SCRIPT_TAG_SWAPS = {
  'src/i18n/loaders.ts': 'src/i18n/loaders-script.ts',
  'src/kiosk/load.ts': 'src/kiosk/load-script.ts',
  'src/delivery/client.ts': 'src/delivery/client-script.ts',
  'src/widget/survey-fetch.ts': 'src/widget/survey-fetch-script.ts',
  'sdk/survey/parse.ts': 'src/widget/survey-parse-script.ts',
};
function scriptTagSwaps() {
  const root = fileURLToPath(new URL('.', import.meta.url));
  const swaps = new Map(Object.entries(SCRIPT_TAG_SWAPS).map(([from, to]) => [root + from, root + to]));
  return {
    name: 'script-tag-swaps',
    async resolveId(source, importer) {
      if (!importer || !source.startsWith('.')) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      return (resolved && swaps.get(resolved.id)) ?? null;
    },
  };
}

/**
 * Inside dist/kiosk.js, Lit resolves to the bundle's own, lent at load time (src/kiosk/script-tag-lit.ts),
 * and so does our `live` directive (src/internal/live.ts), which the bundle's question views use too.
 */
function scriptTagKioskLit() {
  const shim = fileURLToPath(new URL('./src/kiosk/script-tag-lit.ts', import.meta.url));
  const live = fileURLToPath(new URL('./src/internal/live.ts', import.meta.url));
  return {
    name: 'script-tag-kiosk-lit',
    async resolveId(source, importer) {
      if (!importer || importer === shim) return null;
      if (source === 'lit' || source === 'lit/html.js' || source === 'lit/directives/keyed.js') return shim;
      const resolved = source.startsWith('.') ? await this.resolve(source, importer, { skipSelf: true }) : null;
      return resolved?.id === live ? shim : null;
    },
    // Anything else of Lit's that reached kiosk.js would bring a second lit-html along: refuse to build.
    load(id) {
      if (/[\\/]lit-html[\\/](development[\\/])?lit-html\.js$/.test(id)) this.error(`kiosk.js must not bundle lit-html (see src/kiosk/script-tag-lit.ts): ${id}`);
      return null;
    },
  };
}

/**
 * Inside dist/delivery.js, `zod/mini` resolves to src/delivery/script-tag-zod.ts: the bundle's own
 * zod, lent at start. Any of zod's own files reaching delivery.js would be a second copy: refuse to build.
 */
function scriptTagZod() {
  const shim = fileURLToPath(new URL('./src/delivery/script-tag-zod.ts', import.meta.url));
  return {
    name: 'script-tag-zod',
    resolveId: (source, importer) => (importer && importer !== shim && (source === 'zod' || source.startsWith('zod/')) ? shim : null),
    load(id) {
      if (/[\\/]node_modules[\\/]zod[\\/]/.test(id)) this.error(`delivery.js must not bundle zod (see src/delivery/script-tag-zod.ts): ${id}`);
      return null;
    },
  };
}

/** onwarn, where a name missing from a module (one zod does not lend, say) is an error, not a warning. */
function strictOnwarn(warning, warn) {
  if (warning.code === 'MISSING_EXPORT') throw new Error(warning.message);
  onwarn(warning, warn);
}

/** Puts package.json's version into the script tag's `StoreVoice.version` and the kiosk's heartbeat. */
function packageVersion() {
  return {
    name: 'package-version',
    transform: (code, id) =>
      id.endsWith('/src/embed.ts') || id.endsWith('/src/kiosk/heartbeat.ts') ? { code: code.replaceAll('__STOREVOICE_VERSION__', JSON.stringify(pkg.version)), map: null } : null,
  };
}

/**
 * Lit heads each of its files with the same BSD-3-Clause notice (only the year differs); terser
 * would keep all seven copies in the script tag. It carries the notice once instead, as a banner,
 * and every other license comment as usual.
 */
const LIT_NOTICE = '/*! Lit | Copyright 2017 Google LLC | SPDX-License-Identifier: BSD-3-Clause */';
// Self-contained: @rollup/plugin-terser runs in worker threads and passes this function as source.
function keepLicenses(_node, comment) {
  const litNotice = /^\*[\s*]*@license[\s*]*Copyright \d{4} Google LLC[\s*]*SPDX-License-Identifier: BSD-3-Clause[\s*]*$/;
  // And the compile hint (COMPILE_EAGERLY), a `//#` comment terser would drop.
  return (/@license|@preserve|^!/.test(comment.value) && !litNotice.test(comment.value)) || comment.value === '# allFunctionsCalledOnLoad';
}

/**
 * V8's explicit compile hint (Chrome 136+; other engines read a comment): every function of the
 * file is compiled while the file streams in, on a background thread. Without it each function is
 * compiled on the main thread at its first call, inside the tasks that evaluate the bundle and render
 * the first question: a quarter to a third of their CPU time (docs/architecture.md, "What the script
 * tag carries"). It must come before any function, so it is the file's first line.
 */
const COMPILE_EAGERLY = '//# allFunctionsCalledOnLoad';

const LOCALE_FILES = ['es', 'fr', 'de', 'pt-br', 'ar', 'he', 'ja'];

const SDK_CHUNKS = ['sdk', 'schemas', 'basics'];
/** Which SDK chunk a module goes to (see the ESM build); `undefined` leaves the choice to rollup. */
function sdkChunk(id) {
  const path = relative(fileURLToPath(new URL('.', import.meta.url)), id).replaceAll('\\', '/');
  if (!path.startsWith('sdk/')) return undefined;
  if (path.startsWith('sdk/schema/')) return 'schemas';
  return /^sdk\/(limits|errors)\.ts$/.test(path) ? 'basics' : 'sdk';
}

const ts = () =>
  typescript({ tsconfig: './tsconfig.json', compilerOptions: { noEmit: false, declaration: false, sourceMap: true } });

export const builds = [
  {
    input: { sdk: 'sdk/index.ts', index: 'src/index.ts' },
    external: isExternal,
    plugins: [packageVersion(), ts(), minifyCss(), jsonSchemas()],
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      // The SDK's chunks go to dist/sdk/, which package.json does not list among the files with
      // side effects: importing the SDK does nothing but define things. The zod schemas are a chunk
      // of their own: building them runs zod at load time, so without that, a bundler would keep
      // them (and zod) in `import { http } from 'storevoice/sdk'`. The wire limits and error
      // classes, which both sides use, are a third, so no chunk imports another in a circle.
      manualChunks: sdkChunk,
      chunkFileNames: (chunk) => (SDK_CHUNKS.includes(chunk.name) ? 'sdk/[name]-[hash].js' : 'chunks/[name]-[hash].js'),
    },
    onwarn,
  },
  {
    input: 'src/embed.ts',
    plugins: [scriptTagSwaps(), packageVersion(), nodeResolve({ browser: true, exportConditions: ['production'] }), privateLibraryGlobals(), ts(), minifyCss(), minifyHtml(), shortPrivateProperties(), terser({ ecma: 2020, module: false, compress: { passes: 3 }, format: { comments: keepLicenses } })],
    output: { file: 'dist/storevoice.iife.js', format: 'iife', sourcemap: true, banner: `${COMPILE_EAGERLY}\n${LIT_NOTICE}`, intro: 'var __storevoice_globals = {};' },
    onwarn,
  },
  {
    // The script tag's catalogs: one small self-contained module per language (see loaders-script.ts).
    input: Object.fromEntries(LOCALE_FILES.map((file) => [file, `src/i18n/${file}.ts`])),
    plugins: [ts(), terser({ ecma: 2020, module: true })],
    output: { dir: 'dist/locales', format: 'es', entryFileNames: '[name].js' },
    onwarn,
  },
  {
    // The script tag's receipt-QR context: one module beside the bundle, imported only by a tag with
    // data-context-from-url on a page whose address has sv_* parameters (src/embed.ts).
    input: { 'url-context': 'sdk/context/url.ts' },
    plugins: [nodeResolve({ browser: true, exportConditions: ['production'] }), privateLibraryGlobals(), ts(), terser({ ecma: 2020, module: true })],
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', sourcemap: true, intro: 'const __storevoice_globals = {};' },
    onwarn,
  },
  {
    // The script tag's delivery code (the SDK client, outbox, http() and ky): one module beside the
    // bundle, imported when the first answer is given or the browser is idle (src/delivery/).
    // It borrows the bundle's zod (src/delivery/script-tag-zod.ts), so its code runs inside
    // `start(zod)`: `export function start(__storevoice_zod) { …the IIFE… }`.
    input: { delivery: 'src/delivery/script-tag-entry.ts' },
    plugins: [scriptTagZod(), nodeResolve({ browser: true, exportConditions: ['production'] }), ts(), terser({ ecma: 2020, module: true, compress: { passes: 3 }, format: { comments: keepLicenses } })],
    output: {
      dir: 'dist',
      format: 'iife',
      name: '__storevoice_delivery',
      entryFileNames: '[name].js',
      sourcemap: true,
      // Compiled while it streams in, too: `start()` runs most of it, in an idle period, at once.
      banner: `${COMPILE_EAGERLY}\nexport function start(__storevoice_zod) {`,
      footer: 'return __storevoice_delivery }',
    },
    onwarn: strictOnwarn,
  },
  {
    // The script tag's kiosk mode: one module beside the bundle, imported only by mode="kiosk".
    // It borrows the bundle's Lit (src/kiosk/script-tag-lit.ts): one lit-html, one Trusted Types policy.
    input: { kiosk: 'src/kiosk/script-tag-entry.ts' },
    plugins: [scriptTagKioskLit(), packageVersion(), nodeResolve({ browser: true, exportConditions: ['production'] }), privateLibraryGlobals(), ts(), minifyCss(), shortPrivateProperties(), terser({ ecma: 2020, module: true })],
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', sourcemap: true, intro: 'const __storevoice_globals = {};' },
    onwarn,
  },
  {
    // The managers' dashboard, served by the collector at /dashboard/ (demo/server/dashboard/routes.ts).
    // Built here rather than at server start: no bundler in the collector process, no start-up cost.
    input: 'demo/pages/dashboard/main.ts',
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['production'] }),
      typescript({ tsconfig: './demo/pages/dashboard/tsconfig.json', compilerOptions: { noEmit: false, declaration: false, sourceMap: true } }),
      terser({ ecma: 2020, module: true }),
    ],
    output: { file: 'dist/dashboard/dashboard.js', format: 'es', sourcemap: true },
    onwarn,
  },
];

/**
 * `rollup -c --configDemo` builds only what the collector serves: the script tag, its languages,
 * kiosk.js, url-context.js and the dashboard. The npm package's ESM build is not needed to run it.
 * `npm start` builds them through build/demo-bundles.mjs, which skips those that are up to date.
 */
export const demoBuilds = builds.filter((build) => build.input !== builds[0].input);

/** `rollup -c --configLibrary`: the npm package's ESM build alone (`npm run build` builds the rest through build/demo-bundles.mjs). */
export default (args) => (args.configDemo ? demoBuilds : args.configLibrary ? [builds[0]] : builds);
