import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod/mini';
import { MAX_SUBMISSION_BYTES, SubmissionBatchSchema, SubmissionSchema, toValidationIssues, type Submission } from '../../sdk/index.js';

/**
 * A stand-in for the reference collector (issue 6 replaces it with Hono + PGlite/PostgreSQL):
 * enough of the DESIGN.md collector API to show the SDK against a real endpoint. It validates
 * with the SDK's own schemas and stores each submission id once, in memory.
 */
export function createMinimalCollector(writeKey: string) {
  const stored = new Map<string, Submission>();

  function send(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  async function readBody(req: IncomingMessage): Promise<string | undefined> {
    let size = 0;
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_SUBMISSION_BYTES * 2) return undefined;
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function ingest(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const bearer = req.headers.authorization?.replace(/^Bearer\s+/i, '') ?? url.searchParams.get('key');
    if (bearer !== writeKey) return send(res, 401, { error: 'missing or unknown write key' });
    const text = await readBody(req);
    if (text === undefined) return send(res, 413, { error: `body over ${MAX_SUBMISSION_BYTES * 2} bytes` });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return send(res, 400, { error: 'body is not JSON' });
    }
    const isBatch = typeof json === 'object' && json !== null && 'submissions' in json;
    const parsed = isBatch ? z.safeParse(SubmissionBatchSchema, json) : z.safeParse(SubmissionSchema, json);
    if (!parsed.success) return send(res, 400, { error: 'invalid submission', issues: toValidationIssues(parsed.error.issues, json) });
    const list = 'submissions' in parsed.data ? parsed.data.submissions : [parsed.data];
    let duplicates = 0;
    for (const submission of list) {
      if (stored.has(submission.id)) duplicates++;
      else stored.set(submission.id, submission);
    }
    send(res, 202, { accepted: list.length - duplicates, duplicates });
  }

  return {
    /** Handles `/v1/...`; returns false for other paths. */
    async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
      if (req.method === 'OPTIONS' && url.pathname.startsWith('/v1/')) {
        res.writeHead(204, { 'access-control-allow-headers': 'authorization, content-type, idempotency-key', 'access-control-allow-methods': 'POST, GET' });
        res.end();
        return true;
      }
      if (req.method === 'POST' && url.pathname === '/v1/submissions') {
        await ingest(req, res, url);
        return true;
      }
      if (req.method === 'GET' && url.pathname === '/v1/submissions') {
        send(res, 200, { submissions: [...stored.values()].slice(-50).reverse(), total: stored.size });
        return true;
      }
      return false;
    },
  };
}
