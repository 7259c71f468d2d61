import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signatureHeader } from './sign.js';
import { WebhookTargetRefused, type WebhookTargetPolicy } from './target-policy.js';

/** What one POST to a webhook came to. */
export type SendOutcome =
  | { kind: 'success'; status: number }
  /** Worth retrying: 408, 429, 5xx, network errors, timeouts. */
  | { kind: 'retry'; status: number | null; error: string; retryAfter: string | null }
  /** Retrying cannot help: other 4xx, redirects, a target the policy refuses. */
  | { kind: 'permanent'; status: number | null; error: string };

export interface SendRequest {
  url: string;
  secret: string;
  deliveryId: string;
  body: string;
  now: Date;
  timeoutMs: number;
  /** Which addresses may be reached (WEBHOOK_ALLOWED_HOSTS); checked when the socket connects. */
  policy: WebhookTargetPolicy;
}

/**
 * A connection failure in a few words: the error code tells the admin what to fix, and nothing a
 * receiver (or whatever answers on an internal address) said is repeated.
 */
function describeFailure(error: NodeJS.ErrnoException, timeoutMs: number): string {
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return `timeout after ${timeoutMs} ms`;
  if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return `host not found (${error.code})`;
  return `connection failed (${error.code ?? error.name})`;
}

/**
 * POSTs one signed alert. Never throws: every failure becomes an outcome for the delivery log,
 * which records the status only — never the receiver's body, which for an internal service
 * would turn the delivery log into a way to read it.
 */
export async function sendWebhook(req: SendRequest): Promise<SendOutcome> {
  const target = new URL(req.url);
  // Sockets skip `lookup` for a literal address, so literals are judged here.
  const refusedLiteral = req.policy.refuseLiteral(target);
  if (refusedLiteral) return { kind: 'permanent', status: null, error: refusedLiteral.message };
  let res: IncomingMessage;
  try {
    res = await post(target, req);
  } catch (error) {
    if (error instanceof WebhookTargetRefused) return { kind: 'permanent', status: null, error: error.message };
    return { kind: 'retry', status: null, error: describeFailure(error as NodeJS.ErrnoException, req.timeoutMs), retryAfter: null };
  }
  // Release the connection without reading what the receiver said.
  res.destroy();
  const status = res.statusCode ?? 0;
  if (status >= 200 && status < 300) return { kind: 'success', status };
  // A redirected POST may turn into a GET and drop the body: the URL must be fixed instead.
  if (status >= 300 && status < 400) return { kind: 'permanent', status, error: `HTTP ${status}: redirects are not followed` };
  const error = `HTTP ${status}`;
  if (status === 408 || status === 429 || status >= 500) return { kind: 'retry', status, error, retryAfter: headerValue(res.headers['retry-after']) };
  return { kind: 'permanent', status, error };
}

const headerValue = (value: string | string[] | undefined): string | null => (Array.isArray(value) ? (value[0] ?? null) : (value ?? null));

/**
 * One POST through the policy's checked `lookup`, resolving with the response once its headers
 * arrived (`timeoutMs` covers connecting and waiting for them). A fresh connection every time
 * (`agent: false`): a pooled socket would skip the connect-time check.
 */
function post(target: URL, req: SendRequest): Promise<IncomingMessage> {
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(target, {
      method: 'POST',
      agent: false,
      lookup: req.policy.lookup,
      signal: AbortSignal.timeout(req.timeoutMs),
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(req.body),
        'user-agent': 'StoreVoice-Webhooks/1',
        [SIGNATURE_HEADER]: signatureHeader(req.secret, req.body, Math.floor(req.now.getTime() / 1000)),
        [DELIVERY_HEADER]: req.deliveryId,
      },
    });
    outgoing.once('response', resolve);
    // `on`, not `once`: the timeout may still abort (and error) a request that already answered.
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });
}
