// Builds what the collector serves (the script tag, its languages, kiosk.js, url-context.js, the
// dashboard app: rollup.config.mjs's demoBuilds), skipping every bundle whose inputs have not
// changed since it was last built. `npm start` runs it on every start, so a restart with nothing
// changed costs well under a second instead of a full rebuild. Progress goes to stdout.
//
// What a bundle depends on is what rollup itself watched while building it (bundle.watchFiles:
// every module, stylesheet and template it read), plus this build's own configuration and
// plugins. Each is recorded with its size and modification time in dist/.demo-bundles.json.
import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import { demoBuilds } from '../rollup.config.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const stampFile = join(root, 'dist/.demo-bundles.json');
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

export async function buildDemoBundles({ log = (line) => console.log(line) } = {}) {
  const stamps = readStamps();
  const started = performance.now();
  let built = 0;
  for (const [index, build] of demoBuilds.entries()) {
    const name = nameOf(build);
    const step = `[${index + 1}/${demoBuilds.length}]`;
    if (upToDate(stamps[name], build)) {
      log(`${step} ${name}: up to date`);
      continue;
    }
    const t0 = performance.now();
    log(`${step} ${name}: building…`);
    const bundle = await rollup({ ...build, output: undefined, onwarn: quiet(build.onwarn) });
    try {
      await bundle.write(build.output);
      const watched = [...shared, ...bundle.watchFiles.filter((id) => !id.startsWith('\0') && existsSync(id)).map((id) => relative(root, id))];
      stamps[name] = Object.fromEntries(watched.map((file) => [file, fingerprint(file)]));
    } finally {
      await bundle.close();
    }
    built++;
    log(`${step} ${name}: built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // Written after each bundle, so an interrupted build keeps what it finished.
    mkdirSync(join(root, 'dist'), { recursive: true });
    writeFileSync(stampFile, JSON.stringify(stamps, null, 1));
  }
  log(built ? `Built ${built} of ${demoBuilds.length} bundles in ${((performance.now() - started) / 1000).toFixed(1)} s` : 'Bundles up to date');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // --quiet (npm run build): only the summary line.
  const quietly = process.argv.includes('--quiet');
  await buildDemoBundles({ log: (line) => (!quietly || /^(Built|Bundles)/.test(line)) && console.log(line) });
}
