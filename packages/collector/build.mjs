// Builds the `storevoice-collector` package into packages/collector/dist/ (npm pack that folder).
//
// - lib/: every module the command reaches from packages/collector/src/cli.ts, plus every
//   migration (loaded by file name at run time), compiled one to one from TypeScript by esbuild,
//   folders kept, so import.meta.url-relative paths (migrations/) work as in the repository.
//   Found from the import graph, never from a list: a route module someone adds is picked up.
//   demo/server/layout.ts is replaced by packages/collector/src/layout.ts (the package's folders).
// - public/: the browser bundles the collector serves (rollup.config.mjs's demoBuilds, built or
//   brought up to date first), the pages (no TypeScript sources) and uPlot's stylesheet.
// - surveys/: the demo surveys, for --seed-demo.
// - package.json: the runtime dependencies are the packages the compiled code imports, at the
//   ranges of the repository's package.json; nothing else.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemoBundles } from '../../build/demo-bundles.mjs';
import { demoBuilds } from '../../rollup.config.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('./', import.meta.url));
const out = join(here, 'dist');
const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const log = (line) => console.log(`[collector package] ${line}`);

const cli = 'packages/collector/src/cli.ts';
const repoLayout = 'demo/server/layout.ts';
const packageLayout = 'packages/collector/src/layout.ts';
const migrationsDir = 'demo/server/db/migrations';
const migrations = readdirSync(join(root, migrationsDir)).map((f) => `${migrationsDir}/${f}`);

export async function buildCollectorPackage() {
  await buildDemoBundles({ log: (line) => log(line) });
  rmSync(out, { recursive: true, force: true });

  // 1. The import graph: which of our modules the command and the migrations reach, which packages.
  const graph = await build({
    absWorkingDir: root,
    entryPoints: [cli, ...migrations.filter((f) => f.endsWith('.ts'))],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outdir: 'unused',
    logLevel: 'error',
  });
  const modules = Object.keys(graph.metafile.inputs).filter((file) => !file.includes('node_modules') && file !== repoLayout);
  const packages = new Set();
  for (const input of Object.values(graph.metafile.inputs)) {
    for (const { path, external } of input.imports) {
      if (!external || path.startsWith('node:') || builtinModules.includes(path)) continue;
      packages.add(path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0]);
    }
  }

  // 2. Each module compiled to JavaScript where it is; the package's layout in the repository's.
  await build({
    absWorkingDir: root,
    entryPoints: modules,
    outbase: '.',
    outdir: join(out, 'lib'),
    bundle: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'error',
  });
  await build({
    absWorkingDir: root,
    entryPoints: [packageLayout],
    outfile: join(out, 'lib', repoLayout.replace(/\.ts$/, '.js')),
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'error',
  });
  for (const file of migrations.filter((f) => f.endsWith('.sql'))) copy(file, join('lib', file));
  log(`compiled ${modules.length} modules and ${migrations.length} migrations; runtime dependencies: ${[...packages].sort().join(', ')}`);

  // 3. What the collector serves, where packages/collector/src/layout.ts expects it.
  for (const bundle of demoBuilds) {
    const files = bundle.output.file ? [bundle.output.file] : Object.keys(bundle.input).map((name) => join(bundle.output.dir, bundle.output.entryFileNames.replace('[name]', name)));
    for (const file of files) {
      copy(file, join('public/bundles', relative('dist', file)));
      if (existsSync(join(root, `${file}.map`))) copy(`${file}.map`, join('public/bundles', relative('dist', `${file}.map`)));
    }
  }
  cpSync(join(root, 'demo/pages'), join(out, 'public/pages'), {
    recursive: true,
    // The pages' TypeScript is compiled into the bundles; only what the browser loads is copied.
    filter: (source) => !/\.ts$|tsconfig\.json$/.test(source),
  });
  copy('node_modules/uplot/dist/uPlot.min.css', 'public/uPlot.min.css');
  copy('demo/surveys', 'surveys');

  // 4. The bin, the package's own files, and a package.json with the runtime dependencies only.
  copy('packages/collector/bin', 'bin');
  copy('packages/collector/README.md', 'README.md');
  copy('LICENSE', 'LICENSE');
  const ranges = { ...rootPkg.devDependencies, ...rootPkg.dependencies };
  const dependencies = Object.fromEntries(
    [...packages].sort().map((name) => {
      if (!ranges[name]) throw new Error(`the collector imports ${name}, which the repository's package.json does not list`);
      return [name, ranges[name]];
    }),
  );
  const template = JSON.parse(readFileSync(join(here, 'package.template.json'), 'utf8'));
  writeFileSync(join(out, 'package.json'), `${JSON.stringify({ ...template, version: rootPkg.version, dependencies }, null, 2)}\n`);
  log(`built ${relative(root, out)} (storevoice-collector ${rootPkg.version})`);
}

function copy(from, to) {
  const target = join(out, to);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(root, from), target, { recursive: true });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCollectorPackage();
