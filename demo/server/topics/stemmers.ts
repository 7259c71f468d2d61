import { stemmer as danish } from '@orama/stemmers/danish';
import { stemmer as dutch } from '@orama/stemmers/dutch';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as finnish } from '@orama/stemmers/finnish';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as italian } from '@orama/stemmers/italian';
import { stemmer as norwegian } from '@orama/stemmers/norwegian';
import { stemmer as portuguese } from '@orama/stemmers/portuguese';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import { stemmer as swedish } from '@orama/stemmers/swedish';

/**
 * Snowball stemmers (Orama's maintained port) by primary language subtag. A language without
 * one (Japanese, whose words Intl.Segmenter already separates; Hebrew; Arabic, whose Snowball
 * stemmer strips too much for short keywords) compares whole lowercase words.
 */
const STEMMERS: Record<string, (word: string) => string> = {
  da: danish,
  nl: dutch,
  en: english,
  fi: finnish,
  fr: french,
  de: german,
  it: italian,
  nb: norwegian,
  nn: norwegian,
  no: norwegian,
  pt: portuguese,
  es: spanish,
  sv: swedish,
};

/** Stems already computed, by language and word; cleared when full (see {@link stem}). */
const known = new Map<string, string>();
const MAX_KNOWN = 20_000;

/**
 * The stem of a lowercase word in `lang`, or the word itself where no stemmer applies.
 * Remembered: customers' comments reuse a small vocabulary, and a Snowball stemmer costs more
 * than a map lookup on every word of every comment at ingest (and, for a comment without a
 * locale, once per dictionary language).
 */
export function stem(word: string, lang: string): string {
  const stemmer = STEMMERS[lang];
  if (!stemmer) return word;
  const key = `${lang}\u0000${word}`;
  let stemmed = known.get(key);
  if (stemmed === undefined) {
    if (known.size >= MAX_KNOWN) known.clear();
    stemmed = stemmer(word);
    known.set(key, stemmed);
  }
  return stemmed;
}
