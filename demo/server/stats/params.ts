import * as z from 'zod';
import { HierarchyIdSchema } from '../auth/roles.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DateSchema = z
  .string()
  .regex(DAY, 'must be a date such as 2026-11-23')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'must be a real date');

/** Longest date range one request may cover: bounds the work of every query. */
export const MAX_RANGE_DAYS = 731;

/**
 * Query parameters shared by every stats endpoint. Strict: an unknown parameter (`brand=…`,
 * say) is a 400, not silently ignored — the brand and the widest scope come from the session.
 */
export const StatsQuerySchema = z
  .strictObject({
    level: z.enum(['brand', 'region', 'store', 'staff']).default('brand'),
    region: HierarchyIdSchema.optional(),
    store: HierarchyIdSchema.optional(),
    staff: HierarchyIdSchema.optional(),
    /** First day, inclusive (UTC). @default 29 days before `to` */
    from: DateSchema.optional(),
    /** Last day, inclusive (UTC). @default today */
    to: DateSchema.optional(),
    /** Customers' feedback, or employees' pulse (channel `employee`), never mixed. @default "customer" */
    channel: z.enum(['customer', 'employee']).default('customer'),
    /** Trend periods. @default "day" */
    bucket: z.enum(['day', 'week']).default('day'),
    /** Comments and kudos per page. @default 50 */
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** Export: one row per group, or one per response. @default "groups" */
    rows: z.enum(['groups', 'responses']).default('groups'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after `to`', path: ['from'] });
export type StatsQuery = z.infer<typeof StatsQuerySchema>;

/** Resolves the default dates against `now` and checks the range length. */
export function dateRange(query: Pick<StatsQuery, 'from' | 'to'>, now: Date): { from: string; to: string } | { error: string } {
  const to = query.to ?? now.toISOString().slice(0, 10);
  const from = query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  if (from > to) return { error: '`from` must not be after `to`' };
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_RANGE_DAYS) return { error: `the range may cover at most ${MAX_RANGE_DAYS} days` };
  return { from, to };
}
