import type { Hono } from 'hono';
import type { AuthEnv } from '../../auth/env.js';
import type { AppContext } from '../../context.js';

/** An endpoint module: registers its route(s) on the stats app. */
export type StatsEndpoint = (app: Hono<AuthEnv>, ctx: AppContext) => void;
