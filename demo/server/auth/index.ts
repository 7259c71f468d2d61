/** Dashboard authentication: users, sessions, CSRF, and the middleware other modules mount. */
export { upsertUser, UserInputSchema, type UserInput } from './users.js';
export { requireSession } from './middleware.js';
export { authRoutes } from './routes.js';
export type { AuthEnv } from './env.js';
export type { Session } from './sessions.js';
export type { Role, User } from './roles.js';
