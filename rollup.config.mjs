// Two kinds of build:
// - ESM for bundlers and import maps: dependencies stay external so the host app dedupes lit/ky/zod.
// - One minified IIFE for the script tag: everything bundled, a single global `StoreVoice`.
// Type declarations are emitted by `tsc -p tsconfig.build.json` (see the `build` script): it is
// the one tool that gets declaration output right for several entry points.
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import pkg from './package.json' with { type: 'json' };

const external = [...Object.keys(pkg.dependencies)];
const isExternal = (id) => external.some((dep) => id === dep || id.startsWith(`${dep}/`));

/** zod 4 ships annotations and cycles that rollup warns about; they are harmless and not ours. */
function onwarn(warning, warn) {
  const inDeps = warning.ids?.some?.((id) => id.includes('node_modules')) || warning.id?.includes('node_modules');
  if ((warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'INVALID_ANNOTATION') && inDeps) return;
  if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('node_modules'))) return;
  warn(warning);
}

const ts = () =>
  typescript({ tsconfig: './tsconfig.json', compilerOptions: { noEmit: false, declaration: false, sourceMap: true } });

export default [
  {
    input: { sdk: 'sdk/index.ts', index: 'src/index.ts' },
    external: isExternal,
    plugins: [ts()],
    output: { dir: 'dist', format: 'es', sourcemap: true, entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    onwarn,
  },
  {
    input: 'src/embed.ts',
    plugins: [nodeResolve({ browser: true, exportConditions: ['production'] }), ts(), terser({ ecma: 2020, module: false })],
    output: { file: 'dist/storevoice.iife.js', format: 'iife', sourcemap: true },
    onwarn,
  },
];
