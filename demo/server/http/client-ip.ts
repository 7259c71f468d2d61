import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The client's IP address. Behind `trustedHops` reverse proxies it is read from
 * X-Forwarded-For, counting from the right: entries further left were written by the client
 * itself and could be anything, so only the one our nearest trusted proxy saw is believed.
 */
export function clientIp(c: Context, trustedHops: number): string {
  const socket = getConnInfo(c).remote.address ?? 'unknown';
  if (trustedHops === 0) return socket;
  const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (forwarded.length === 0) return socket;
  return forwarded[Math.max(0, forwarded.length - trustedHops)] ?? socket;
}
