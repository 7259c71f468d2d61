// A test collector with fault injection, served by web-test-runner's dev server (Koa middleware).
// Browser tests talk to it over real HTTP so the transport is exercised end to end: status codes,
// Retry-After, hung requests, reset connections, auth and dedupe behave like the real collector.
//
// Routes, each collector independent and created on first use (see test/support/collector.ts):
//   POST /collector/<name>/v1/submissions   ingest, like the real collector
//   POST /collector/<name>/__control        { action: 'reset' | 'faults' | 'failRate' | 'down' | 'key', ... }
//   GET  /collector/<name>/__state          { requests, stored, storedCount, duplicates }

/** Same limits as the real collector (sdk/schema/submission.ts: MAX_SUBMISSION_BYTES, MAX_BATCH_SIZE). */
const MAX_BODY_BYTES = 64 * 1024;
const MAX_BATCH = 100;
/** Past this we stop reading and drop the connection: no test needs more, and memory stays bounded. */
const MAX_DRAIN_BYTES = 4 * 1024 * 1024;

const ROUTE = /^\/collector\/([A-Za-z0-9._-]{1,100})\/(v1\/submissions|v1\/surveys\/[^/]+|__control|__state)\/?$/;
const PREFIX = /^\/collector\//;

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, idempotency-key',
  // Without this a cross-origin page could not read Retry-After.
  'access-control-expose-headers': 'retry-after',
  'access-control-max-age': '600',
};

/** mulberry32: tiny, seedable, good enough to make "30 % of requests fail" reproducible. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function createCollector() {
  return {
    requests: [],
    stored: [],
    seen: new Set(),
    duplicates: 0,
    faults: [],
    failRate: 0,
    random: prng(1),
    down: false,
    key: null,
    /** Survey definitions served at GET v1/surveys/:id, by id. */
    surveys: new Map(),
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads the whole body (so a 413 reaches the client instead of a reset), counting bytes. */
async function readBody(req) {
  const chunks = [];
  let bytes = 0;
  for await (const chunk of req) {
    bytes += chunk.length;
    if (bytes > MAX_DRAIN_BYTES) return { bytes, text: null, tooBig: true };
    if (bytes <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return { bytes, text: bytes <= MAX_BODY_BYTES ? Buffer.concat(chunks).toString('utf8') : null, tooBig: false };
}

/** Ids found in a body, without judging it, so every request is recorded even when it is refused. */
function idsOf(body) {
  const items = body && typeof body === 'object' && Array.isArray(body.submissions) ? body.submissions : [body];
  return items.filter((s) => s && typeof s === 'object' && typeof s.id === 'string').map((s) => s.id);
}

/** The real collector answers 400 with zod issues; this keeps the same shape for the checks tests need. */
function validate(body) {
  if (body === undefined) return [{ path: '', message: 'must be a JSON object' }];
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [{ path: '', message: 'must be a JSON object' }];
  const batch = 'submissions' in body;
  const items = batch ? body.submissions : [body];
  if (!Array.isArray(items)) return [{ path: 'submissions', message: 'must be an array' }];
  if (items.length === 0) return [{ path: 'submissions', message: 'must not be empty' }];
  if (items.length > MAX_BATCH) return [{ path: 'submissions', message: `must have at most ${MAX_BATCH} items` }];
  const issues = [];
  items.forEach((s, i) => {
    const path = batch ? `submissions[${i}].id` : 'id';
    if (!s || typeof s !== 'object' || typeof s.id !== 'string' || s.id === '') issues.push({ path, message: 'is required' });
  });
  return issues;
}

function authorized(ctx, key) {
  return ctx.get('authorization') === `Bearer ${key}` || ctx.query.key === key;
}

function answer(ctx, record, status, body, headers = {}) {
  ctx.status = status;
  for (const [name, value] of Object.entries(headers)) ctx.set(name, value);
  if (body !== undefined) ctx.body = body;
  record.status = status;
  record.answeredAt = Date.now();
}

/**
 * Applies a fault. Returns true when the request has been dealt with; otherwise it is handled
 * normally, and the returned object (for a 2xx fault) says how to answer a success.
 */
async function applyFault(ctx, record, fault) {
  if (fault.reset) {
    record.fault ??= 'reset';
    record.answeredAt = Date.now();
    // Koa must not write to the dead socket. The status is never sent; it only keeps Koa's default
    // 404 out of web-test-runner's "404 network requests" warning.
    ctx.status = 500;
    ctx.respond = false;
    ctx.req.socket.destroy();
    return true;
  }
  let status = fault.status;
  if (typeof fault.hangMs === 'number') {
    record.fault ??= 'hang';
    await sleep(fault.hangMs);
    // The client may have given up meanwhile; the request still "arrived", which is what proves dedupe.
    status = fault.thenStatus;
  } else if (typeof status === 'number') {
    record.fault ??= 'status';
  }
  if (typeof status !== 'number') return {};
  // A 2xx is a success like any other: stored normally (tests queue `{ status: 202 }` to let one through).
  if (status >= 200 && status < 300) return { status, body: fault.body, headers: retryAfterHeader(fault) };
  answer(ctx, record, status, fault.body ?? { error: `injected ${status}` }, retryAfterHeader(fault));
  return true;
}

function retryAfterHeader(fault) {
  return fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) };
}

const RANDOM_FAULTS = [{ status: 500 }, { status: 503 }, { status: 429, retryAfter: '1' }, { reset: true }];

