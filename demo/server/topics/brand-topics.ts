import type { Queryable } from '../db/database.js';
import type { Logger } from '../log.js';
import { loadBrandSettings } from '../settings/repository.js';
import { DEFAULT_TOPICS } from './dictionary.js';
import { compileTopics, type CompiledTopics } from './tag.js';

let compiledDefaults: CompiledTopics | undefined;

/** The default dictionary, compiled (stemmed) once per process. */
export function defaultTopics(): CompiledTopics {
  return (compiledDefaults ??= compileTopics(DEFAULT_TOPICS));
}

interface Compiled {
  /** When the brand's settings were saved (`''` while on the defaults): recompile only after a change. */
  savedAt: string;
  topics: CompiledTopics;
}

// Per database object, like the settings cache, so collectors in one test process stay apart.
const compiledByDb = new WeakMap<object, Map<string, Compiled>>();

/**
 * A brand's topic dictionary, compiled. The settings are cached for 30 s per instance
 * (settings/repository.ts); the compiled form is kept until the brand saves its settings again,
 * so ingest stems the keywords once per change, not once per comment.
 */
export async function brandTopics(db: Queryable, brandId: string, log?: Pick<Logger, 'error'>): Promise<CompiledTopics> {
  const { settings, updatedAt } = await loadBrandSettings(db, brandId, log);
  if (updatedAt === null) return defaultTopics();
  let byBrand = compiledByDb.get(db);
  if (!byBrand) compiledByDb.set(db, (byBrand = new Map()));
  const savedAt = updatedAt.toISOString();
  const hit = byBrand.get(brandId);
  if (hit?.savedAt === savedAt) return hit.topics;
  const topics = compileTopics(settings.topics);
  byBrand.set(brandId, { savedAt, topics });
  return topics;
}
