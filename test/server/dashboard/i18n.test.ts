import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Formatter } from '../../../demo/pages/dashboard/format/formatter.js';
import { formatMetric } from '../../../demo/pages/dashboard/format/metric.js';
import { CATALOGS, DASHBOARD_LOCALES, formatLocale, resolveLocale } from '../../../demo/pages/dashboard/i18n/locales.js';
import type { Messages } from '../../../demo/pages/dashboard/i18n/messages.js';
import { compareTexts } from '../../../demo/pages/dashboard/views/compare/texts.js';
import { ideasTexts } from '../../../demo/pages/dashboard/views/ideas/texts.js';
import { kudosTexts, recognitionTexts } from '../../../demo/pages/dashboard/views/kudos/texts.js';
import { overviewTexts } from '../../../demo/pages/dashboard/views/overview/texts.js';
import { pulseTexts } from '../../../demo/pages/dashboard/views/pulse/texts.js';
import { reasonsTexts } from '../../../demo/pages/dashboard/views/reasons/texts.js';
import { localeCodes } from '../../../src/i18n/locales.js';

const NNBSP = '\u202f'; // narrow no-break space

describe('dashboard formatting (Intl, per locale)', () => {
  it('formats counts and scores the way each language writes numbers', () => {
    assert.equal(new Formatter('en').count(12345), '12,345');
    assert.equal(new Formatter('de').count(12345), '12.345');
    assert.equal(new Formatter('fr').count(12345), `12${NNBSP}345`);
    // NPS carries its sign; zero has none.
    assert.equal(new Formatter('en').nps(33.3), '+33.3');
    assert.equal(new Formatter('en').nps(-12), '-12');
    assert.equal(new Formatter('en').nps(0), '0');
    assert.equal(new Formatter('de').nps(-7.5), '-7,5');
    // CSAT comes as 0…100 and reads as a percentage.
    assert.equal(new Formatter('en').percent(83.3), '83.3%');
    assert.equal(new Formatter('fr').percent(83.3), '83,3\u00a0%');
    assert.equal(new Formatter('en').average(4), '4.0');
    assert.equal(new Formatter('pt-BR').average(4.25), '4,25');
  });

  it('shows a UTC day as that day, whatever the zone of the machine', () => {
    assert.equal(new Formatter('en').day('2026-03-01'), 'Mar 1, 2026');
    assert.equal(new Formatter('de').day('2026-03-01'), '01.03.2026');
    assert.equal(new Formatter('ja').day('2026-03-01'), '2026/03/01');
    assert.equal(new Formatter('en').day('not a day'), 'not a day');
  });

  it("shows a moment in the store's own time zone, naming the zone", () => {
    const f = new Formatter('en-GB');
    // 09:00 UTC is 10:00 in Oslo in winter and 11:00 in summer; 09:00 in London in winter.
    assert.match(f.dateTime('2026-03-01T09:00:00Z', 'Europe/Oslo'), /1 Mar 2026, 10:00 CET/);
    assert.match(f.dateTime('2026-07-01T09:00:00Z', 'Europe/Oslo'), /1 Jul 2026, 11:00 CEST/);
    assert.match(f.dateTime('2026-03-01T09:00:00Z', 'Europe/London'), /09:00 GMT/);
    // Late evening UTC is already the next day in Tokyo.
    assert.match(new Formatter('ja').dateTime('2026-03-01T20:00:00Z', 'Asia/Tokyo'), /2026年3月2日/);
    // A zone the browser does not know falls back to UTC, labelled as such.
    assert.match(f.dateTime('2026-03-01T09:00:00Z', 'Mars/Olympus_Mons'), /09:00 UTC/);
  });

  it('joins names as each language does', () => {
    assert.equal(new Formatter('en').list(['Ann', 'Bob', 'Cat']), 'Ann, Bob, and Cat');
    assert.equal(new Formatter('fr').list(['Ann', 'Bob']), 'Ann et Bob');
  });

  it('says why a score is missing instead of showing a number', () => {
    const f = new Formatter('fr');
    const m = CATALOGS.fr;
    assert.equal(formatMetric({ value: 12.5, n: 40, insufficientResponses: false }, 'nps', f, m), '+12,5');
    assert.equal(formatMetric({ value: null, n: 3, insufficientResponses: true }, 'nps', f, m), 'Pas assez de réponses');
    assert.equal(formatMetric({ value: null, n: 0, insufficientResponses: false }, 'percent', f, m), '—');
  });
});