async function ingest(ctx, collector) {
  const { bytes, text, tooBig } = await readBody(ctx.req);
  let body;
  try {
    body = text === null || text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  const record = {
    at: Date.now(),
    answeredAt: null,
    method: ctx.method,
    query: ctx.querystring,
    contentType: ctx.get('content-type') || null,
    authorization: ctx.get('authorization') || null,
    idempotencyKey: ctx.get('idempotency-key') || null,
    bytes,
    ids: idsOf(body),
    body: body ?? null,
    status: null,
    fault: null,
  };
  collector.requests.push(record);

  if (tooBig) {
    record.fault = 'reset';
    ctx.status = 500;
    ctx.respond = false;
    ctx.req.socket.destroy();
    return;
  }
  if (collector.down) {
    record.fault = 'down';
    return answer(ctx, record, 503, { error: 'collector down' });
  }
  const queued = collector.faults.shift();
  let success = {};
  if (queued) {
    const outcome = await applyFault(ctx, record, queued);
    if (outcome === true) return;
    success = outcome;
  } else if (collector.failRate > 0 && collector.random() < collector.failRate) {
    record.fault = 'failRate';
    const fault = RANDOM_FAULTS[Math.floor(collector.random() * RANDOM_FAULTS.length)];
    if ((await applyFault(ctx, record, fault)) === true) return;
  }
  if (collector.key !== null && !authorized(ctx, collector.key)) {
    return answer(ctx, record, 401, { error: 'missing or invalid write key' });
  }
  if (bytes > MAX_BODY_BYTES) {
    return answer(ctx, record, 413, { error: `body over ${MAX_BODY_BYTES} bytes` });
  }
  if (text !== null && text !== '' && body === undefined) {
    return answer(ctx, record, 400, { error: 'invalid JSON', issues: [{ path: '', message: 'must be valid JSON' }] });
  }
  const issues = validate(body);
  if (issues.length > 0) return answer(ctx, record, 400, { error: 'invalid submission', issues });

  let accepted = 0;
  let duplicates = 0;
  for (const id of record.ids) {
    if (collector.seen.has(id)) {
      duplicates++;
    } else {
      collector.seen.add(id);
      collector.stored.push(id);
      accepted++;
    }
  }
  collector.duplicates += duplicates;
  return answer(ctx, record, success.status ?? 202, success.body ?? { accepted, duplicates }, success.headers);
}

async function control(ctx, collectors, name) {
  const { text } = await readBody(ctx.req);
  let command;
  try {
    command = JSON.parse(text ?? '');
  } catch {
    ctx.status = 400;
    ctx.body = { error: 'control body must be JSON' };
    return;
  }
  const collector = collectors.get(name);
  switch (command?.action) {
    case 'reset':
      collectors.set(name, createCollector());
      break;
    case 'faults':
      if (!Array.isArray(command.faults)) return bad(ctx, 'faults must be an array');
      collector.faults.push(...command.faults);
      break;
    case 'failRate':
      if (typeof command.rate !== 'number' || command.rate < 0 || command.rate > 1) return bad(ctx, 'rate must be 0..1');
      collector.failRate = command.rate;
      collector.random = prng(command.seed ?? 1);
      break;
    case 'down':
      collector.down = Boolean(command.down);
      break;
    case 'survey':
      if (typeof command.survey?.id !== 'string') return bad(ctx, 'survey must be an object with an id');
      collector.surveys.set(command.survey.id, command.survey);
      break;
    case 'key':
      collector.key = typeof command.key === 'string' && command.key !== '' ? command.key : null;
      break;
    default:
      return bad(ctx, `unknown action ${JSON.stringify(command?.action)}`);
  }
  ctx.status = 200;
  ctx.body = { ok: true };
}

function bad(ctx, error) {
  ctx.status = 400;
  ctx.body = { error };
}

/**
 * Koa-style middleware for web-test-runner: any number of in-memory test collectors under
 * `/collector/<name>/`. Everything else goes on to the next middleware.
 */
export function collectorMiddleware() {
  const collectors = new Map();
  return async (ctx, next) => {
    if (!PREFIX.test(ctx.path)) return next();
    for (const [name, value] of Object.entries(CORS)) ctx.set(name, value);
    ctx.set('cache-control', 'no-store');
    const match = ROUTE.exec(ctx.path);
    if (!match) {
      ctx.status = 404;
      ctx.body = { error: 'no such collector route' };
      return;
    }
    if (ctx.method === 'OPTIONS') {
      ctx.status = 204;
      return;
    }
    const [, name, route] = match;
    if (!collectors.has(name)) collectors.set(name, createCollector());
    const collector = collectors.get(name);

    if (route === 'v1/submissions' && ctx.method === 'POST') return ingest(ctx, collector);
    if (route === '__control' && ctx.method === 'POST') return control(ctx, collectors, name);
    if (route.startsWith('v1/surveys/') && ctx.method === 'GET') {
      const survey = collector.down ? undefined : collector.surveys.get(decodeURIComponent(route.slice('v1/surveys/'.length)));
      ctx.status = collector.down ? 503 : survey ? 200 : 404;
      ctx.body = survey ?? { error: collector.down ? 'down' : 'no such survey' };
      return;
    }
    if (route === '__state' && ctx.method === 'GET') {
      ctx.body = {
        requests: collector.requests,
        stored: collector.stored,
        storedCount: collector.stored.length,
        duplicates: collector.duplicates,
      };
      return;
    }
    ctx.status = 405;
    ctx.body = { error: `${ctx.method} not allowed here` };
  };
}
