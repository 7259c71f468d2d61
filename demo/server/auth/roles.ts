import * as z from 'zod';

/** Dashboard roles, from widest to narrowest scope. */
export const RoleSchema = z.enum(['corporate', 'regional', 'store', 'staff']);
export type Role = z.infer<typeof RoleSchema>;

/** The retailer's ids (brand, region, store, staff), as in the wire format. */
export const HierarchyIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'must be letters, digits, ".", "_", ":" or "-", starting with a letter or digit');

/** A dashboard user as the server knows it after login (never includes the password hash). */
export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  brandId: string;
  regionId: string | null;
  storeId: string | null;
  staffId: string | null;
}
