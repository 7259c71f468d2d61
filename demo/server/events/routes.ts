import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { Hono } from 'hono';
import * as z from 'zod';
import type { AuthEnv } from '../auth/env.js';
import { requireSession } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { ApiError } from '../http/errors.js';
import { invalid, invalidField } from '../http/invalid.js';
import { audienceOf, audienceWhere, type Audience } from './audience.js';
import { EventConnection, responseSink } from './connection.js';
import { eventHub } from './hub.js';
import { eventsAfter } from './store.js';

/** How far before the last event a client saw a resume looks, for events committed out of id order. */
export const REPLAY_OVERLAP_MS = 10_000;
/** The most events a resume replays; further behind, the client is told to reload instead. */
export const MAX_REPLAY = 1_000;
/** What browsers wait before reconnecting (the SSE `retry:` field). */
const RETRY_MS = 3_000;
/** How often an open stream checks that its session still exists (logout, expiry). */
const SESSION_CHECK_MS = 60_000;

export const QuerySchema = z.strictObject({
  /** For clients that cannot set headers on a new connection (a page reload): the same as Last-Event-ID. */
  lastEventId: z.string().optional(),
});
const EventIdSchema = z.string().regex(/^\d{1,15}$/, 'must be the id of an event (digits)');

// Open streams per collector, so shutdown can end them (they would hold the HTTP server open).
const open = new WeakMap<object, Set<EventConnection>>();

/**
 * Open streams by the place their scope is anchored to (`brand|acme`, `region|acme|north`,
 * `store|acme|042`), one hub listener per collector: an event is offered only to the streams of
 * its brand, region and store instead of to every stream of the instance. Each stream still
 * checks every event against its own audience (connection.ts): this index only saves work.
 */
const routers = new WeakMap<object, Router>();

const placeKey = (audience: Audience): string =>
  audience.storeId !== undefined ? `store|${audience.brandId}|${audience.storeId}` : audience.regionId !== undefined ? `region|${audience.brandId}|${audience.regionId}` : `brand|${audience.brandId}`;

interface Router {
  byPlace: Map<string, Set<EventConnection>>;
  /** Stops the hub listener; set while at least one manager's stream is open. */
  stop: (() => void) | undefined;
}

function subscribe(ctx: object, audience: Audience, connection: EventConnection): () => void {
  // Staff see no submission or case events: they are not indexed at all.
  if (audience.kinds.size === 0) return () => undefined;
  let router = routers.get(ctx);
  if (!router) routers.set(ctx, (router = { byPlace: new Map(), stop: undefined }));
  const { byPlace } = router;
  // Listening only while a stream is open lets an instance without dashboards skip reading events.
  router.stop ??= eventHub(ctx).subscribe((event) => {
    for (const key of [`brand|${event.brandId}`, `region|${event.brandId}|${event.regionId}`, `store|${event.brandId}|${event.storeId}`]) {
      for (const target of byPlace.get(key) ?? []) target.offer(event);
    }
  });
  const key = placeKey(audience);
  let set = byPlace.get(key);
  if (!set) byPlace.set(key, (set = new Set()));
  set.add(connection);
  const current = router;
  return () => {
    set.delete(connection);
    if (set.size === 0) byPlace.delete(key);
    if (byPlace.size === 0) {
      current.stop?.();
      current.stop = undefined;
    }
  };
}

/** Ends every open event stream of this collector: clients reconnect to another instance. */
export function closeEventStreams(ctx: object): void {
  for (const connection of open.get(ctx) ?? []) connection.close();
}

/** Number of open event streams (operations, benchmarks). */
export const openEventStreams = (ctx: object): number => open.get(ctx)?.size ?? 0;

/**
 * `GET /v1/events`: server-sent events for an open dashboard (docs/collector.md, "Live events").
 * The scope is the session's, fixed per connection and checked on the server for every event.
 * Resumes after `Last-Event-ID` (or `?lastEventId=`), replaying what the client missed; a comment
 * every EVENTS_HEARTBEAT_MS keeps proxies from closing an idle stream.
 */
