import type { TopicDictionary } from './dictionary.js';
import { stem } from './stemmers.js';

/** One keyword, ready to match: its words' stems, or a prefix for `word*` keywords. */
type Matcher = { stems: string[] } | { prefix: string };

/** A dictionary compiled once (stemming every keyword), then used for every comment. */
export interface CompiledTopics {
  /** Languages with keywords. */
  readonly languages: ReadonlySet<string>;
  /** Topic ids per language with their matchers. */
  readonly byLanguage: ReadonlyMap<string, ReadonlyArray<[topic: string, matchers: Matcher[]]>>;
}

const segmenters = new Map<string, Intl.Segmenter>();

/**
 * The words of `text` in `lang`, lowercased, by the runtime's Unicode word segmentation
 * (Intl.Segmenter: punctuation, apostrophes and scripts without spaces such as Japanese handled
 * by ICU rather than by hand-written rules).
 */
export function words(text: string, lang: string): string[] {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(Intl.Segmenter.supportedLocalesOf([lang]).length > 0 ? lang : 'en', { granularity: 'word' });
    segmenters.set(lang, segmenter);
  }
  const out: string[] = [];
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) out.push(segment.segment.toLocaleLowerCase(lang));
  return out;
}

export function compileTopics(dictionary: TopicDictionary): CompiledTopics {
  const byLanguage = new Map<string, Array<[string, Matcher[]]>>();
  for (const [topic, { keywords }] of Object.entries(dictionary)) {
    for (const [lang, list] of Object.entries(keywords)) {
      const matchers = list.map((keyword): Matcher => {
        const lower = keyword.toLocaleLowerCase(lang);
        return lower.endsWith('*') ? { prefix: lower.slice(0, -1) } : { stems: words(lower, lang).map((w) => stem(w, lang)) };
      });
      const entries = byLanguage.get(lang) ?? [];
      entries.push([topic, matchers.filter((m) => !('stems' in m) || m.stems.length > 0)]);
      byLanguage.set(lang, entries);
    }
  }
  return { languages: new Set(byLanguage.keys()), byLanguage };
}

function matches(matcher: Matcher, tokens: readonly string[], stems: readonly string[]): boolean {
  if ('prefix' in matcher) return tokens.some((t) => t.startsWith(matcher.prefix));
  const n = matcher.stems.length;
  for (let i = 0; i + n <= stems.length; i++) if (matcher.stems.every((s, j) => stems[i + j] === s)) return true;
  return false;
}

/**
 * The topics of a comment, sorted. `lang` is the primary subtag of the customer's locale; when the
 * dictionary has no keywords in it (or it is unknown), every language's keywords are tried, since
 * a topic word rarely means something else in another language.
 */
export function tagTopics(text: string, lang: string | undefined, topics: CompiledTopics): string[] {
  const languages = lang !== undefined && topics.languages.has(lang) ? [lang] : [...topics.languages];
  const found = new Set<string>();
  for (const language of languages) {
    const tokens = words(text, language);
    const stems = tokens.map((t) => stem(t, language));
    for (const [topic, matchers] of topics.byLanguage.get(language) ?? []) {
      if (!found.has(topic) && matchers.some((m) => matches(m, tokens, stems))) found.add(topic);
    }
  }
  return [...found].sort();
}

/** The primary language subtag of a locale (`sv-SE` → `sv`), or undefined. */
export const languageOf = (locale: string | undefined): string | undefined => locale?.split('-')[0]?.toLowerCase() || undefined;
