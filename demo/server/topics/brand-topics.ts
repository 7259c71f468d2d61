import { DEFAULT_TOPICS } from './dictionary.js';
import { compileTopics, type CompiledTopics } from './tag.js';

let compiled: CompiledTopics | undefined;

/** The default dictionary, compiled (stemmed) once per process. */
export function defaultTopics(): CompiledTopics {
  return (compiled ??= compileTopics(DEFAULT_TOPICS));
}
