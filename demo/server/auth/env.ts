import type { Session } from './sessions.js';

/** Hono environment of routes behind {@link requireSession}: the session is on `c.var.session`. */
export interface AuthEnv {
  Variables: { session: Session };
}
