import * as z from 'zod';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/database.js';
import { hashPassword } from './password.js';
import { HierarchyIdSchema, RoleSchema, type Role, type User } from './roles.js';

/** What {@link upsertUser} takes; each role needs its anchor (region, store or staff id). */
export const UserInputSchema = z
  .object({
    email: z.email().max(254).transform((email) => email.toLowerCase()),
    password: z.string().min(8, 'must have at least 8 characters').max(200),
    role: RoleSchema,
    brandId: HierarchyIdSchema,
    regionId: HierarchyIdSchema.optional(),
    storeId: HierarchyIdSchema.optional(),
    staffId: HierarchyIdSchema.optional(),
    name: z.string().min(1).max(100),
  })
  .refine((u) => u.role !== 'regional' || u.regionId !== undefined, { message: 'a regional manager needs a regionId', path: ['regionId'] })
  .refine((u) => u.role !== 'store' || u.storeId !== undefined, { message: 'a store manager needs a storeId', path: ['storeId'] })
  .refine((u) => u.role !== 'staff' || u.staffId !== undefined, { message: 'a staff member needs a staffId', path: ['staffId'] });
export type UserInput = z.input<typeof UserInputSchema>;

/** The `users` columns that make a {@link User}; sessions select the same ones through their join. */
export interface UserColumns {
  id: number;
  email: string;
  name: string;
  role: Role;
  brand_id: string;
  region_id: string | null;
  store_id: string | null;
  staff_id: string | null;
  [key: string]: unknown;
}

interface UserRow extends UserColumns {
  password_hash: string;
}

/** `users` columns for {@link toUser}, each prefixed by `table.` when given (for joins). */
export const userColumns = (table = ''): string =>
  ['id::int AS id', 'email', 'name', 'role', 'brand_id', 'region_id', 'store_id', 'staff_id'].map((column) => (table ? `${table}.${column}` : column)).join(', ');

const COLUMNS = `${userColumns()}, password_hash`;

export function toUser(row: UserColumns): User {
  return { id: row.id, email: row.email, name: row.name, role: row.role, brandId: row.brand_id, regionId: row.region_id, storeId: row.store_id, staffId: row.staff_id };
}

/**
 * Creates a dashboard user, or updates the one with this e-mail (password, role, anchors, name).
 * Used by the demo seed to create one user per role. Throws a ZodError on invalid input.
 */
export async function upsertUser(ctx: Pick<AppContext, 'db'>, input: UserInput): Promise<User> {
  const u = UserInputSchema.parse(input);
  const hash = await hashPassword(u.password);
  // Anchors that the role does not use are cleared so a demoted user keeps no stale, wider scope.
  const regionId = u.role === 'regional' ? u.regionId : null;
  const storeId = u.role === 'store' ? u.storeId : null;
  const staffId = u.role === 'staff' ? u.staffId : null;
  const rows = await ctx.db.query<UserRow>(
    `INSERT INTO users (email, name, password_hash, role, brand_id, region_id, store_id, staff_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (email) DO UPDATE SET name = excluded.name, password_hash = excluded.password_hash, role = excluded.role,
       brand_id = excluded.brand_id, region_id = excluded.region_id, store_id = excluded.store_id, staff_id = excluded.staff_id, updated_at = now()
     RETURNING ${COLUMNS}`,
    [u.email, u.name, hash, u.role, u.brandId, regionId ?? null, storeId ?? null, staffId ?? null],
  );
  const row = rows[0];
  if (!row) throw new Error('upsertUser: no row returned');
  return toUser(row);
}

/** The user with this e-mail (any case) and their password hash, for login. */
export async function findUserByEmail(db: Queryable, email: string): Promise<{ user: User; passwordHash: string } | undefined> {
  const rows = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE email = $1`, [email.toLowerCase()]);
  const row = rows[0];
  return row ? { user: toUser(row), passwordHash: row.password_hash } : undefined;
}
