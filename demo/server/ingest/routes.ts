import { Hono } from 'hono';
import { MAX_SUBMISSION_BYTES } from '../../../sdk/index.js';
import type { AppContext } from '../context.js';
import { readBodyText, requireMediaType } from '../http/body.js';
import { clientIp, proxyTrust } from '../http/client-ip.js';
import { corsPolicy } from '../http/cors.js';
import { ApiError } from '../http/errors.js';
import { acceptedAnswer } from '../metrics/http.js';
import { placeInTime } from './created-at.js';
import { parseSubmissionBody } from './parse.js';
import { deviceBucket, ingestLimits } from './rate-limits.js';
import { lookUpIds } from './resolve.js';
import { deviceClassOf } from './device-class.js';
import { storeItems } from './store.js';
import { checkContexts } from './verify-context.js';
import { resolveIngestKey, writeKeyOf } from './write-keys.js';
import { checkKeyChannel, pulseItems } from '../pulse/ingest.js';

/**
 * `POST /v1/submissions` (docs/collector.md "Ingest API"). Cheap refusals come first — rate
 * limit by IP, media type, write key, size — so floods and strangers never reach the JSON
 * parser or the database.
 */
export function ingestRoutes(ctx: AppContext): Hono {
  const app = new Hono();
  const cors = corsPolicy(ctx.config);
  const limits = ingestLimits(ctx.config);
  const trust = proxyTrust(ctx.config);

  app.options('/v1/submissions', cors.preflight(['POST']));
  app.post('/v1/submissions', cors.request(['POST']), async (c) => {
    limits.ip(clientIp(c, trust), ctx.now());
    requireMediaType(c, ['application/json', 'text/plain']);
    const writeKey = writeKeyOf(c);
    const key = await resolveIngestKey(ctx, writeKey);
    const brandId = key.brandId;
    const { submissions, batch } = parseSubmissionBody(await readBodyText(c.req.raw, MAX_SUBMISSION_BYTES));

    // The SDK sends the submission id for a single submission and `batch-<hash>` for a batch;
    // dedupe is on body ids either way, so only a contradicting single key is an error.
    const idempotencyKey = c.req.header('idempotency-key');
    if (idempotencyKey !== undefined && !batch && idempotencyKey.toLowerCase() !== submissions[0]!.id.toLowerCase()) {
      throw new ApiError(400, 'idempotency_key_mismatch', `Idempotency-Key "${idempotencyKey}" is not the submission's id "${submissions[0]!.id}"`);
    }

    checkKeyChannel(key, submissions, batch);
    const now = ctx.now();
    const hints = { userAgent: c.req.header('user-agent'), mobileHint: c.req.header('sec-ch-ua-mobile') };
    const checked = key.kind === 'pulse' ? await pulseItems(ctx, key, submissions) : await checkContexts(ctx, brandId, submissions, batch);
    const items = checked.map((item) => {
      const timing = placeInTime(item.submission.createdAt, now, ctx.config);
      const deviceClass = deviceClassOf(item.submission.context.channel, hints);
      return { ...item, createdAt: timing.createdAt, flags: [...item.flags, ...timing.flags], deviceClass };
    });
    if (limits.enabled) {
      const devices = new Set(items.flatMap((item) => (item.context.device ? [item.context.device] : [])));
      const known = devices.size === 1 ? (await lookUpIds(ctx.db, brandId, { device: devices })).devices : new Set<string>();
      // resolveIngestKey refused a request without a key, so there is one here.
      limits.device(deviceBucket(brandId, writeKey ?? '', devices, known), ctx.now());
    }
    const { accepted, duplicates } = await storeItems(ctx, brandId, items);
    return acceptedAnswer(c, { accepted, duplicates });
  });
  return app;
}
