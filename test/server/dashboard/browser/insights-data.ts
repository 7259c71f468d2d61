import { uuidv7, type Answer, type Submission } from '../../../../sdk/index.js';
import type { AppContext } from '../../../../demo/server/context.js';
import { storeSubmissions } from '../../../../demo/server/ingest/store.js';

/**
 * What the insight views need on top of the stats fixture (the browser tests' "today" is
 * 2026-03-07, the default range 02-06…03-07, its previous period 01-07…02-05):
 * - movers over 28 days (02-08…03-07 against 01-11…02-07): North Two falls from NPS +100 to
 *   −62.5, South One rises from −100 to +60, North One falls from +100 to +16.7;
 * - a previous period for North One's key figures (6 promoters in January);
 * - the store-exit survey (its follow-up "What went wrong?" in English and German) answered 28
 *   times at North One's kiosk, each with a comment — more than a page of comments.
 * Submitted through ingest's storeSubmissions(), so answers, devices and languages are counted
 * as they are for real feedback.
 */
export const STORE_EXIT = {
  id: 'store-exit',
  version: 1,
  title: { en: 'How was your visit?', de: 'Wie war Ihr Besuch?' },
  questions: [
    { id: 'mood', type: 'smiley', prompt: { en: 'How was your visit today?', de: 'Wie war Ihr Besuch heute?' }, required: true },
    {
      id: 'reasons',
      type: 'choice',
      prompt: { en: 'What went wrong?', de: 'Was lief schief?' },
      multiple: true,
      options: [
        { id: 'queue', label: { en: 'Long queue at the till', de: 'Lange Schlange an der Kasse' } },
        { id: 'help', label: { en: 'No one to help me', de: 'Niemand konnte mir helfen' } },
        { id: 'stock', label: { en: 'Item out of stock', de: 'Artikel nicht vorrätig' } },
      ],
    },
    { id: 'comment', type: 'text', prompt: { en: 'Anything else?', de: 'Sonst noch etwas?' } },
  ],
};

const REGION: Record<string, string> = { n1: 'north', n2: 'north', s1: 'south' };

function submission(store: string, at: string, answers: Answer[], channel: 'web' | 'kiosk', surveyId: string, locale = 'en'): Submission {
  return { id: uuidv7(Date.parse(at)), schemaVersion: 1, surveyId, createdAt: at, context: { channel, brand: 'acme', region: REGION[store], store, locale }, answers };
}
const nps = (store: string, day: string, value: number, hour = 12) => submission(store, `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`, [{ questionId: 'recommend', type: 'nps', value }], 'web', 'post-purchase');

/** The 28 kiosk comments at North One: which reasons each gives, and its text. */
export const EXIT_COMMENTS = Array.from({ length: 28 }, (_, i) => {
  const reasons = i % 3 === 0 ? ['queue'] : i % 3 === 1 ? ['queue', 'help'] : ['stock'];
  const text = reasons.includes('queue') ? `Queue at the till, visit ${i + 1}` : `Nothing in my size, visit ${i + 1}`;
  return { day: `2026-02-${String(10 + (i % 18)).padStart(2, '0')}`, hour: 8 + (i % 9), mood: i % 2 === 0 ? 1 : 2, reasons, text };
});

export async function seedInsights(ctx: AppContext): Promise<void> {
  await ctx.db.query('INSERT INTO surveys (id, version, definition) VALUES ($1, 1, $2::text::jsonb) ON CONFLICT (id) DO UPDATE SET definition = excluded.definition', [STORE_EXIT.id, JSON.stringify(STORE_EXIT)]);
  const rows: Submission[] = [];
  for (let i = 0; i < 6; i++) rows.push(nps('n2', `2026-01-${15 + i}`, 9), nps('n2', `2026-02-${15 + i}`, 2));
  for (let i = 0; i < 4; i++) rows.push(nps('s1', `2026-01-${15 + i}`, 0), nps('s1', `2026-02-${15 + i}`, 10));
  for (let i = 0; i < 6; i++) rows.push(nps('n1', `2026-01-${20 + i}`, 10));
  for (const c of EXIT_COMMENTS) {
    rows.push(
      submission('n1', `${c.day}T${String(c.hour).padStart(2, '0')}:15:00.000Z`, [
        { questionId: 'mood', type: 'smiley', value: c.mood },
        { questionId: 'reasons', type: 'choice', value: c.reasons },
        { questionId: 'comment', type: 'text', value: c.text },
      ], 'kiosk', STORE_EXIT.id, 'sv'),
    );
  }
  const hooks = ctx.afterIngest.splice(0);
  try {
    await storeSubmissions(ctx, 'acme', rows);
  } finally {
    ctx.afterIngest.push(...hooks);
  }
}
