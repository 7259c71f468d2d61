import type { Answer, Submission } from '../../sdk/schema/index.js';
import { uuidv7 } from '../../sdk/internal/uuid.js';
import type { Queryable } from '../server/db/database.js';
import { rotatePulseKey } from '../server/pulse/keys.js';
import { createRandom, type Random } from './random.js';
import { DEMO_PULSE_KEY_PREFIX } from '../server/auth/demo-credentials.js';

/** The demo's pulse key of a store: fixed, like `pk_demo`, so the printed link works after a restart. */
export const demoPulseKey = (store: string): string => `${DEMO_PULSE_KEY_PREFIX}${store}`;

/** Every demo store gets a pulse link. */
const STORES = ['042', '017', '023', '101', '108', '115'] as const;

/**
 * Weekly pulse answers per store over the last twelve weeks: `perWeek` answers each week (a team
 * answering its pulse), `mood` the team's usual shift (1–5) and a dip `dipWeeksAgo`. Manchester
 * (115) is the small team that has answered only a few times: below STAFF_MIN_RESPONSES (10) in
 * any window, so the dashboard shows "not enough answers yet" for it.
 */
const TEAMS: Array<{ store: string; region: string; perWeek: [number, number]; weeks: number; mood: number; dipWeeksAgo?: number }> = [
  { store: '042', region: 'emea-north', perWeek: [10, 13], weeks: 12, mood: 4.1, dipWeeksAgo: 5 },
  { store: '017', region: 'emea-north', perWeek: [10, 12], weeks: 12, mood: 3.6 },
  { store: '108', region: 'uk-south', perWeek: [10, 12], weeks: 12, mood: 3.9, dipWeeksAgo: 1 },
  { store: '115', region: 'uk-south', perWeek: [1, 2], weeks: 3, mood: 3.5 },
];

const SUPPORT = ['staffing', 'tools', 'training', 'stock'] as const;
const COMMENTS = {
  low: ['Short-staffed on Saturday again.', 'The card terminal froze during the rush.', 'Deliveries arrived late and blocked the stockroom.', 'Nobody covered my break.'],
  high: ['Great team this week.', 'Loved the training session.', 'The new rota works much better.', 'Thanks for listening about the fitting rooms.'],
};

const clamp = (n: number, min: number, max: number) => Math.max(min, Math.min(max, n));

function answersFor(random: Random, mood: number): Answer[] {
  const shift = clamp(Math.round(mood + (random.next() - 0.5) * 2.4), 1, 5);
  const answers: Answer[] = [{ questionId: 'shift', type: 'smiley', value: shift }];
  if (shift <= 3) {
    const picked = SUPPORT.filter(() => random.chance(0.35));
    answers.push({ questionId: 'support', type: 'choice', value: picked.length > 0 ? picked : [random.pick(SUPPORT)] });
  }
  if (random.chance(0.85)) answers.push({ questionId: 'enps', type: 'nps', value: clamp(Math.round(shift * 2 + (random.next() - 0.3) * 3), 0, 10) });
  if (random.chance(0.35)) answers.push({ questionId: 'comment', type: 'text', value: random.pick(shift <= 3 ? COMMENTS.low : COMMENTS.high) });
  return answers;
}

/**
 * The demo's employee pulse, as the pulse page would have sent it (channel `employee`, no staff,
 * device or language: the collector would strip them anyway). Deterministic, like the rest of the seed.
 */
export function demoPulseSubmissions(until: Date): Submission[] {
  const random = createRandom(15);
  const out: Submission[] = [];
  const DAY = 86_400_000;
  for (const team of TEAMS) {
    for (let weeksAgo = team.weeks - 1; weeksAgo >= 0; weeksAgo--) {
      const count = random.int(...team.perWeek);
      const mood = team.dipWeeksAgo === weeksAgo ? team.mood - 1.4 : team.mood;
      for (let i = 0; i < count; i++) {
        // Spread over the week's seven days, in the daytime.
        const at = new Date(until.getTime() - weeksAgo * 7 * DAY - random.int(0, 6) * DAY - random.int(1, 10) * 3_600_000);
        out.push({
          id: uuidv7(at.getTime()),
          schemaVersion: 1,
          surveyId: 'employee-pulse',
          createdAt: at.toISOString(),
          context: { channel: 'employee', brand: 'acme', region: team.region, store: team.store },
          answers: answersFor(random, mood),
        });
      }
    }
  }
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Gives every demo store its fixed pulse key. */
export async function seedPulseKeys(db: Queryable, now: Date): Promise<void> {
  for (const store of STORES) await rotatePulseKey(db, 'acme', store, now, demoPulseKey(store));
}
