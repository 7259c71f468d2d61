// Builds what the collector serves (the script tag, its languages, kiosk.js, url-context.js, the
// dashboard app: rollup.config.mjs's demoBuilds), skipping every bundle whose inputs have not
// changed since it was last built. `npm start` runs it on every start, so a restart with nothing
// changed costs well under a second instead of a full rebuild. Progress goes to stdout.
//
// What a bundle depends on is what rollup itself watched while building it (bundle.watchFiles:
// every module, stylesheet and template it read), plus this build's own configuration and
// plugins. Each is recorded with its size and modification time in
// node_modules/.cache/storevoice/demo-bundles.json; a bundle whose output is missing is rebuilt.
import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { rollup } from 'rollup';
import { demoBuilds } from '../rollup.config.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
// Beside the other tools' caches, not in dist/: dist/ is what the storevoice npm package ships.
const stampFile = join(root, 'node_modules/.cache/storevoice/demo-bundles.json');
/** Changes to these rebuild everything: the configuration, its plugins and the dependencies' versions. */
const shared = ['rollup.config.mjs', 'package.json', 'package-lock.json', ...readdirSync(join(root, 'build')).map((f) => `build/${f}`)];

const fingerprint = (file) => {
  // Of package.json, only the version is built in (StoreVoice.version); editing a script rebuilds nothing.
  if (file === 'package.json') return `version ${JSON.parse(readFileSync(resolve(root, file), 'utf8')).version}`;
  try {
    const stat = statSync(resolve(root, file));
    return `${stat.size}:${Math.trunc(stat.mtimeMs)}`;
  } catch {
    return 'missing';
  }
};

/** A short name for progress lines: the output file or the entry names. */
const nameOf = (build) => (build.output.file ? build.output.file : build.output.dir === 'dist/locales' ? 'dist/locales/*.js' : outputsOf(build).join(', '));

/** The files a build writes, to notice one deleted by hand (or by `npm run build`'s clean). */
const outputsOf = (build) =>
  build.output.file ? [build.output.file] : Object.keys(build.input).map((name) => join(build.output.dir, build.output.entryFileNames.replace('[name]', name)));

const readStamps = () => {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return {};
  }
};

const upToDate = (stamp, build) =>
  stamp !== undefined &&
  outputsOf(build).every((file) => existsSync(resolve(root, file))) &&
  Object.entries(stamp).every(([file, print]) => fingerprint(file) === print);

/** The languages' build asks TypeScript for source maps it does not write; that notice is noise here. */
const quiet = (onwarn) => (warning, warn) => {
  if (warning.code === 'PLUGIN_WARNING' && /'sourcemap' option must be set/.test(warning.message)) return;
  (onwarn ?? ((w, next) => next(w)))(warning, warn);
};

/** Builds one bundle; resolves with the files rollup read for it (relative to the repository). */
async function buildOne(build) {
  const bundle = await rollup({ ...build, output: undefined, onwarn: quiet(build.onwarn) });
  try {
    await bundle.write(build.output);
    return bundle.watchFiles.filter((id) => !id.startsWith('\0') && existsSync(id)).map((id) => relative(root, id));
  } finally {
    await bundle.close();
  }
}

/** The same, in a worker thread: the TypeScript plugin's work is synchronous, so threads are what use a second core. */
const buildInWorker = (index) =>
  new Promise((resolvePromise, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { index } });
    worker.once('message', resolvePromise);
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`building ${nameOf(demoBuilds[index])} failed (worker exit code ${code})`)));
  });

/**
 * Brings the demo bundles up to date. `jobs` bundles build at once, each in its own thread.
 * @default jobs min(2, available cores): the first start on a two-core machine uses both.
 */
export async function buildDemoBundles({ log = (line) => console.log(line), jobs = Math.min(2, availableParallelism()) } = {}) {
  const stamps = readStamps();
  const started = performance.now();
  const stale = [];
  for (const [index, build] of demoBuilds.entries()) {
    if (upToDate(stamps[nameOf(build)], build)) log(`[${index + 1}/${demoBuilds.length}] ${nameOf(build)}: up to date`);
    else stale.push(index);
  }
  const queue = [...stale];
  const next = async () => {
    for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
      const build = demoBuilds[index];
      const name = nameOf(build);
      const step = `[${index + 1}/${demoBuilds.length}]`;
      const t0 = performance.now();
      log(`${step} ${name}: building…`);
      const watched = jobs > 1 ? await buildInWorker(index) : await buildOne(build);
      stamps[name] = Object.fromEntries([...shared, ...watched].map((file) => [file, fingerprint(file)]));
      log(`${step} ${name}: built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      // Written after each bundle, so an interrupted build keeps what it finished.
      mkdirSync(dirname(stampFile), { recursive: true });
      writeFileSync(stampFile, JSON.stringify(stamps, null, 1));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, stale.length)) }, next));
  log(stale.length ? `Built ${stale.length} of ${demoBuilds.length} bundles in ${((performance.now() - started) / 1000).toFixed(1)} s` : 'Bundles up to date');
}

if (!isMainThread) {
  parentPort.postMessage(await buildOne(demoBuilds[workerData.index]));
} else if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // --quiet (npm run build): only the summary line.
  const quietly = process.argv.includes('--quiet');
  await buildDemoBundles({ log: (line) => (!quietly || /^(Built|Bundles)/.test(line)) && console.log(line) });
}
