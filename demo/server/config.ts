import * as z from 'zod';

/**
 * The collector's configuration, read from environment variables and validated at start: a bad
 * value stops the process with a message naming the variable, never a half-working server.
 * Each module adds its own variables here, documented in docs/collector.md.
 */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** PostgreSQL URL; when absent, PGlite stores data under DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('.storevoice-data'),
  /** Origins allowed to POST submissions from browsers, comma-separated; `*` allows any. */
  CORS_ORIGINS: z.string().default('*'),
  /** Shared secret(s) for signed context tokens, comma-separated (several allow rotation). */
  CONTEXT_TOKEN_SECRETS: z.string().optional(),
  /** `required` rejects submissions without a valid token; `optional` verifies when present. */
  CONTEXT_TOKEN_MODE: z.enum(['off', 'optional', 'required']).default('optional'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Thrown for an invalid environment; the message lists every bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = ConfigSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