export function eventRoutes(ctx: AppContext): Hono<AuthEnv & { Bindings: HttpBindings }> {
  const app = new Hono<AuthEnv & { Bindings: HttpBindings }>();
  app.use('/v1/events', requireSession(ctx));

  app.get('/v1/events', async (c) => {
    const query = QuerySchema.safeParse(c.req.query());
    if (!query.success) throw invalid('query parameters', query.error.issues, c.req.query());
    const header = c.req.header('last-event-id');
    const given = header ?? query.data.lastEventId;
    let lastEventId: number | undefined;
    if (given !== undefined && given !== '') {
      if (!EventIdSchema.safeParse(given).success) throw invalidField([header !== undefined ? 'Last-Event-ID' : 'lastEventId'], 'must be the id of an event (digits)');
      lastEventId = Number(given);
    }
    const session = c.var.session;
    const audience = await audienceOf(ctx.db, session.user);
    // Written straight to Node's response rather than through a web stream (Hono's streamSSE):
    // with a thousand open streams, each event costs a write per stream, and the web-stream layers
    // cost several times the write itself (bench/events.mjs, docs/collector.md "Live events").
    const response = c.env?.outgoing;
    if (!response) throw new ApiError(501, 'not_implemented', 'Event streams need the Node server (@hono/node-server)');
    response.writeHead(200, {
      // Always UTF-8 (the SSE format has no other encoding).
      'content-type': 'text/event-stream',
      // Per-user data: no shared cache may keep it.
      'cache-control': 'no-store',
      // nginx and similar proxies buffer responses unless told not to; a buffered stream is not live.
      'x-accel-buffering': 'no',
      // A stream's connection is not reused: when it ends (shutdown, logout) the socket closes with
      // it instead of idling in keep-alive, which would hold a shutting-down server open.
      connection: 'close',
    });
    response.flushHeaders();
    void serve(ctx, new EventConnection(responseSink(response), audience), audience, lastEventId, session.tokenHash);
    return RESPONSE_ALREADY_SENT;
  });

  return app;
}

async function serve(ctx: AppContext, connection: EventConnection, audience: Audience, lastEventId: number | undefined, tokenHash: string): Promise<void> {
  let streams = open.get(ctx);
  if (!streams) open.set(ctx, (streams = new Set()));
  streams.add(connection);
  // Subscribed before the first byte: a client that saw the stream open misses nothing after it.
  const unsubscribe = subscribe(ctx, audience, connection);
  const heartbeat = startHeartbeat(ctx, connection, tokenHash);
  const set = streams;
  connection.onClose(() => {
    unsubscribe();
    clearInterval(heartbeat);
    set.delete(connection);
    if (connection.cutOff) ctx.log.warn('event stream cut off: the client did not keep up (it resumes with Last-Event-ID)', { brand: audience.brandId });
  });
  connection.write(`retry: ${RETRY_MS}\n: connected\n\n`);
  try {
    if (lastEventId === undefined) {
      connection.replayed([]);
    } else {
      const { events, anchored } = await eventsAfter(ctx.db, { afterId: lastEventId, overlapMs: REPLAY_OVERLAP_MS }, audienceWhere(audience), MAX_REPLAY + 1);
      if (!anchored || events.length > MAX_REPLAY) {
        // Events the client missed are gone (pruned) or too many: it reloads what it shows instead.
        connection.write(`event: reset\ndata: ${JSON.stringify({ reason: anchored ? 'too_far_behind' : 'unknown_last_event_id' })}\n\n`);
        connection.replayed([]);
      } else {
        connection.replayed(events);
      }
    }
  } catch (error) {
    ctx.log.error('event replay failed', { error: error instanceof Error ? error.message : String(error) });
    connection.close();
  }
}

function startHeartbeat(ctx: AppContext, connection: EventConnection, tokenHash: string): NodeJS.Timeout {
  const every = ctx.config.EVENTS_HEARTBEAT_MS;
  let sinceCheck = 0;
  const timer = setInterval(() => {
    connection.write(': heartbeat\n\n');
    sinceCheck += every;
    if (sinceCheck < SESSION_CHECK_MS) return;
    sinceCheck = 0;
    // A stream outlives the request that opened it: a logout or an expired session ends it.
    ctx.db
      .query('SELECT 1 FROM sessions WHERE token_hash = $1 AND expires_at > $2', [tokenHash, ctx.now()])
      .then((rows) => {
        if (rows.length === 0) connection.close();
      })
      .catch(() => undefined);
  }, every);
  timer.unref();
  return timer;
}
