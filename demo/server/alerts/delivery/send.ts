import { DELIVERY_HEADER, SIGNATURE_HEADER, signatureHeader } from './sign.js';

/** What one POST to a webhook came to. */
export type SendOutcome =
  | { kind: 'success'; status: number }
  /** Worth retrying: 408, 429, 5xx, network errors, timeouts. */
  | { kind: 'retry'; status: number | null; error: string; retryAfter: string | null }
  /** Retrying cannot help: other 4xx, redirects. */
  | { kind: 'permanent'; status: number; error: string };

export interface SendRequest {
  url: string;
  secret: string;
  deliveryId: string;
  body: string;
  now: Date;
  timeoutMs: number;
}

/** Keeps the delivery log readable and bounded whatever a receiver answers. */
const MAX_ERROR_CHARS = 500;

async function excerpt(res: Response): Promise<string> {
  try {
    const text = (await res.text()).slice(0, MAX_ERROR_CHARS);
    return text ? `HTTP ${res.status}: ${text}` : `HTTP ${res.status}`;
  } catch {
    return `HTTP ${res.status}`;
  }
}

/** POSTs one signed alert. Never throws: every failure becomes an outcome for the delivery log. */
export async function sendWebhook(req: SendRequest): Promise<SendOutcome> {
  let res: Response;
  try {
    res = await fetch(req.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'StoreVoice-Webhooks/1',
        [SIGNATURE_HEADER]: signatureHeader(req.secret, req.body, Math.floor(req.now.getTime() / 1000)),
        [DELIVERY_HEADER]: req.deliveryId,
      },
      body: req.body,
      // A redirected POST may turn into a GET and drop the body: the URL must be fixed instead.
      redirect: 'manual',
      signal: AbortSignal.timeout(req.timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { kind: 'retry', status: null, error: timedOut ? `timeout after ${req.timeoutMs} ms` : `${String(error)}${cause}`, retryAfter: null };
  }
  const { status } = res;
  if (status >= 200 && status < 300) {
    // Release the connection without reading what the receiver said.
    await res.body?.cancel().catch(() => {});
    return { kind: 'success', status };
  }
  let error: string;
  if (status >= 300 && status < 400) {
    await res.body?.cancel().catch(() => {});
    error = `HTTP ${status}: redirect to ${res.headers.get('location') ?? '?'} not followed`;
  } else {
    error = await excerpt(res);
  }
  if (status === 408 || status === 429 || status >= 500) return { kind: 'retry', status, error, retryAfter: res.headers.get('retry-after') };
  return { kind: 'permanent', status, error };
}
