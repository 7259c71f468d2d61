import { uuidv7, type Answer, type Submission } from '../../../sdk/index.js';
import { upsertUser } from '../../../demo/server/auth/index.js';
import type { AppContext } from '../../../demo/server/context.js';
import { importHierarchy } from '../../../demo/server/hierarchy/import.js';
import { storeSubmissions } from '../../../demo/server/ingest/store.js';

/**
 * A retailer built to test the anonymity rule, with `STAFF_MIN_RESPONSES = MINIMUM`:
 * - store n1 (north): customer feedback naming `ann` (7 responses, above the minimum) and `eve`
 *   (2 responses, below it); 3 pulse answers (below the minimum);
 * - store n2 (north): 6 pulse answers (above the minimum);
 * - store s1 (south): 1 pulse answer.
 * Text that must never come back (outside the group that may see it) carries a marker; times and
 * ids of pulse answers are kept so a test can look for them in any answer.
 */
export const MINIMUM = 5;
export const PASSWORD = 'correct horse battery';
export const RANGE = 'from=2026-03-01&to=2026-03-07';
export const NOW = new Date('2026-03-07T18:00:00Z');

/** Pulse comments from groups below the minimum: never shown anywhere, to anyone. */
export const PULSE_SMALL = 'PULSE-SMALL';
/** Pulse comments from n2, above the minimum: shown to its managers, by day only. */
export const PULSE_OK = 'PULSE-OK';
/** Negative feedback about eve (below the minimum): team feedback, never attributed to her. */
export const EVE_SMALL = 'EVE-SMALL';
/** A device and a tag sent with pulse answers: must not even be stored. */
export const PULSE_DEVICE = 'pulse-phone-7';
export const PULSE_TAG = 'tag-early-shift';

export const USERS = {
  corporate: 'ceo@anon.test',
  regional: 'north@anon.test',
  store: 'n1@anon.test',
  ann: 'ann@anon.test',
  eve: 'eve@anon.test',
} as const;
export type Role = keyof typeof USERS;

const hierarchy = {
  brands: [
    {
      id: 'acme',
      name: 'Acme',
      writeKeys: ['pk_anon'],
      regions: [
        {
          id: 'north',
          name: 'North',
          stores: [
            { id: 'n1', name: 'North One', timeZone: 'Europe/Stockholm', staff: [{ id: 'ann', name: 'Ann Lee' }, { id: 'eve', name: 'Eve Stone' }] },
            { id: 'n2', name: 'North Two', timeZone: 'Europe/Oslo', staff: [{ id: 'cat', name: 'Cat Diaz' }] },
          ],
        },
        { id: 'south', name: 'South', stores: [{ id: 's1', name: 'South One', timeZone: 'Europe/London', staff: [{ id: 'dan', name: 'Dan Wu' }] }] },
      ],
    },
  ],
};

/** What the tests need to know about the pulse answers they look for. */
export interface PulseTrace {
  id: string;
  /** The exact instant as sent, and its time of day (what a day-only answer must not contain). */
  createdAt: string;
  timeOfDay: string;
}

const region = (store: string) => (store === 's1' ? 'south' : 'north');

function customer(store: string, at: string, staff: string[], answers: Answer[]): Submission {
  return {
    id: uuidv7(Date.parse(at)),
    schemaVersion: 1,
    surveyId: 'store-exit',
    createdAt: at,
    context: { channel: 'kiosk', brand: 'acme', region: region(store), store, staff, device: `kiosk-${store}`, locale: 'en' },
    answers,
  };
}

function pulse(store: string, at: string, mood: number, comment: string): Submission {
  return {
    id: uuidv7(Date.parse(at)),
    schemaVersion: 1,
    surveyId: 'employee-pulse',
    createdAt: at,
    // Identifying context a careless pulse page might send: the collector must not keep it.
    context: { channel: 'employee', brand: 'acme', region: region(store), store, staff: ['ann'], device: PULSE_DEVICE, locale: 'ar', tags: { shift: PULSE_TAG } },
    answers: [
      { questionId: 'shift', type: 'smiley', value: mood },
      { questionId: 'comment', type: 'text', value: comment },
    ],
  };
}

