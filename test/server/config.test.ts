import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, contextTokenSecrets, corsOrigins, loadConfig } from '../../demo/server/config.js';

const SECRET = 'a-context-secret-of-32-characters!!';

describe('configuration', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    assert.equal(config.PORT, 8787);
    assert.equal(config.CONTEXT_TOKEN_MODE, 'optional');
    assert.equal(config.RATE_LIMIT_PER_MINUTE, 120);
    assert.equal(config.ADMIN_TOKEN, undefined);
    assert.equal(config.SURVEYS_DIR, undefined, 'only the demo start imports demo/surveys');
  });

  it('coerces numbers and splits lists', () => {
    const config = loadConfig({ PORT: '9000', RATE_LIMIT_PER_MINUTE: '0', CORS_ORIGINS: 'https://a.example, http://localhost:3000', CONTEXT_TOKEN_SECRETS: `${SECRET},${SECRET}2` });
    assert.equal(config.PORT, 9000);
    assert.equal(config.RATE_LIMIT_PER_MINUTE, 0);
    assert.deepEqual(corsOrigins(config), ['https://a.example', 'http://localhost:3000']);
    assert.deepEqual(contextTokenSecrets(config), [SECRET, `${SECRET}2`]);
  });

  it('treats empty variables as unset', () => {
    assert.equal(loadConfig({ ADMIN_TOKEN: '', DATABASE_URL: '' }).ADMIN_TOKEN, undefined);
  });

  it('stops with a ConfigError naming every bad variable', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', RATE_LIMIT_PER_MINUTE: '-1', CONTEXT_TOKEN_MODE: 'sometimes', ADMIN_TOKEN: 'short', CORS_ORIGINS: 'https://shop.example.com/path' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        const lines = error.message.split('\n');
        assert.equal(lines[0], 'Invalid configuration:');
        for (const name of ['PORT', 'RATE_LIMIT_PER_MINUTE', 'CONTEXT_TOKEN_MODE', 'ADMIN_TOKEN', 'CORS_ORIGINS']) assert.ok(lines.some((l) => l.startsWith(`  ${name}: `)), `${name} in ${error.message}`);
        assert.ok(lines.includes('  ADMIN_TOKEN: must be at least 16 characters'));
        return true;
      },
    );
  });

  it('refuses required context tokens without secrets, and short secrets', () => {
    assert.throws(() => loadConfig({ CONTEXT_TOKEN_MODE: 'required' }), /CONTEXT_TOKEN_SECRETS: must be set when CONTEXT_TOKEN_MODE=required/);
    assert.throws(() => loadConfig({ CONTEXT_TOKEN_SECRETS: 'tooshort' }), /CONTEXT_TOKEN_SECRETS: every secret must be at least 32 characters/);
    assert.equal(loadConfig({ CONTEXT_TOKEN_MODE: 'required', CONTEXT_TOKEN_SECRETS: SECRET }).CONTEXT_TOKEN_MODE, 'required');
  });
});
