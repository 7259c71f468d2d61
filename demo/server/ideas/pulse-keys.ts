import type { Context } from 'hono';

/** The pulse key of a request: `Authorization: Bearer <key>`, or `?key=` as ingest accepts it. */
export function pulseKeyOf(c: Context): string | undefined {
  const header = c.req.header('authorization');
  const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return bearer ?? c.req.query('key') ?? undefined;
}
