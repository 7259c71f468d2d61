import type { Queryable } from '../db/database.js';
import { verifyPassword } from './password.js';

/**
 * The demo's credentials, public in the README and printed by `npm start --seed-demo`: the write
 * key and every demo login (a manager per region and per store, so each store's cases have an
 * owner). The collector refuses to start in production while its database still accepts any of
 * them (see production-checks.ts). demo/seed uses the same values; a test pins the two together.
 */
export const DEMO_WRITE_KEY = 'pk_demo';
export const DEMO_LOGINS: ReadonlyArray<{ email: string; password: string }> = [
  { email: 'ceo@acme.example', password: 'demo-corporate' },
  { email: 'nordics@acme.example', password: 'demo-regional' },
  { email: 'uk-south@acme.example', password: 'demo-regional' },
  { email: 'store042@acme.example', password: 'demo-store' },
  { email: 'store017@acme.example', password: 'demo-store' },
  { email: 'store023@acme.example', password: 'demo-store' },
  { email: 'store101@acme.example', password: 'demo-store' },
  { email: 'store108@acme.example', password: 'demo-store' },
  { email: 'store115@acme.example', password: 'demo-store' },
  { email: 'astrid@acme.example', password: 'demo-staff' },
];

/** A demo credential that still works against this database. */
export type DemoCredential = { kind: 'write_key'; key: string; brandId: string } | { kind: 'login'; email: string };

/**
 * The demo credentials this database still accepts: `pk_demo` not revoked, and demo logins whose
 * password is still the demo's (a demo account given a real password is not one any more).
 */
export async function findDemoCredentials(db: Queryable): Promise<DemoCredential[]> {
  const found: DemoCredential[] = [];
  const keys = await db.query<{ key: string; brand_id: string }>('SELECT key, brand_id FROM write_keys WHERE key = $1 AND revoked_at IS NULL', [DEMO_WRITE_KEY]);
  for (const key of keys) found.push({ kind: 'write_key', key: key.key, brandId: key.brand_id });
  const users = await db.query<{ email: string; password_hash: string }>('SELECT email, password_hash FROM users WHERE email = ANY($1::text[]) ORDER BY email', [DEMO_LOGINS.map((l) => l.email)]);
  for (const user of users) {
    const demo = DEMO_LOGINS.find((l) => l.email === user.email);
    if (demo && (await verifyPassword(demo.password, user.password_hash))) found.push({ kind: 'login', email: user.email });
  }
  return found;
}
