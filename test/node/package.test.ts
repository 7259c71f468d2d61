// What `npm publish` would ship, and whether a consumer can use it: the tarball's file list, the
// `exports` map resolved by Node, a bundler (esbuild) and TypeScript in a separate consumer
// project that sees only the packed files. Needs `npm run build` first (npm test does it).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = (name: string) => join(root, 'node_modules/.bin', name);

interface PackResult {
  filename: string;
  files: Array<{ path: string }>;
}

function pack(destination?: string): PackResult {
  const args = ['pack', '--json', '--ignore-scripts', ...(destination ? ['--pack-destination', destination] : ['--dry-run'])];
  const out = execFileSync('npm', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return (JSON.parse(out) as PackResult[])[0]!;
}

describe('the npm package', () => {
  let consumer: string;

  before(() => {
    // A consumer project that sees the package exactly as npm would install it.
    consumer = mkdtempSync(join(tmpdir(), 'storevoice-consumer-'));
    const { filename } = pack(consumer);
    const target = join(consumer, 'node_modules/storevoice');
    mkdirSync(target, { recursive: true });
    execFileSync('tar', ['-xzf', join(consumer, filename), '-C', target, '--strip-components=1']);
    for (const dep of ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit-labs/ssr-dom-shim', 'zod', 'ky']) {
      mkdirSync(join(consumer, 'node_modules', dep, '..'), { recursive: true });
      symlinkSync(join(root, 'node_modules', dep), join(consumer, 'node_modules', dep));
    }
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  });
  after(() => rmSync(consumer, { recursive: true, force: true }));

  it('ships ESM, types, the IIFE with its on-demand files, the JSON Schemas, custom-elements.json, README and LICENSE, and nothing else', () => {
    const files = pack().files.map((f) => f.path).sort();
    const allowed = [
      /^(LICENSE|README\.md|CHANGELOG\.md|package\.json|custom-elements\.json)$/,
      /^dist\/(index|sdk|storevoice\.iife|kiosk|delivery|url-context)\.js(\.map)?$/,
      /^dist\/(chunks|locales|sdk)\/[\w.-]+\.js(\.map)?$/,
      /^dist\/schema\/(submission|survey)\.json$/,
      /^dist\/types\/(sdk|src)\/[\w/.-]+\.d\.ts$/,
    ];
    const unexpected = files.filter((file) => !allowed.some((pattern) => pattern.test(file)));
    assert.deepEqual(unexpected, [], 'files outside the allowed set');
    for (const required of ['LICENSE', 'README.md', 'CHANGELOG.md', 'custom-elements.json', 'dist/index.js', 'dist/sdk.js', 'dist/storevoice.iife.js', 'dist/kiosk.js', 'dist/delivery.js', 'dist/url-context.js', 'dist/schema/submission.json', 'dist/schema/survey.json', 'dist/types/src/index.d.ts', 'dist/types/sdk/index.d.ts']) {
      assert.ok(files.includes(required), `${required} is packed`);
    }
  });

  it('resolves `storevoice`, `storevoice/sdk` and `storevoice/widget` in Node without a DOM (SSR)', async () => {
    const script = `
      const [main, sdk, widget] = await Promise.all([import('storevoice'), import('storevoice/sdk'), import('storevoice/widget')]);
      if (typeof globalThis.window !== 'undefined') throw new Error('window was defined');
      console.log(JSON.stringify({ main: typeof main.StoreVoiceWidget, sdk: typeof sdk.createClient, lit: 'StoreVoiceWidget' in sdk, widget: typeof widget.StoreVoiceWidget }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: consumer, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(out), { main: 'function', sdk: 'function', lit: false, widget: 'function' });
  });

  it('bundles with esbuild, and `storevoice/sdk` brings no Lit', () => {
    writeFileSync(join(consumer, 'sdk-only.js'), "import { createClient, http } from 'storevoice/sdk';\nconsole.log(createClient, http);\n");
    writeFileSync(join(consumer, 'widget.js'), "import 'storevoice';\n");
    for (const entry of ['sdk-only', 'widget']) {
      execFileSync(bin('esbuild'), [`${entry}.js`, '--bundle', '--format=esm', '--platform=browser', `--outfile=out/${entry}.js`, '--log-level=error'], { cwd: consumer });
    }
    const sdkOnly = readFileSync(join(consumer, 'out/sdk-only.js'), 'utf8');
    const widget = readFileSync(join(consumer, 'out/widget.js'), 'utf8');
    assert.ok(!/lit-html|LitElement|reactive-element/.test(sdkOnly), 'no Lit in an SDK-only bundle');
    assert.match(widget, /storevoice-widget/);
  });

  it('resolves the JSON Schemas as `storevoice/schema/submission.json` and `storevoice/schema/survey.json`', () => {
    const script = `
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      const submission = require('storevoice/schema/submission.json');
      const survey = require('storevoice/schema/survey.json');
      console.log(JSON.stringify([submission.$schema, submission.properties.answers.type, survey.properties.questions.type]));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: consumer, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(out), ['https://json-schema.org/draft/2020-12/schema', 'array', 'array']);
  });

  it('bundles `http` alone without the schemas or zod, with esbuild and rollup', async () => {
    writeFileSync(join(consumer, 'http-only.js'), "export { http } from 'storevoice/sdk';\n");
    execFileSync(bin('esbuild'), ['http-only.js', '--bundle', '--format=esm', '--platform=browser', '--metafile=out/http-only.meta.json', '--outfile=out/http-only.js', '--log-level=error'], { cwd: consumer });
    const meta = JSON.parse(readFileSync(join(consumer, 'out/http-only.meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
    const esbuildInputs = Object.entries(meta.outputs['out/http-only.js']!.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path);
    assert.ok(esbuildInputs.some((path) => path.includes('node_modules/ky/')), 'ky is bundled');
    assert.deepEqual(esbuildInputs.filter((path) => /zod|dist\/sdk\/schemas-/.test(path)), [], 'esbuild: no zod, no schemas');

    const { rollup } = await import('rollup');
    const { nodeResolve } = await import('@rollup/plugin-node-resolve');
    const bundle = await rollup({ input: join(consumer, 'http-only.js'), plugins: [nodeResolve({ browser: true, rootDir: consumer })], onwarn: () => {} });
    const { output } = await bundle.generate({ format: 'es' });
    await bundle.close();
    const rollupModules = Object.entries(output[0].modules).filter(([, module]) => module.renderedLength > 0).map(([id]) => id);
    assert.ok(rollupModules.some((id) => id.includes('/ky/')), 'ky is bundled');
    assert.deepEqual(rollupModules.filter((id) => /zod|dist\/sdk\/schemas-/.test(id)), [], 'rollup: no zod, no schemas');
  });

  for (const resolution of ['bundler', 'node16'] as const) {
    it(`type-checks in a consumer project (moduleResolution: ${resolution})`, () => {
      const source = `
        import { createClient, http, type Submission, type SubmitResult } from 'storevoice/sdk';
        import { StoreVoiceWidget } from 'storevoice';
        const client = createClient({ context: { brand: 'acme', store: '042' }, destinations: { main: http('https://feedback.example.com/v1') } });
        const result: Promise<SubmitResult> = client.submit({ surveyId: 'post-visit', answers: [{ questionId: 'mood', type: 'smiley', value: 4 }] });
        const widget: StoreVoiceWidget = document.createElement('storevoice-widget');
        widget.client = client;
        export const used: [Promise<SubmitResult>, Submission | undefined] = [result, undefined];
        // @ts-expect-error: a smiley is 1–5 and typed as a number, not a string
        void client.submit({ surveyId: 'x', answers: [{ questionId: 'mood', type: 'smiley', value: 'great' }] });
      `;
      writeFileSync(join(consumer, `consumer-${resolution}.ts`), source);
      const tsconfig = {
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'ES2022',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          module: resolution === 'bundler' ? 'ESNext' : 'Node16',
          moduleResolution: resolution,
          types: [],
          skipLibCheck: false,
        },
        files: [`consumer-${resolution}.ts`],
      };
      writeFileSync(join(consumer, `tsconfig.${resolution}.json`), JSON.stringify(tsconfig));
      try {
        execFileSync(bin('tsc'), ['-p', `tsconfig.${resolution}.json`], { cwd: consumer, encoding: 'utf8' });
      } catch (error) {
        assert.fail(`tsc failed:\n${(error as { stdout?: string }).stdout ?? String(error)}`);
      }
    });
  }
});