describe('dashboard languages', () => {
  it("speaks exactly the widget's languages", () => {
    assert.deepEqual([...DASHBOARD_LOCALES], [...localeCodes]);
  });

  it("picks the first of the browser's languages it speaks, by tag or by language", () => {
    assert.equal(resolveLocale(['fr-CA', 'en']), 'fr');
    assert.equal(resolveLocale(['pt-PT']), 'pt-BR');
    assert.equal(resolveLocale(['pt_br']), 'pt-BR');
    assert.equal(resolveLocale(['zh-CN', 'de-AT']), 'de');
    assert.equal(resolveLocale(['iw']), 'he');
    assert.equal(resolveLocale(['zh-CN']), 'en');
    assert.equal(resolveLocale([]), 'en');
  });

  it('writes Arabic and Hebrew right to left, the others left to right', () => {
    for (const code of DASHBOARD_LOCALES) assert.equal(CATALOGS[code].dir, code === 'ar' || code === 'he' ? 'rtl' : 'ltr', code);
  });

  /** Every text of a catalog, functions called with sample values, by path. */
  function texts(catalog: Messages): Map<string, string> {
    const out = new Map<string, string>();
    const walk = (value: unknown, path: string) => {
      if (typeof value === 'string') out.set(path, value);
      else if (typeof value === 'function') out.set(path, String((value as (...args: unknown[]) => unknown)('7', '8')));
      else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
    };
    walk(catalog, '');
    return out;
  }

  it('has every text translated in every language (not empty, not left in English)', () => {
    const english = texts(CATALOGS.en);
    // Names and abbreviations every language writes the same way, and words a language borrows.
    const same = ['dir', 'app.title', 'kpi.nps', 'kpi.csat', 'kpi.n', 'comments.npsScore', 'distribution.nps', 'distribution.csat', 'groups.npsN', 'groups.csatN', 'movers.fromTo', 'movers.n', 'comments.answer'];
    const borrowed: Partial<Record<string, string[]>> = {
      es: ['comments.bands.detractor', 'comments.no'],
      fr: ['distribution.smiley', 'kpi.points', 'segments.label'],
      de: [
        'live.live',
        'place.region',
        'groups.region',
        'groups.smileyN',
        'distribution.smiley',
        'kpi.regionBenchmark',
        'segments.channels.web',
        'segments.channels.kiosk',
        'segments.channels.app',
        'segments.devices.kiosk',
        'segments.devices.tablet',
        'segments.devices.desktop',
      ],
      'pt-BR': ['login.email', 'segments.devices.tablet'],
    };
    for (const code of DASHBOARD_LOCALES) {
      if (code === 'en') continue;
      const catalog = texts(CATALOGS[code]);
      assert.deepEqual([...catalog.keys()].sort(), [...english.keys()].sort(), `${code} has the same texts as en`);
      const allowed = new Set([...same, ...(borrowed[code] ?? [])]);
      for (const [path, text] of catalog) {
        assert.ok(text.trim().length > 0, `${code} ${path} is empty`);
        if (!allowed.has(path)) assert.notEqual(text, english.get(path), `${code} ${path} is still English: "${text}"`);
      }
    }
  });

  it("has each view's own texts in every language", () => {
    const tables = { ...overviewTexts, ...kudosTexts, pulseTitle: pulseTexts.title, pulseResults: pulseTexts.results };
    for (const [name, table] of Object.entries(tables)) {
      for (const code of DASHBOARD_LOCALES) assert.ok(table[code].trim().length > 0, `${name} ${code}`);
    }
    for (const code of DASHBOARD_LOCALES) assert.match(pulseTexts.intro[code]('10'), /10/, `pulse intro ${code}`);
  });

  it('has the compare and reasons views\' texts in every language, each value in its sentence, none left in English', () => {
    const untranslated: string[] = [];
    for (const [view, table] of Object.entries({ compare: compareTexts, reasons: reasonsTexts })) {
      for (const [name, perLocale] of Object.entries(table)) {
        const english = JSON.stringify(render(perLocale.en));
        for (const code of DASHBOARD_LOCALES) {
          const text = render((perLocale as Record<string, unknown>)[code]);
          assert.ok(JSON.stringify(text).replace(/"/g, '').trim().length > 0, `${view}.${name} ${code} is empty`);
          if (typeof (perLocale as Record<string, unknown>)[code] === 'function') assert.match(String(text), /7/, `${view}.${name} ${code} leaves out its value`);
          if (code !== 'en' && JSON.stringify(text) === english) untranslated.push(`${code} ${view}.${name}`);
        }
      }
    }
    // Words French writes as English does.
    assert.deepEqual(untranslated, ['fr reasons.question']);
  });

  it('has the ideas and recognition texts in every language, translated', () => {
    const flat = (prefix: string, table: object): Array<[string, Record<string, unknown>]> =>
      Object.entries(table).flatMap(([key, value]) => ('en' in (value as object) ? [[`${prefix}${key}`, value as Record<string, unknown>]] : flat(`${prefix}${key}.`, value as object)));
    for (const [name, table] of [...flat('ideas.', ideasTexts), ...flat('recognition.', recognitionTexts)]) {
      for (const code of DASHBOARD_LOCALES) {
        const entry = table[code];
        const text = typeof entry === 'function' ? (entry as (s: string) => string)('X7') : String(entry);
        assert.ok(text.trim().length > 0, `${name} ${code}`);
        if (typeof entry === 'function') assert.match(text, /X7/, `${name} ${code} shows its value`);
        // The same word in both languages: "Ideas" in Spanish, "Status" in German and Portuguese.
        const same = new Set(['ideas.title es', 'ideas.columns.submitted es', 'ideas.statusLabel de', 'ideas.statusLabel pt-BR']);
        const english = typeof table.en === 'function' ? (table.en as (s: string) => string)('X7') : String(table.en);
        if (code !== 'en' && !same.has(`${name} ${code}`)) assert.notEqual(text, english, `${name} ${code} is still English`);
      }
    }
  });
});

/** A text for comparison: a function called with sample values, an object of texts as is. */
function render(value: unknown): unknown {
  return typeof value === 'function' ? (value as (...args: string[]) => unknown)('7', '8') : value;
}

describe('dashboard number and date locale', () => {
  it("writes numbers and dates in the browser's regional variant of the chosen language", () => {
    assert.equal(formatLocale('en', ['en-GB', 'en']), 'en-GB');
    assert.equal(formatLocale('de', ['en-GB', 'de-AT']), 'de-AT');
    assert.equal(formatLocale('pt-BR', ['pt-PT']), 'pt-PT');
    assert.equal(formatLocale('fr', ['en-US']), 'fr');
    assert.equal(formatLocale('ja', ['not a tag', 'ja-JP']), 'ja-JP');
  });
});
