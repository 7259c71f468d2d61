import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AuthEnv } from '../auth/env.js';
import { requireSession } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { readJson, requireMediaType } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import { invalid } from '../http/invalid.js';
import { checkDigestTargets, maskDigestSecrets, restoreDigestSecrets } from '../digest/secrets.js';
import { loadBrandSettings, saveBrandSettings, type StoredSettings } from './repository.js';
import { BrandSettingsSchema, type SettingsResponse } from './schema.js';

/** A settings document is a few kilobytes; this leaves room for long root-cause lists. */
const MAX_SETTINGS_BYTES = 64 * 1024;

const toResponse = (brandId: string, stored: StoredSettings): SettingsResponse => ({
  brand: brandId,
  // Digest webhook secrets never leave the server (digest/secrets.ts).
  settings: maskDigestSecrets(stored.settings),
  updatedAt: stored.updatedAt?.toISOString() ?? null,
});

/**
 * `GET /v1/settings`: the settings of the session's brand, for every dashboard role (they hold no
 * feedback, and managers need the root causes and response times to work their cases).
 * `PUT /v1/settings`: replaces them; corporate only, CSRF-checked like every dashboard write.
 * Fields left out take their defaults; a bad field is a 400 that names it.
 */
export function settingsRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/v1/settings', requireSession(ctx));

  app.get('/v1/settings', async (c) => {
    const { brandId } = c.var.session.user;
    return c.json(toResponse(brandId, await loadBrandSettings(ctx.db, brandId, ctx.log)));
  });

  app.put('/v1/settings', async (c) => {
    const { user } = c.var.session;
    if (user.role !== 'corporate') throw new ApiError(403, 'forbidden', "Only corporate users change the brand's settings");
    requireMediaType(c, ['application/json']);
    const current = await loadBrandSettings(ctx.db, user.brandId, ctx.log);
    const body = restoreDigestSecrets(await readJson(c.req.raw, MAX_SETTINGS_BYTES), current.settings);
    const parsed = z.safeParse(BrandSettingsSchema, body);
    if (!parsed.success) throw invalid('settings', parsed.error.issues, body);
    await checkDigestTargets(ctx.config, parsed.data);
    const stored = await saveBrandSettings(ctx.db, user.brandId, parsed.data, ctx.now());
    ctx.log.info('brand settings saved', { brand: user.brandId, user: user.id });
    return c.json(toResponse(user.brandId, stored));
  });

  return app;
}
