import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DEMO_LOGINS, DEMO_WRITE_KEY } from '../../demo/server/auth/demo-credentials.js';
import { upsertUser } from '../../demo/server/auth/users.js';
import type { Database } from '../../demo/server/db/database.js';
import { importHierarchy } from '../../demo/server/hierarchy/import.js';
import type { Logger } from '../../demo/server/log.js';
import { DemoCredentialsError } from '../../demo/server/production-checks.js';
import { rotatePulseKey } from '../../demo/server/pulse/keys.js';
import { startCollector, type Collector } from '../../demo/server/server.js';
import { demoHierarchy } from '../../demo/seed/hierarchy.js';
import { demoPulseKey } from '../../demo/seed/pulse.js';
import { demoUsers } from '../../demo/seed/users.js';
import { databaseTargets } from './support/databases.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A logger that keeps its lines for the assertions. */
function memoryLog(): Logger & { lines: Array<{ level: string; msg: string }> } {
  const lines: Array<{ level: string; msg: string }> = [];
  const at = (level: string) => (msg: string) => void lines.push({ level, msg });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

const base = { PORT: 0, HOST: '127.0.0.1', RATE_LIMIT_PER_MINUTE: 0, ALERT_WORKER_INTERVAL_MS: 0 } as const;
const production = { ...base, NODE_ENV: 'production' } as const;

describe('demo credentials', () => {
  it('are the ones the demo seed creates', () => {
    for (const user of demoUsers) assert.ok(DEMO_LOGINS.some((l) => l.email === user.email && l.password === user.password), user.email);
    assert.ok(demoHierarchy.brands.some((brand) => brand.writeKeys.includes(DEMO_WRITE_KEY)));
  });
});

for (const target of databaseTargets) {
  describe(`safe defaults (${target.name})`, { skip: target.skip }, () => {
    let db: Database;
    before(async () => {
      db = await target.open();
    });
    after(() => db.close());

    /** Starts a collector on the shared database, runs `fn`, always closes it. */
    async function withCollector<T>(config: Record<string, unknown>, fn: (collector: Collector, log: ReturnType<typeof memoryLog>) => Promise<T>): Promise<T> {
      const log = memoryLog();
      const collector = await startCollector({ db, log, config: { ...base, ...config } });
      try {
        return await fn(collector, log);
      } finally {
        await collector.close();
      }
    }

    it('starts bare without demo data: no surveys, no write keys, no logins', async () => {
      await withCollector({}, async (collector) => {
        assert.equal(collector.ctx.config.SURVEYS_DIR, undefined);
        assert.equal((await fetch(`${collector.url}/v1/surveys/store-exit`)).status, 404);
        const [counts] = await db.query<{ keys: number; users: number; surveys: number }>(
          'SELECT (SELECT count(*) FROM write_keys)::int AS keys, (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM surveys)::int AS surveys',
        );
        assert.deepEqual({ ...counts }, { keys: 0, users: 0, surveys: 0 });
      });
    });

    it('warns once, at warn level, about CORS_ORIGINS=* and CONTEXT_TOKEN_MODE=optional in production', async () => {
      const warned = await withCollector(production, async (_collector, log) => log.lines.filter((l) => l.level === 'warn').map((l) => l.msg));
      assert.equal(warned.length, 2, warned.join('\n'));
      assert.match(warned[0]!, /^CORS_ORIGINS=\* in production: any web page may post feedback/);
      assert.match(warned[1]!, /^CONTEXT_TOKEN_MODE=optional in production: .* set CONTEXT_TOKEN_MODE=required/);
      const strict = { ...production, CORS_ORIGINS: 'https://shop.example.com', CONTEXT_TOKEN_MODE: 'required', CONTEXT_TOKEN_SECRETS: 'a-context-secret-of-32-characters!!' };
      assert.deepEqual(await withCollector(strict, async (_collector, log) => log.lines.filter((l) => l.level === 'warn')), []);
      assert.deepEqual(await withCollector(base, async (_collector, log) => log.lines.filter((l) => l.level === 'warn')), [], 'the demo runs on these settings: no warning outside production');
    });

    it('serves no source maps in production', async () => {
      for (const path of ['/dashboard/dashboard.js.map', '/storevoice.iife.js.map', '/kiosk.js.map']) {
        await withCollector(production, async (collector) => assert.equal((await fetch(collector.url + path)).status, 404, path));
      }
      // Outside production they stay (when built) for developers.
      if (existsSync(join(ROOT, 'dist/dashboard/dashboard.js.map'))) {
        await withCollector(base, async (collector) => assert.equal((await fetch(`${collector.url}/dashboard/dashboard.js.map`)).status, 200));
      }
    });

    it('refuses to start in production while the database accepts demo credentials, and says how to fix it (security review)', async () => {
      await importHierarchy({ db, log: memoryLog() }, demoHierarchy);
      for (const user of demoUsers) await upsertUser({ db }, { ...user });
      await rotatePulseKey(db, 'acme', '042', new Date(), demoPulseKey('042'));
      await assert.rejects(startCollector({ db, log: memoryLog(), config: production }), (error: unknown) => {
        assert.ok(error instanceof DemoCredentialsError);
        const lines = error.message.split('\n');
        assert.match(lines[0]!, /^Refusing to start: NODE_ENV=production, and the database still accepts the demo's public credentials/);
        assert.ok(lines.includes('  - the write key pk_demo (brand acme) is not revoked'), error.message);
        assert.ok(lines.includes('  - the pulse key pk_pulse_demo_042 (store 042) is not revoked'), error.message);
        assert.ok(lines.includes('  - the login ceo@acme.example still has its demo password'), error.message);
        assert.ok(lines.includes("  UPDATE write_keys SET revoked_at = now() WHERE key = 'pk_demo';"), error.message);
        return true;
      });
      // Revoke the key, give one demo login a real password and delete the others: it starts.
      await db.query("UPDATE write_keys SET revoked_at = now() WHERE key = 'pk_demo'");
      await upsertUser({ db }, { ...demoUsers[0], password: 'a real password, not the demo one' });
      await assert.rejects(startCollector({ db, log: memoryLog(), config: production }), /the login nordics@acme\.example still has its demo password/);
      await db.query('DELETE FROM users WHERE email <> $1', [demoUsers[0].email]);
      await assert.rejects(startCollector({ db, log: memoryLog(), config: production }), /the pulse key pk_pulse_demo_042 \(store 042\) is not revoked/);
      await db.query("UPDATE pulse_keys SET revoked_at = now() WHERE key LIKE 'pk_pulse_demo_%'");
      await withCollector(production, async (collector) => assert.equal((await fetch(`${collector.url}/readyz`)).status, 200));
    });
  });
}

describe('demo/start.ts', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'storevoice-start-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  /** Runs demo/start.ts; resolves with its output once `ready` matches it, or when it exits. */
  function start(args: string[], env: Record<string, string>, ready: RegExp) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'demo/start.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATA_DIR: dataDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const result = new Promise<{ output: string; code: number | null | undefined }>((resolve) => {
      const collect = (chunk: Buffer) => {
        output += chunk.toString();
        if (ready.test(output)) resolve({ output, code: undefined });
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      void exited.then((code) => resolve({ output, code }));
    });
    const stop = async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    };
    return { result, stop };
  }

  it('without --seed-demo starts with no demo data: no logins printed, pk_demo unknown', async () => {
    const run = start([], {}, /demo data +none/);
    try {
      const { output, code } = await run.result;
      assert.equal(code, undefined, output);
      assert.doesNotMatch(output, /^login: /m);
      const api = /collector API +(http:\/\/\S+)\/v1\/submissions/.exec(output)?.[1];
      assert.ok(api, output);
      const res = await fetch(`${api}/v1/submissions`, { method: 'POST', headers: { authorization: `Bearer ${DEMO_WRITE_KEY}`, 'content-type': 'application/json' }, body: '{}' });
      assert.deepEqual([res.status, ((await res.json()) as { error: string }).error], [401, 'unknown_write_key']);
      assert.equal((await fetch(`${api}/v1/surveys/store-exit`)).status, 404, 'demo surveys only with --seed-demo');
    } finally {
      await run.stop();
    }
  });

  it('refuses --seed-demo with NODE_ENV=production before touching the database', async () => {
    const run = start(['--seed-demo'], { NODE_ENV: 'production' }, /^$/);
    const { output, code } = await run.result;
    assert.equal(code, 2);
    assert.match(output, /--seed-demo creates the demo's public credentials .* it cannot run with NODE_ENV=production/);
  });
});
