import { MAX_SUBMISSION_BYTES } from '../limits.js';
import type { Submission } from '../schema/submission.js';

/** One request body, ready to send. */
export interface EncodedBody {
  /** JSON: the submission itself when alone, else `{ "submissions": [...] }`. */
  readonly body: string;
  /** `Idempotency-Key`: the submission id when alone, else {@link batchKey} of the ids. */
  readonly key: string;
  readonly ids: readonly string[];
}

const utf8 = new TextEncoder();

/** Bytes of `text` in UTF-8. */
export const byteLength = (text: string): number => utf8.encode(text).length;
/** `{"submissions":[` and `]}` */
const WRAPPER_BYTES = 18;

/**
 * Split a batch into request bodies of at most `maxCount` submissions and `maxBytes` bytes of
 * UTF-8: the collector answers 413 over 64 KB, and browsers refuse keepalive/beacon bodies over
 * 64 KB. A single submission is sent unwrapped, so one of the largest size the SDK queues
 * (`MAX_SUBMISSION_BYTES`) still fits.
 * @example
 * encode(batch, 100).map((part) => part.body.length);
 */
export function encode(batch: readonly Submission[], maxCount: number, maxBytes: number = MAX_SUBMISSION_BYTES): EncodedBody[] {
  const parts: EncodedBody[] = [];
  let json: string[] = [];
  let ids: string[] = [];
  let bytes = WRAPPER_BYTES;
  const flush = (): void => {
    if (ids.length === 1) parts.push({ body: json[0]!, key: ids[0]!, ids });
    else if (ids.length > 1) parts.push({ body: `{"submissions":[${json.join(',')}]}`, key: batchKey(ids), ids });
    json = [];
    ids = [];
    bytes = WRAPPER_BYTES;
  };
  for (const submission of batch) {
    const item = JSON.stringify(submission);
    const size = byteLength(item) + 1; // + the comma
    if (ids.length >= maxCount || (ids.length > 0 && bytes + size > maxBytes)) flush();
    json.push(item);
    ids.push(submission.id);
    bytes += size;
  }
  flush();
  return parts;
}

/**
 * The idempotency key of a batch: the same ids in the same order always give the same key, so a
 * resent batch is recognisable. 64 bits, because a collision would let a server that caches by
 * key answer for a different batch.
 * @example
 * batchKey(['0192f3a0-…', '0192f3a1-…']); // 'batch-3c5e…' (16 hex digits)
 */
export function batchKey(ids: readonly string[]): string {
  return `batch-${fnv1a64(ids.join(','))}`;
}

/**
 * FNV-1a, 64-bit, over UTF-16 code units (ids are ASCII, so these are its bytes), as 16 hex digits.
 * @example
 * fnv1a64('a'); // 'af63dc4c8601ec8c'
 */
export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash = BigInt.asUintN(64, (hash ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n);
  }
  return hash.toString(16).padStart(16, '0');
}
