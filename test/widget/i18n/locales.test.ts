import { expect } from '@open-wc/testing';
import { ar } from '../../../src/i18n/ar.js';
import { de } from '../../../src/i18n/de.js';
import { en } from '../../../src/i18n/en.js';
import { es } from '../../../src/i18n/es.js';
import { fr } from '../../../src/i18n/fr.js';
import { he } from '../../../src/i18n/he.js';
import { ja } from '../../../src/i18n/ja.js';
import { loadMessages, localeCodes, messagesFor, resolveLocale, type LocaleCode } from '../../../src/i18n/locales.js';
import type { Messages } from '../../../src/i18n/messages.js';
import { ptBR } from '../../../src/i18n/pt-br.js';

const catalogs: Record<LocaleCode, Messages> = { en, es, fr, de, 'pt-BR': ptBR, ar, he, ja };

const counts = [0, 1, 2, 5, 11, 100] as const;
const codes = [...localeCodes];

/** Every string a catalog can produce for a key: the string itself, each label, or the function's output for each count. */
function outputs(value: Messages[keyof Messages]): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return [...(value as readonly string[])];
  const fn = value as (a: number, b: number) => string;
  return counts.flatMap((n) => [fn(n, 5), fn(n, n), fn(n, 10)]);
}

describe('i18n catalogs', () => {
  it('ships en, es, fr, de, pt-BR, ar, he and ja', () => {
    expect(codes).to.have.members(['en', 'es', 'fr', 'de', 'pt-BR', 'ar', 'he', 'ja']);
  });

  for (const code of codes) {
    describe(code, () => {
      const catalog: Messages = catalogs[code];

      it('has exactly the keys of the English reference, each of the same kind', () => {
        expect(Object.keys(catalog)).to.have.members(Object.keys(en));
        for (const key of Object.keys(en) as (keyof Messages)[]) {
          expect(typeof catalog[key], key).to.equal(typeof en[key]);
          if (Array.isArray(en[key])) expect(catalog[key], key).to.have.length((en[key] as readonly string[]).length);
          if (typeof en[key] === 'function') expect((catalog[key] as () => string).length, key).to.equal((en[key] as () => string).length);
        }
      });

      it('gives a non-empty text for every message, and for every count', () => {
        for (const key of Object.keys(en) as (keyof Messages)[]) {
          for (const text of outputs(catalog[key])) {
            expect(text, `${code}.${key}`).to.be.a('string');
            expect(text.trim(), `${code}.${key}`).to.not.equal('');
            expect(text, `${code}.${key}`).to.not.match(/undefined|NaN|\$\{/);
          }
        }
      });

      it('puts the numbers it is given into counted messages', () => {
        expect(catalog.progress(2, 7)).to.contain('2').and.contain('7');
        expect(catalog.starsLabel(3, 5)).to.contain('3').and.contain('5');
        expect(catalog.errorTooLong(500)).to.contain('500');
        expect(catalog.errorTooMany(3)).to.contain('3');
        expect(catalog.charactersLeft(42)).to.contain('42');
      });

      it('quotes its own label for “Other” in the error that mentions it', () => {
        expect(catalog.errorOtherRequired).to.contain(catalog.other);
      });

      it(`is marked ${code === 'ar' || code === 'he' ? 'right to left' : 'left to right'}`, () => {
        expect(catalog.dir).to.equal(code === 'ar' || code === 'he' ? 'rtl' : 'ltr');
      });

      it('loads on demand as the same catalog', async () => {
        expect(await loadMessages(code)).to.equal(catalog);
        expect(messagesFor(code)).to.equal(catalog);
      });
    });
  }

  describe('plural forms', () => {
    it('Arabic agrees the noun with all six CLDR categories', () => {
      const { charactersLeft } = catalogs.ar;
      // zero, one, two, few (3–10), many (11–99), other (100+): six different sentences.
      const forms = [0, 1, 2, 3, 11, 100].map((n) => charactersLeft(n));
      expect(new Set(forms).size).to.equal(6);
      expect(charactersLeft(1)).to.equal('تبقّى حرف واحد');
      expect(charactersLeft(2)).to.equal('تبقّى حرفان');
      expect(charactersLeft(5)).to.equal('تبقّى 5 أحرف');
      expect(charactersLeft(11)).to.equal('تبقّى 11 حرفًا');
      expect(charactersLeft(100)).to.equal('تبقّى 100 حرف');
      expect(catalogs.ar.starsLabel(2, 5)).to.equal('نجمتان من 5');
    });

    it('French counts 0 and 1 as singular', () => {
      expect(catalogs.fr.charactersLeft(0)).to.equal('0 caractère restant');
      expect(catalogs.fr.charactersLeft(1)).to.equal('1 caractère restant');
      expect(catalogs.fr.charactersLeft(2)).to.equal('2 caractères restants');
    });

    it('singular and plural differ where the language has them', () => {
      for (const code of ['es', 'pt-BR', 'he'] as const) {
        expect(catalogs[code].charactersLeft(1), code).to.not.equal(catalogs[code].charactersLeft(2).replace('2', '1'));
        expect(catalogs[code].starsLabel(1, 5), code).to.not.equal(catalogs[code].starsLabel(2, 5).replace('2', '1'));
      }
      expect(catalogs.de.errorTooMany(1)).to.equal('Bitte wählen Sie nur eine Antwort.');
      expect(catalogs.de.starsLabel(1, 5)).to.equal('1 von 5 Sternen');
    });
  });
});

describe('resolveLocale', () => {
  it('matches a catalog exactly', () => {
    for (const code of codes) expect(resolveLocale(code)).to.equal(code);
  });

  it('ignores case, surrounding space, and reads _ as -', () => {
    expect(resolveLocale('pt-br')).to.equal('pt-BR');
    expect(resolveLocale('PT-BR')).to.equal('pt-BR');
    expect(resolveLocale('pt_BR')).to.equal('pt-BR');
    expect(resolveLocale('  FR ')).to.equal('fr');
    expect(resolveLocale('JA')).to.equal('ja');
  });

  it('falls back to the language when the region is unknown', () => {
    expect(resolveLocale('pt-PT')).to.equal('pt-BR');
    expect(resolveLocale('pt')).to.equal('pt-BR');
    expect(resolveLocale('es-MX')).to.equal('es');
    expect(resolveLocale('de-AT')).to.equal('de');
    expect(resolveLocale('fr-CA')).to.equal('fr');
    expect(resolveLocale('en-GB')).to.equal('en');
    expect(resolveLocale('ar-EG')).to.equal('ar');
    expect(resolveLocale('he-IL')).to.equal('he');
    expect(resolveLocale('ja-JP')).to.equal('ja');
    expect(resolveLocale('zh-Hant-TW')).to.equal('en');
  });

  it('reads the deprecated code iw as Hebrew', () => {
    expect(resolveLocale('iw-IL')).to.equal('he');
    expect(resolveLocale('auto', ['iw'])).to.equal('he');
  });

  it('gives English for what it cannot match', () => {
    expect(resolveLocale('zh-CN')).to.equal('en');
    expect(resolveLocale('klingon')).to.equal('en');
    expect(resolveLocale('-')).to.equal('en');
    // An explicit request is honoured as English, not replaced by the browser's preference.
    expect(resolveLocale('sv', ['de-DE'])).to.equal('en');
  });

  it('"auto", "" and undefined take the first preferred locale that matches', () => {
    expect(resolveLocale('auto', ['zh-CN', 'fr-CA', 'de'])).to.equal('fr');
    expect(resolveLocale('AUTO', ['pt-PT', 'en'])).to.equal('pt-BR');
    expect(resolveLocale(undefined, ['ja-JP', 'en-US'])).to.equal('ja');
    expect(resolveLocale('', ['he'])).to.equal('he');
    expect(resolveLocale('auto', ['en-US', 'ar'])).to.equal('en');
    expect(resolveLocale('auto', ['sv-SE', 'nb'])).to.equal('en');
    expect(resolveLocale('auto', [])).to.equal('en');
  });

  it('loadMessages and messagesFor accept any tag, resolved the same way', async () => {
    expect(await loadMessages('es-MX')).to.equal(catalogs.es);
    expect(messagesFor('es-MX')).to.equal(catalogs.es);
    expect(await loadMessages('pt-pt')).to.equal(catalogs['pt-BR']);
    expect(messagesFor('xx')).to.equal(catalogs.en);
    expect(resolveLocale('ar-SA')).to.equal('ar');
    expect(resolveLocale('he_IL')).to.equal('he');
    expect(resolveLocale('fa')).to.equal('en'); // no Persian catalog
  });

  it('"auto" without a list reads navigator.languages at call time', () => {
    const stub = (languages: readonly string[]) =>
      Object.defineProperty(navigator, 'languages', { configurable: true, get: () => languages });
    try {
      stub(['sv-SE', 'de-CH', 'en']);
      expect(resolveLocale('auto')).to.equal('de');
      stub(['he-IL']);
      expect(resolveLocale(undefined)).to.equal('he');
      stub([]);
      expect(resolveLocale('auto')).to.equal(resolveLocale(navigator.language));
    } finally {
      delete (navigator as { languages?: unknown }).languages;
    }
    expect(navigator.languages.length).to.be.above(0);
  });
});
