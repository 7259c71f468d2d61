import { expect } from '@open-wc/testing';
import { localize } from '../../../sdk/survey/index.js';

describe('localize', () => {
  const text = { en: 'Thanks', 'pt-BR': 'Valeu', pt: 'Obrigado', 'zh-Hant': '謝謝', ar: 'شكرا' };

  it('returns a plain string whatever the locale, and "" for no text', () => {
    expect(localize('Thanks', 'ar')).to.equal('Thanks');
    expect(localize('Thanks', undefined)).to.equal('Thanks');
    expect(localize(undefined, 'en')).to.equal('');
  });

  it('prefers the exact locale, case-insensitively', () => {
    expect(localize(text, 'pt-BR')).to.equal('Valeu');
    expect(localize(text, 'PT-br')).to.equal('Valeu');
    expect(localize(text, 'pt_BR')).to.equal('Valeu');
    expect(localize(text, 'ar')).to.equal('شكرا');
    expect(localize({ EN: 'Hi', 'Pt-Br': 'Oi' }, 'pt-br')).to.equal('Oi');
  });

  it('falls back from a region or script to the language', () => {
    expect(localize(text, 'pt-PT')).to.equal('Obrigado');
    expect(localize(text, 'ar-EG')).to.equal('شكرا');
    expect(localize(text, 'zh-Hant-TW')).to.equal('謝謝');
  });

  it('falls back from a language to its first regional text', () => {
    expect(localize({ en: 'Thanks', 'pt-PT': 'Obrigado', 'pt-BR': 'Valeu' }, 'pt')).to.equal('Obrigado');
    expect(localize({ en: 'Thanks', 'pt-PT': 'Obrigado' }, 'pt-BR')).to.equal('Obrigado');
  });

  it('does not mistake a language for another that starts the same', () => {
    expect(localize({ en: 'Thanks', 'es-ES': 'Gracias' }, 'e')).to.equal('Thanks');
    expect(localize({ fil: 'Salamat', en: 'Thanks' }, 'fi')).to.equal('Thanks');
  });

  it('falls back to en, then any English, then the first text', () => {
    expect(localize(text, 'fr')).to.equal('Thanks');
    expect(localize(text, undefined)).to.equal('Thanks');
    expect(localize(text, '')).to.equal('Thanks');
    expect(localize({ de: 'Danke', 'en-GB': 'Cheers' }, 'fr')).to.equal('Cheers');
    expect(localize({ de: 'Danke', fr: 'Merci' }, 'es')).to.equal('Danke');
    expect(localize({}, 'es')).to.equal('');
  });

  it('keeps an empty translation rather than falling back', () => {
    expect(localize({ en: 'Thanks', de: '' }, 'de')).to.equal('');
  });
});
