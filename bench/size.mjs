// Prints the size of each browser bundle, minified, with its dependencies: raw, gzip -9 and brotli.
// `node bench/size.mjs --modules` also lists the largest modules of the SDK bundle.
// `node bench/size.mjs --check` exits 1 when a bundle is over its budget (`npm test` runs this).
// The script tag's rows are rollup.config.mjs's own builds: the bundle, the delivery code it loads
// on demand, and their sum, which is what a page downloads until its first submission is acknowledged.
import { rollup } from 'rollup';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { minifyCss } from '../build/minify-css.mjs';
import { kb } from './support/stats.mjs';

/**
 * In bytes of gzip. `budget` is what `--check` (and so `npm test`) enforces: a change that grows a
 * bundle past it fails. `target` is the goal set for the bundle (issue #4: 30 KB for the script
 * tag). A budget is never raised without saying why in the commit. The SDK's is 26 KB with ky and
 * zod/mini in it (issue #17; Sentry's browser core alone is 33 KB).
 */
const bundles = [
  { name: 'storevoice/sdk (everything exported)', input: 'sdk/index.ts', budget: 26 * 1024, target: 26 * 1024 },
  { name: 'storevoice/sdk: createClient + http only', code: "export { createClient, http } from './sdk/index.ts';", budget: 26 * 1024, target: 26 * 1024 },
  // The widget for an app that already bundles the SDK: src/ and Lit, the SDK and zod left out.
  { name: 'storevoice/widget ESM, without the SDK', input: 'src/index.ts', withoutSdk: true },
  // All a page downloads before the first question is interactive (issue #4, re-based in #17.4).
  { name: 'script tag: dist/storevoice.iife.js', input: 'src/embed.ts', scriptTag: true, budget: 30 * 1024, target: 30 * 1024 },
  // What it fetches on demand to submit (the SDK client, outbox, http() and ky: dist/delivery.js),
  // and the sum: everything loaded until the first submission is acknowledged (issue #17.4).
  { name: 'script tag, on demand: dist/delivery.js', onDemand: 'delivery' },
  { name: 'script tag until the first submission: iife + delivery.js', sumOf: ['script tag: dist/storevoice.iife.js', 'script tag, on demand: dist/delivery.js'], budget: 45 * 1024, target: 45 * 1024 },
];

const silence = (warning, warn) => {
  if (['CIRCULAR_DEPENDENCY', 'INVALID_ANNOTATION', 'THIS_IS_UNDEFINED'].includes(warning.code)) return;
  warn(warning);
};

/** A build of rollup.config.mjs itself, in memory: its first output chunk. */
async function buildFromConfig(pick) {
  const { builds: configs } = await import('../rollup.config.mjs');
  const config = configs.find(pick);
  const bundle = await rollup({ input: config.input, plugins: config.plugins, onwarn: silence });
  const { output } = await bundle.generate({ ...config.output, file: undefined });
  await bundle.close();
  return output[0];
}

/**
 * The script tag is built with rollup.config.mjs's own IIFE build (its plugins: languages and kiosk
 * mode split off, terser…), so the row measures exactly what ships in dist/storevoice.iife.js.
 */
const buildScriptTag = () => buildFromConfig((c) => c.output?.file === 'dist/storevoice.iife.js');
/** An on-demand file of the script tag (`delivery` → dist/delivery.js), by its build's input name. */
const buildOnDemand = (name) => buildFromConfig((c) => typeof c.input === 'object' && !Array.isArray(c.input) && Object.keys(c.input).join() === name);

/** The SDK and its dependency, for the row that leaves them out. */
const isSdk = (id, importer) => id === 'zod' || id.startsWith('zod/') || (importer !== undefined && /(^|\/)sdk\//.test(new URL(id, `file://${importer}`).pathname));

async function build({ input, code, scriptTag, onDemand, withoutSdk }) {
  if (scriptTag) return buildScriptTag();
  if (onDemand) return buildOnDemand(onDemand);
  const virtual = code && {
    name: 'virtual-entry',
    resolveId: (id) => (id === 'entry' ? id : null),
    load: (id) => (id === 'entry' ? code : null),
  };
  const bundle = await rollup({
    input: virtual ? 'entry' : input,
    onwarn: silence,
    ...(withoutSdk && { external: isSdk }),
    plugins: [
      ...(virtual ? [virtual] : []),
      nodeResolve({ browser: true, exportConditions: ['production'] }),
      minifyCss(),
      typescript({ tsconfig: './tsconfig.json', compilerOptions: { noEmit: false, declaration: false, sourceMap: false }, include: ['sdk/**/*.ts', 'src/**/*.ts'] }),
    ],
  });
  // The same terser options as the script tag's build in rollup.config.mjs.
  const { output } = await bundle.generate({ format: 'esm', plugins: [terser({ ecma: 2020, module: true, compress: { passes: 3 } })] });
  await bundle.close();
  // What loading the entry downloads: its chunk and the chunks it imports statically (kiosk mode,
  // imported dynamically, stays out, as it does in a page).
  const byName = new Map(output.map((chunk) => [chunk.fileName, chunk]));
  const loaded = new Set([output[0]]);
  for (const chunk of loaded) for (const name of chunk.imports ?? []) if (byName.has(name)) loaded.add(byName.get(name));
  return { code: [...loaded].map((chunk) => chunk.code).join('\n'), modules: Object.assign({}, ...[...loaded].map((chunk) => chunk.modules)) };
}

const rows = [];
let over = false;
/** Each measured row's sizes by name, for the rows that add files up (each file is compressed on its own, as sent). */
const measured = new Map();
for (const spec of bundles) {
  let raw, gzip, brotli, chunk;
  if (spec.sumOf) {
    const parts = spec.sumOf.map((name) => measured.get(name));
    [raw, gzip, brotli] = [0, 1, 2].map((i) => parts.reduce((sum, part) => sum + part[i], 0));
  } else {
    chunk = await build(spec);
    raw = Buffer.byteLength(chunk.code);
    gzip = gzipSync(chunk.code, { level: 9 }).length;
    brotli = brotliCompressSync(chunk.code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    measured.set(spec.name, [raw, gzip, brotli]);
  }
  const verdict = spec.budget === undefined ? '' : gzip <= spec.budget ? `ok (budget ${kb(spec.budget)})` : `OVER budget ${kb(spec.budget)}`;
  if (spec.budget !== undefined && gzip > spec.budget) over = true;
  const target = spec.target === undefined ? '' : gzip <= spec.target ? `met (${kb(spec.target)})` : `${kb(gzip - spec.target)} to go (${kb(spec.target)})`;
  rows.push({ bundle: spec.name, minified: kb(raw), gzip: kb(gzip), brotli: kb(brotli), budget: verdict, target });
  if (chunk && process.argv.includes('--modules') && spec.input === (process.argv[process.argv.indexOf('--modules') + 1] ?? 'sdk/index.ts')) {
    const modules = Object.entries(chunk.modules)
      .map(([id, m]) => ({ module: id.replace(process.cwd() + '/', '').replace(/^.*node_modules\//, 'npm:'), rendered: m.renderedLength }))
      .sort((a, b) => b.rendered - a.rendered)
      .slice(0, 25);
    console.table(modules);
  }
}
console.table(rows);
if (process.argv.includes('--check') && over) {
  console.error('size: a bundle is over its budget');
  process.exit(1);
}
