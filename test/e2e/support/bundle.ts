import { build } from 'esbuild';
import { ROOT } from './collector.js';

/**
 * Bundles a host app (test/e2e/fixtures/*.js) the way the host's own build would: React and Vue from
 * node_modules, `storevoice` from this package's `exports` (dist/). In memory: nothing to clean up.
 */
export async function bundleFixture(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [`${ROOT}test/e2e/fixtures/${entry}`],
    absWorkingDir: ROOT,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    // Vue's build with the template compiler, for the in-browser template of vue-host.ts.
    alias: { vue: 'vue/dist/vue.esm-bundler.js' },
    // What a production build of a host app defines (React's and Vue's bundler builds read these).
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild produced nothing for ${entry}`);
  return output.text;
}