const smiley = (value: number): Answer => ({ questionId: 'mood', type: 'smiley', value });
const nps = (value: number): Answer => ({ questionId: 'recommend', type: 'nps', value });
const text = (value: string): Answer => ({ questionId: 'comment', type: 'text', value });

/** Seeds the hierarchy, one user per role and the feedback; returns the pulse answers' traces. */
export async function seedAnonymity(ctx: AppContext): Promise<{ pulse: PulseTrace[] }> {
  await importHierarchy(ctx, hierarchy);
  const users: Array<[Role, Parameters<typeof upsertUser>[1]]> = [
    ['corporate', { email: USERS.corporate, password: PASSWORD, role: 'corporate', brandId: 'acme', name: 'Chief' }],
    ['regional', { email: USERS.regional, password: PASSWORD, role: 'regional', brandId: 'acme', regionId: 'north', name: 'Nora' }],
    ['store', { email: USERS.store, password: PASSWORD, role: 'store', brandId: 'acme', storeId: 'n1', name: 'Nils' }],
    ['ann', { email: USERS.ann, password: PASSWORD, role: 'staff', brandId: 'acme', staffId: 'ann', name: 'Ann Lee' }],
    ['eve', { email: USERS.eve, password: PASSWORD, role: 'staff', brandId: 'acme', staffId: 'eve', name: 'Eve Stone' }],
  ];
  for (const [, user] of users) await upsertUser(ctx, user);

  const feedback: Submission[] = [];
  for (let i = 0; i < 7; i++) {
    feedback.push(customer('n1', `2026-03-0${1 + (i % 6)}T1${i}:05:00.000Z`, ['ann'], [smiley(3 + (i % 3)), nps(6 + i), text(`Ann helped me out ${i}`)]));
  }
  feedback.push(customer('n1', '2026-03-02T10:30:00.000Z', ['eve'], [smiley(1), nps(0), text(`${EVE_SMALL}: Eve ignored me at the till`)]));
  feedback.push(customer('n1', '2026-03-03T15:45:00.000Z', ['eve'], [smiley(5), nps(10), text('Eve was wonderful, thank you')]));
  feedback.push(customer('n2', '2026-03-04T12:00:00.000Z', ['cat'], [smiley(4), nps(9), text('Cat knew everything')]));
  feedback.push(customer('s1', '2026-03-05T12:00:00.000Z', ['dan'], [smiley(2), nps(3), text('Dan was slow')]));

  const pulses: Submission[] = [
    pulse('n1', '2026-03-02T09:41:37.123Z', 2, `${PULSE_SMALL}-n1-a: short-staffed again`),
    pulse('n1', '2026-03-03T16:12:48.456Z', 1, `${PULSE_SMALL}-n1-b: my manager shouts`),
    pulse('n1', '2026-03-05T07:58:03.789Z', 4, `${PULSE_SMALL}-n1-c: good week`),
    pulse('s1', '2026-03-04T11:26:51.321Z', 3, `${PULSE_SMALL}-s1: the till is broken`),
    ...[0, 1, 2, 3, 4, 5].map((i) => pulse('n2', `2026-03-0${1 + i}T0${i + 2}:3${i}:1${i}.${i}42Z`, 2 + (i % 4), `${PULSE_OK}-n2-${i}: note ${i}`)),
  ];
  const hooks = ctx.afterIngest.splice(0);
  try {
    await storeSubmissions(ctx, 'acme', [...feedback, ...pulses]);
  } finally {
    ctx.afterIngest.push(...hooks);
  }
  return { pulse: pulses.map((p) => ({ id: p.id, createdAt: p.createdAt, timeOfDay: p.createdAt.slice(11, 19) })) };
}
