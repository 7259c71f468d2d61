// Bundles a few source files written to a temporary folder, for tests of the build's rollup plugins.
// The files are plain JavaScript in `.ts` files: the plugins under test run after TypeScript.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rollup, type OutputChunk, type Plugin } from 'rollup';

export interface FixtureBundle {
  /** The output chunk (code and, with `sourcemap`, its map). */
  chunk: OutputChunk;
  /** Where the files were written (removed once bundled). */
  root: string;
}

/**
 * Writes `files` (path → text) under a fresh folder, bundles `input` with `plugins` (as ESM, Lit
 * left external) and removes the folder. `plugins` gets the folder, for plugins that read it.
 */
export async function bundleFixture(files: Record<string, string>, plugins: (root: string) => Plugin[], { input = 'src/main.ts', sourcemap = false } = {}): Promise<FixtureBundle> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'storevoice-build-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  try {
    const build = await rollup({ input: path.join(root, input), plugins: plugins(root), external: (id) => id === 'lit' || id.startsWith('lit/'), onwarn: () => {} });
    const { output } = await build.generate({ format: 'es', sourcemap });
    await build.close();
    return { chunk: output[0], root };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
