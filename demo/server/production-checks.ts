import { corsOrigins, type Config } from './config.js';
import type { Queryable } from './db/database.js';
import type { Logger } from './log.js';
import { DEMO_PULSE_KEY_PREFIX, DEMO_WRITE_KEY, findDemoCredentials, type DemoCredential } from './auth/demo-credentials.js';

/** `NODE_ENV=production`: the checks below apply, and source maps are not served. */
export const isProduction = (config: Pick<Config, 'NODE_ENV'>): boolean => config.NODE_ENV === 'production';

/** Thrown at start in production while the database accepts the demo's public credentials. */
export class DemoCredentialsError extends Error {
  override name = 'DemoCredentialsError';
}

const sql = (values: readonly string[]) => values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ');

/** The refusal, with what was found and how to fix it. */
function refusal(found: readonly DemoCredential[]): string {
  const keys = found.flatMap((c) => (c.kind === 'write_key' ? [c] : []));
  const pulseKeys = found.flatMap((c) => (c.kind === 'pulse_key' ? [c] : []));
  const logins = found.flatMap((c) => (c.kind === 'login' ? [c.email] : []));
  const lines = [
    'Refusing to start: NODE_ENV=production, and the database still accepts the demo\'s public credentials (they are printed in the README):',
    ...keys.map((k) => `  - the write key ${k.key} (brand ${k.brandId}) is not revoked`),
    ...pulseKeys.map((k) => `  - the pulse key ${k.key} (store ${k.storeId}) is not revoked`),
    ...logins.map((email) => `  - the login ${email} still has its demo password`),
    'Fix it in the database, for example:',
    ...(keys.length > 0 ? [`  UPDATE write_keys SET revoked_at = now() WHERE key = '${DEMO_WRITE_KEY}';`] : []),
    ...(pulseKeys.length > 0 ? [`  UPDATE pulse_keys SET revoked_at = now() WHERE key LIKE '${DEMO_PULSE_KEY_PREFIX}%' AND revoked_at IS NULL;`] : []),
    ...(logins.length > 0 ? [`  DELETE FROM users WHERE email IN (${sql(logins)});   -- or give them real passwords (upsertUser)`] : []),
    `or start once without NODE_ENV=production and revoke the key through the admin API (DELETE /v1/admin/brands/<brand>/keys/${DEMO_WRITE_KEY}).`,
    'A production database should never be seeded: start without --seed-demo, on a database of its own.',
  ];
  return lines.join('\n');
}

/**
 * What a production start must not get past (refusal) or go quiet about (warnings, once, at
 * warn level): the demo's credentials in the database would let anyone log in to the dashboard
 * and post feedback; `CORS_ORIGINS=*` lets any web page post feedback; `CONTEXT_TOKEN_MODE=optional`
 * accepts any store or staff id a client claims. Outside production nothing is checked: the demo
 * runs on exactly these settings.
 * @throws DemoCredentialsError listing each demo credential found and how to remove it
 */
export async function checkProductionSafety(db: Queryable, config: Config, log: Logger): Promise<void> {
  if (!isProduction(config)) return;
  const found = await findDemoCredentials(db);
  if (found.length > 0) throw new DemoCredentialsError(refusal(found));
  if (corsOrigins(config).includes('*')) {
    log.warn('CORS_ORIGINS=* in production: any web page may post feedback to this collector. List the origins of your shop and kiosk pages, e.g. CORS_ORIGINS=https://shop.example.com', { setting: 'CORS_ORIGINS' });
  }
  if (config.CONTEXT_TOKEN_MODE === 'optional') {
    log.warn('CONTEXT_TOKEN_MODE=optional in production: a submission without a signed context token is stored as its sender claims, so anyone with the public write key can post feedback about any store or staff member. Issue context tokens and set CONTEXT_TOKEN_MODE=required where that matters (docs/collector.md, "Signed context tokens")', { setting: 'CONTEXT_TOKEN_MODE' });
  }
}
