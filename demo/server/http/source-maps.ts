import type { MiddlewareHandler } from 'hono';

/**
 * Source maps rebuild the original source of the bundles (comments included) for anyone who asks;
 * in production (NODE_ENV=production) every `.map` path answers 404, whichever route would serve it.
 * Developers keep them: the demo and tests run without NODE_ENV=production.
 */
export function hideSourceMaps(production: boolean): MiddlewareHandler {
  return async (c, next) => {
    if (production && c.req.path.endsWith('.map')) return c.json({ error: 'not_found', message: `No route for ${c.req.method} ${c.req.path}` }, 404);
    await next();
  };
}
