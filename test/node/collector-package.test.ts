import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';

/**
 * The done-when proof of the `storevoice-collector` package: built, packed with `npm pack`, and
 * installed alone (`npm install <tarball>`) in an empty folder outside the repository, so nothing
 * of the repository's node_modules (tsx, TypeScript, rollup) can be reached. One install is shared
 * by every case; the collector it starts is the installed bin, through `npx`.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
const ADMIN_TOKEN = 'package-test-admin-token-0123456789';

describe('the storevoice-collector package, installed alone', { timeout: 240_000 }, () => {
  let work: string;
  let app: string;
  let tarball: string;
  let collector: ChildProcess | undefined;
  let base = '';
  let output = '';

  /** Runs `npx storevoice-collector …` in the installed folder. */
  const npx = (args: string[], env: Record<string, string> = {}) =>
    run('npx', ['--no-install', 'storevoice-collector', ...args], { cwd: app, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } });

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'storevoice-collector-package-'));
    app = join(work, 'app');
    await run(process.execPath, [join(ROOT, 'packages/collector/build.mjs')], { cwd: ROOT, maxBuffer: 16 << 20 });
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: join(ROOT, 'packages/collector/dist') });
    tarball = join(work, (JSON.parse(stdout) as Array<{ filename: string }>)[0]!.filename);
    await mkdir(app);
    await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'retailer-collector', private: true }));
    await run('npm', ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: app, maxBuffer: 16 << 20 });

    // `npx storevoice-collector`, bare: PGlite in DATA_DIR, an admin token, any free port.
    collector = spawn('npx', ['--no-install', 'storevoice-collector'], {
      cwd: app,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', DATA_DIR: join(work, 'data'), ADMIN_TOKEN, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: npx does not pass SIGTERM on to the collector it runs.
      detached: true,
    });
    collector.stderr!.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    base = await new Promise<string>((resolve, reject) => {
      collector!.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const url = /collector API\s+(http:\/\/\S+?)\/v1\/submissions/.exec(output)?.[1];
        if (url) resolve(url);
      });
      collector!.on('exit', (code) => reject(new Error(`storevoice-collector exited (${code}):\n${output}`)));
    });
  });

  after(async () => {
    if (collector?.pid && collector.exitCode === null) {
      const exited = new Promise((resolve) => collector!.on('exit', resolve));
      process.kill(-collector.pid, 'SIGTERM');
      await exited;
    }
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('depends on runtime packages only, and runs without tsx or TypeScript', async () => {
    const manifest = JSON.parse(await readFile(join(app, 'node_modules/storevoice-collector/package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies?: unknown; bin: Record<string, string> };
    assert.equal(manifest.devDependencies, undefined);
    assert.deepEqual(manifest.bin, { 'storevoice-collector': 'bin/storevoice-collector.js' });
    for (const tool of ['tsx', 'typescript', 'rollup', 'esbuild', '@playwright/test', 'react', 'vue']) {
      assert.equal(manifest.dependencies[tool], undefined, tool);
      assert.equal(existsSync(join(app, 'node_modules', tool)), false, `${tool} was installed`);
    }
    const installed = join(app, 'node_modules/storevoice-collector');
    const typescriptFiles = (await readdir(join(installed, 'lib'), { recursive: true })).filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'));
    assert.deepEqual(typescriptFiles, []);
    // Both kinds of migration are carried: .sql files and modules exporting `sql` (compiled).
    const migrations = await readdir(join(installed, 'lib/demo/server/db/migrations'));
    assert.ok(migrations.some((f) => f.endsWith('.sql')) && migrations.some((f) => f.endsWith('.js')), migrations.join(', '));
    assert.ok(existsSync(join(installed, 'public/bundles/dashboard/dashboard.js')), 'the dashboard app is inside the package');
  });

  it('prints its help and version, and refuses an unknown command with exit code 2', async () => {
    const help = await npx(['--help']);
    assert.match(help.stdout, /storevoice-collector \[command\]/);
    assert.match(help.stdout, /--seed-demo/);
    assert.match(help.stdout, /migrate/);
    const version = await npx(['--version']);
    assert.equal(version.stdout.trim(), JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')).version);
    await assert.rejects(npx(['serve']), (error: { code: number; stderr: string }) => error.code === 2 && /Unknown command: serve/.test(error.stderr));
  });

  it('migrates a database and exits: `storevoice-collector migrate`', async () => {
    const dataDir = join(work, 'migrate-only');
    const first = await npx(['migrate'], { DATA_DIR: dataDir });
    assert.match(first.stdout, /Applied \d+ migration\(s\): 001_core\.sql, .*050_rollups/);
    const again = await npx(['migrate'], { DATA_DIR: dataDir });
    assert.match(again.stdout, /up to date/);
  });

  it("runs the privacy command: `storevoice-collector privacy audit`, usage errors with exit code 2", async () => {
    const dataDir = join(work, 'privacy');
    const audit = await npx(['privacy', 'audit'], { DATA_DIR: dataDir });
    assert.deepEqual(JSON.parse(audit.stdout), { entries: [] });
    const help = await npx(['privacy', '--help']);
    assert.match(help.stdout, /storevoice-collector privacy <command>/);
    await assert.rejects(npx(['privacy', 'erase', '--email', 'jane@example.com'], { DATA_DIR: dataDir }), (error: { code: number; stderr: string }) => error.code === 2 && /actor/.test(error.stderr));
  });

  it('serves /healthz, /readyz, /metrics and /v1/openapi.json', async () => {
    assert.deepEqual(await (await fetch(`${base}/healthz`)).json(), { ok: true });
    assert.deepEqual(await (await fetch(`${base}/readyz`)).json(), { ok: true, database: 'pglite' });
    const metrics = await fetch(`${base}/metrics`);
    assert.equal(metrics.status, 200);
    assert.match(metrics.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    assert.match(await metrics.text(), /# TYPE storevoice_http_request_duration_seconds histogram/);
    const openapi = (await (await fetch(`${base}/v1/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    assert.equal(openapi.openapi, '3.1.0');
    assert.ok(openapi.paths['/v1/submissions']);
  });

  it('serves the dashboard, the kiosk and pulse pages, and none of the demo pages', async () => {
    assert.equal((await fetch(`${base}/dashboard/`)).status, 200);
    assert.equal((await fetch(`${base}/pulse/`)).status, 200);
    assert.equal((await fetch(`${base}/dashboard/dashboard.js`)).status, 200);
    assert.equal((await fetch(`${base}/kiosk/`)).status, 200);
    assert.equal((await fetch(`${base}/storevoice.iife.js`)).status, 200);
    for (const demoPage of ['/shop/', '/sdk/', '/index.css']) assert.equal((await fetch(`${base}${demoPage}`)).status, 404, demoPage);
  });

  it('accepts a submission with a write key created through the admin API', async () => {
    const admin = (path: string, method: string, body?: unknown) =>
      fetch(`${base}/v1/admin${path}`, { method, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    assert.equal((await admin('/brands/northwind', 'PUT', { name: 'Northwind' })).status, 201);
    const survey = JSON.parse(await readFile(join(app, 'node_modules/storevoice-collector/surveys/store-exit.json'), 'utf8')) as unknown;
    assert.equal((await admin('/surveys/store-exit', 'PUT', survey)).status, 201);
    const created = await admin('/brands/northwind/keys', 'POST');
    assert.equal(created.status, 201);
    const { key } = (await created.json()) as { key: string };
    assert.match(key, /^pk_/);

    const submission = {
      id: randomUUID(),
      schemaVersion: 1,
      surveyId: 'store-exit',
      createdAt: new Date().toISOString(),
      answers: [{ questionId: 'mood', type: 'smiley', value: 5 }],
      context: { channel: 'web', brand: 'northwind' },
    };
    const accepted = await fetch(`${base}/v1/submissions`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(submission) });
    assert.equal(accepted.status, 202, await accepted.clone().text());
    assert.deepEqual(await accepted.json(), { accepted: 1, duplicates: 0 });
    // And it is counted where an operator looks.
    assert.match(await (await fetch(`${base}/metrics`)).text(), /storevoice_ingest_submissions_total\{[^}]*outcome="accepted"[^}]*\} 1/);
  });

  it("runs the Dockerfile's entry point and health check as written", async () => {
    const dockerfile = await readFile(join(ROOT, 'Dockerfile'), 'utf8');
    // The image installs the tarball in /app; here, the same install is in `app`.
    const entrypoint = JSON.parse(/^ENTRYPOINT (\[.*\])$/m.exec(dockerfile)![1]!) as string[];
    const [command, ...args] = entrypoint.map((part) => part.replace(/^\/app\//, `${app}/`));
    const version = await run(command === 'node' ? process.execPath : command!, [...args, '--version'], { cwd: app });
    assert.match(version.stdout, /^\d+\.\d+\.\d+/);
    const check = /^HEALTHCHECK [^\n]*\\\n\s*CMD node -e "(.*)"$/m.exec(dockerfile)![1]!;
    const port = new URL(base).port;
    await run(process.execPath, ['-e', check], { env: { PORT: port } });
    // A collector that does not answer fails the check (a check that cannot fail proves nothing).
    await assert.rejects(run(process.execPath, ['-e', check], { env: { PORT: '9' } }));
    // The build stage runs an npm script that exists and packs the file the run stage installs.
    const scripts = (JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const [, script] of dockerfile.matchAll(/npm run ([\w:-]+)/g)) assert.ok(scripts[script!], `npm run ${script}`);
    assert.match(tarball, /storevoice-collector-[^/]*\.tgz$/);
    assert.match(dockerfile, /storevoice-collector-\*\.tgz/);
    assert.match(dockerfile, /^USER node$/m);
    // Everything the build stage needs is in the build context (.dockerignore leaves it in).
    const ignored = (await readFile(join(ROOT, '.dockerignore'), 'utf8')).split('\n').filter((line) => line && !line.startsWith('#'));
    for (const needed of ['package.json', 'package-lock.json', 'packages', 'demo', 'sdk', 'src', 'build', 'rollup.config.mjs', 'LICENSE']) {
      assert.ok(existsSync(join(ROOT, needed)), needed);
      assert.ok(!ignored.includes(needed), `.dockerignore leaves out ${needed}`);
    }
  });

  it("refuses the demo's write key pk_demo and the demo logins", async () => {
    const submission = { id: randomUUID(), schemaVersion: 1, surveyId: 'store-exit', createdAt: new Date().toISOString(), answers: [{ questionId: 'mood', type: 'smiley', value: 5 }], context: { channel: 'web' } };
    const demoKey = await fetch(`${base}/v1/submissions`, { method: 'POST', headers: { authorization: 'Bearer pk_demo', 'content-type': 'application/json' }, body: JSON.stringify(submission) });
    assert.equal(demoKey.status, 401);
    for (const [email, password] of [
      ['ceo@acme.example', 'demo-corporate'],
      ['store042@acme.example', 'demo-store'],
    ]) {
      const login = await fetch(`${base}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ email, password }) });
      assert.equal(login.status, 401, email);
    }
  });
});
