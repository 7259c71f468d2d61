/**
 * What `POST /v1/auth/login`, `GET /v1/auth/me` and `/v1/auth/me/preferences` answer, as zod
 * schemas shared with the dashboard, which validates the answers with them (see stats/types.ts for
 * why). zod/mini and no other import: this file ends up in the browser bundle.
 */
import * as z from 'zod/mini';

export const SessionBodySchema = z.object({
  user: z.object({
    id: z.number(),
    email: z.string(),
    name: z.string(),
    role: z.enum(['corporate', 'regional', 'store', 'staff']),
    brandId: z.string(),
    regionId: z.nullable(z.string()),
    storeId: z.nullable(z.string()),
    staffId: z.nullable(z.string()),
  }),
  /** Sent back as `X-CSRF-Token` on every state-changing request. */
  csrfToken: z.string(),
  expiresAt: z.string(),
  /** The minimum number of responses for individual (and employee-pulse) scores. */
  staffMinResponses: z.number(),
});
export type SessionBody = z.infer<typeof SessionBodySchema>;

/**
 * The languages the dashboard is translated into: the widget's (src/i18n/locales.ts), so a
 * retailer's managers can read the dashboard in every language their customers answer in.
 */
export const DASHBOARD_LOCALES = ['en', 'es', 'fr', 'de', 'pt-BR', 'ar', 'he', 'ja'] as const;
export const DashboardLocaleSchema = z.enum(DASHBOARD_LOCALES);
export type DashboardLocale = z.infer<typeof DashboardLocaleSchema>;

/**
 * A user's own settings, remembered on the server so they follow the user to every device and
 * every login: `GET` and `PATCH /v1/auth/me/preferences`.
 */
export const PreferencesSchema = z.object({
  /** The dashboard's language; null when the user never chose one (the browser's languages decide). */
  locale: z.nullable(DashboardLocaleSchema),
});
export type Preferences = z.infer<typeof PreferencesSchema>;
