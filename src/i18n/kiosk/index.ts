import type { KioskMessages } from '../messages.js';
import { ar } from './ar.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { he } from './he.js';
import { ja } from './ja.js';
import { ptBR } from './pt-br.js';

/**
 * The kiosk's texts by primary language subtag. All eight are bundled into the kiosk chunk (about
 * 2 KB gzip together): the attract screen names every offered language in that language, and a
 * kiosk must switch language offline, so loading them one by one would buy nothing.
 */
const catalogs: Readonly<Record<string, KioskMessages>> = { en, fr, de, es, pt: ptBR, ja, ar, he, iw: he };

/** The kiosk catalog for a language tag (`fr-CA` → French), or `undefined` when there is none. */
export function kioskCatalog(tag: string): KioskMessages | undefined {
  return catalogs[tag.trim().toLowerCase().replaceAll('_', '-').split('-')[0] ?? ''];
}
