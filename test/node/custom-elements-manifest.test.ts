// custom-elements.json is committed (reviewable, linkable from the docs, shipped in the package), so
// it must never describe an older widget than the source does. This regenerates it with the
// `analyze` script into a temporary folder and compares.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, execSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const MANIFEST = 'custom-elements.json';
/** What the manifest is generated from (besides the analyzer itself). */
const INPUTS = ['src', 'custom-elements-manifest.config.mjs'];
const STALE = 'custom-elements.json is stale: run `npm run analyze` and commit the result.';

type Manifest = { modules: { path: string; declarations?: Record<string, unknown>[] }[] };

/** Runs `npm run analyze` (as package.json spells it) with its output sent to a temporary folder. */
function regenerate(): string {
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const outdir = mkdtempSync(join(tmpdir(), 'storevoice-cem-'));
  try {
    // The analyzer joins --outdir onto the working directory, so it must be relative.
    execSync(`${scripts.analyze} --outdir ${JSON.stringify(relative(root, outdir))}`, {
      cwd: root,
      env: { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return readFileSync(join(outdir, MANIFEST), 'utf8');
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** `git` in the repository, or `undefined` where there is none (an unpacked tarball, no git installed). */
function git(...args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

const fresh = regenerate();

test('custom-elements.json matches the source', () => {
  assert.deepEqual(JSON.parse(readFileSync(join(root, MANIFEST), 'utf8')), JSON.parse(fresh), STALE);
});

// `npm test` builds before it runs this file, and the build rewrites custom-elements.json, so the
// test above cannot see a stale *commit*. Where the inputs are as committed (CI's fresh clone),
// the committed manifest must be what they generate.
test('the committed custom-elements.json matches the committed source', (t) => {
  const committed = git('show', `HEAD:${MANIFEST}`);
  if (committed === undefined) return t.skip('no git history here, or the manifest is not committed yet');
  if (git('diff', '--quiet', 'HEAD', '--', ...INPUTS) === undefined) return t.skip('the source has uncommitted changes');
  assert.deepEqual(JSON.parse(committed), JSON.parse(fresh), STALE);
});

test('custom-elements.json describes the public contract of <storevoice-widget>', () => {
  const manifest = JSON.parse(fresh) as Manifest;
  const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'storevoice-widget');
  assert.ok(element, 'declares <storevoice-widget>');
  const names = (key: string) => ((element[key] ?? []) as { name: string }[]).map((item) => item.name);
  // DESIGN.md's attributes, the `client` and `context` properties, the methods and every event.
  for (const attribute of ['endpoint', 'survey', 'mode', 'brand', 'region', 'store', 'staff', 'device', 'locale', 'theme', 'key', 'reset-delay', 'idle-timeout', 'min-interval']) {
    assert.ok(names('attributes').includes(attribute), `attribute ${attribute}`);
  }
  for (const member of ['client', 'context', 'open', 'close', 'reset']) assert.ok(names('members').includes(member), `member ${member}`);
  for (const event of ['open', 'answer', 'submit', 'queued', 'sent', 'error', 'close']) assert.ok(names('events').includes(`storevoice-${event}`), `event storevoice-${event}`);
  // Every custom property the styles read and every part the templates render is documented.
  for (const file of readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(join(root, 'src', file), 'utf8');
    for (const [, property] of source.matchAll(/var\((--storevoice-[\w-]+)/g)) assert.ok(names('cssProperties').includes(property!), `custom property ${property} (src/${file})`);
    for (const [, parts] of source.matchAll(/\spart="([^"$]+)"/g)) {
      for (const part of parts!.split(' ')) assert.ok(names('cssParts').includes(part), `part ${part} (src/${file})`);
    }
  }
  assert.ok(!names('attributes').includes('phase'), 'internal state is not an attribute');
});
