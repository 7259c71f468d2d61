import type { Context } from 'hono';
import { unstorablePath } from '../db/storable-text.js';
import { ApiError } from './errors.js';

/**
 * Fails with 415 unless the request's media type is one of `types` (parameters such as
 * `charset` are ignored; browsers send `text/plain;charset=UTF-8` for beacons).
 */
export function requireMediaType(c: Context, types: readonly string[]): string {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!types.includes(type)) {
    throw new ApiError(415, 'unsupported_media_type', `Content-Type must be ${types.join(' or ')}${type ? `, not ${type}` : ''}`);
  }
  return type;
}

/**
 * Reads the request body as UTF-8 text, never holding more than `maxBytes` of it: a declared
 * Content-Length over the limit fails before reading, and a chunked body fails as soon as the
 * streamed bytes pass the limit (413 `payload_too_large`).
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () => new ApiError(413, 'payload_too_large', `body over ${maxBytes} bytes`);
  const declared = request.headers.get('content-length');
  if (declared !== null) {
    if (Number(declared) > maxBytes) throw tooLarge();
    // Node's HTTP parser delivers exactly Content-Length bytes, so the body fits: read it in one
    // go. @hono/node-server then reads it straight from the socket, where touching `body` would
    // build a fetch Request and a web stream for every submission (a tenth of ingest's CPU).
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (bytes.byteLength > maxBytes) throw tooLarge();
    return decodeUtf8(bytes);
  }
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decodeUtf8(bytes);
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(400, 'invalid_json', 'body is not valid UTF-8');
  }
}

/**
 * Reads and parses a JSON body of at most `maxBytes` (400 `invalid_json` when it is not JSON, 400
 * `invalid_text` when a string in it cannot be stored; see {@link requireStorableText}).
 * Ingest reads its bodies itself: feedback text is cleaned rather than refused.
 */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  return requireStorableText(parseJson(await readBodyText(request, maxBytes)));
}

/**
 * Returns `value` unless a string in it (or a key) holds a NUL character or an unpaired surrogate,
 * which PostgreSQL cannot store or compare: then 400 `invalid_text` naming where, instead of the
 * 500 the database error would become.
 */
export function requireStorableText<T>(value: T): T {
  const path = unstorablePath(value);
  if (path !== undefined) {
    throw new ApiError(400, 'invalid_text', `${path || 'body'}: contains a NUL character or an unpaired surrogate, which cannot be stored`, { path });
  }
  return value;
}

/** `JSON.parse` with a 400 `invalid_json` that says where parsing failed. */
export function parseJson(text: string): unknown {
  if (text.trim() === '') throw new ApiError(400, 'invalid_json', 'body is empty; expected JSON');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, 'invalid_json', `body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}
