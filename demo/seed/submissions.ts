import type { Answer, Submission } from '../../sdk/schema/index.js';
import { uuidv7 } from '../../sdk/internal/uuid.js';
import { demoStores, type DemoStore } from './hierarchy.js';
import { createRandom, type Random } from './random.js';

/**
 * ~5,000 realistic submissions over 90 days for the demo brand: the same answers on every run
 * (only the ids, random by design, differ).
 * The story a manager should find in the dashboard:
 * - Oslo (017) is a problem store all quarter: slow checkout, low smileys, many detractors;
 * - Brighton (108) was fine until two weeks ago, then dipped (a staffing gap);
 * - Stockholm's Astrid (emp-17) collects kudos; Copenhagen is steady and good;
 * - ~6% of submissions are staff pulse feedback (`channel: "employee"`), kept apart from customers'.
 * - some unhappy kiosk customers pressed "speak to a manager", and some web detractors left an
 *   e-mail address to be contacted: they open the demo's follow-up cases (seed/cases.ts).
 */
export interface DemoSubmissionOptions {
  /** The end of the 90-day period (now, by default). */
  until?: Date;
  days?: number;
  /** Submissions per store per open day, on average. @default 9 */
  perStorePerDay?: number;
  seed?: number;
}

/** Question ids of the demo surveys in demo/surveys/ (the seed answers them as a shopper would). */
const SURVEYS = {
  storeExit: { id: 'store-exit', mood: 'mood', staff: 'helped-by', reasons: 'reasons', comment: 'comment' },
  postPurchase: { id: 'post-purchase', nps: 'recommend', csat: 'satisfaction', comment: 'comment', consent: 'contact-me' },
  pulse: { id: 'employee-pulse', mood: 'shift', comment: 'comment' },
} as const;

const positive = ['Quick checkout, friendly staff.', 'Found everything I needed.', 'Lovely store, great music.', 'Helpful advice on sizes.', 'Very clean and tidy.'];
const negative = ['Queue at the till took forever.', 'Could not find anyone to help.', 'Fitting rooms were closed.', 'Shelves half empty.', 'Card terminal was broken again.'];
const kudos = (name: string) => [`${name} was brilliant, thank you!`, `${name} helped me find the right size.`, `Big thanks to ${name} for the patience.`];
const pulseComments = ['Short-staffed on Saturday again.', 'Great team this week.', 'New stock system is slow.', 'Loved the training session.'];
const customerNames = ['alex.morgan', 'sam.lind', 'maria.garcia', 'jonas.berg', 'emma.wilson', 'li.wei', 'noah.jensen', 'sofia.rossi', 'omar.khan', 'ida.holm'];

/** Smiley 1–5 from a store's baseline quality (0 bad … 1 great). */
function smileyFor(random: Random, quality: number): number {
  return Math.max(1, Math.min(5, Math.round(1 + 4 * quality + (random.next() - 0.5) * 2.6)));
}

function qualityOf(store: DemoStore, daysAgo: number): number {
  if (store.id === '017') return 0.35;
  if (store.id === '108') return daysAgo < 14 ? 0.3 : 0.75;
  if (store.id === '023') return 0.8;
  return 0.7;
}

/** The offset of `zone` from UTC at `at`, in minutes (e.g. 60 for Stockholm in winter). */
function offsetMinutes(zone: string, at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** A UTC instant for a store-local wall-clock time on the UTC calendar day of `day`. */
function storeTime(zone: string, day: Date, hour: number, minute: number): Date {
  const guess = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, minute, Math.floor(minute / 2)));
  return new Date(guess.getTime() - offsetMinutes(zone, guess) * 60_000);
}

const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export function demoSubmissions(options: DemoSubmissionOptions = {}): Submission[] {
  const random = createRandom(options.seed ?? 2026);
  // Follow-up details (a manager request, contact details) draw from their own sequence, so the
  // rest of the demo data is the same as it was before they existed.
  const followUp = createRandom((options.seed ?? 2026) + 13);
  const until = options.until ?? new Date();
  const days = options.days ?? 90;
  const perDay = options.perStorePerDay ?? 9;
  const out: Submission[] = [];
  for (let daysAgo = days - 1; daysAgo >= 0; daysAgo--) {
    const day = new Date(until.getTime() - daysAgo * 86_400_000);
    for (const store of demoStores) {
      const hours = store.openingHours[weekdays[day.getUTCDay()]!] as string[][];
      const [open, close] = hours[0] ?? [];
      if (!open || !close) continue;
      const openHour = Number(open.slice(0, 2));
      const closeHour = Number(close.slice(0, 2));
      const count = random.int(Math.round(perDay * 0.5), Math.round(perDay * 1.5));
      for (let i = 0; i < count; i++) {
        const at = storeTime(store.timeZone, day, random.int(openHour, closeHour - 1), random.int(0, 59));
        if (at > until) continue;
        out.push(submissionAt(random, followUp, store, at, daysAgo));
      }
    }
  }
  return out;
}

function submissionAt(random: Random, followUp: Random, store: DemoStore, at: Date, daysAgo: number): Submission {
  const quality = qualityOf(store, daysAgo);
  const member = random.pick(store.staff);
  const channel = random.weighted([['kiosk', 55], ['web', 27], ['qr', 12], ['employee', 6]] as const);
  const base = {
    id: uuidv7(at.getTime()),
    schemaVersion: 1 as const,
    createdAt: at.toISOString(),
    context: {
      channel,
      brand: 'acme',
      region: store.regionId,
      store: store.id,
      staff: [member.id],
      ...(channel === 'kiosk' && { device: `kiosk-${store.id}-exit` }),
      locale: store.timeZone === 'Europe/London' ? 'en-GB' : random.pick(['en', 'sv', 'nb', 'da']),
    },
  };
  if (channel === 'employee') {
    const mood = smileyFor(random, 0.6);
    const answers: Answer[] = [{ questionId: SURVEYS.pulse.mood, type: 'smiley', value: mood }];
    if (random.chance(0.4)) answers.push({ questionId: SURVEYS.pulse.comment, type: 'text', value: random.pick(pulseComments) });
    // Pulse feedback is anonymous: no staff id travels with it.
    return { ...base, surveyId: SURVEYS.pulse.id, context: { ...base.context, staff: undefined }, answers };
  }
  if (channel === 'web') {
    // Promoters 9–10, passives 7–8, detractors 0–6, shifted by the store's quality.
    const nps = Math.max(0, Math.min(10, Math.round(quality * 10 + (random.next() - 0.35) * 6)));
    const csat = Math.max(1, Math.min(5, Math.round(quality * 5 + (random.next() - 0.3) * 2)));
    const answers: Answer[] = [
      { questionId: SURVEYS.postPurchase.nps, type: 'nps', value: nps },
      { questionId: SURVEYS.postPurchase.csat, type: 'csat', value: csat },
    ];
    if (random.chance(0.35)) answers.push({ questionId: SURVEYS.postPurchase.comment, type: 'text', value: random.pick(nps >= 8 ? positive : negative) });
    // The survey asks detractors whether they may be contacted; about a third say yes.
    if (nps <= 6 && followUp.chance(0.3)) answers.push({ questionId: SURVEYS.postPurchase.consent, type: 'consent', value: true, contact: `${followUp.pick(customerNames)}@example.com` });
    return { ...base, surveyId: SURVEYS.postPurchase.id, answers };
  }
  const mood = smileyFor(random, member.id === 'emp-17' ? Math.min(1, quality + 0.2) : quality);
  const answers: Answer[] = [{ questionId: SURVEYS.storeExit.mood, type: 'smiley', value: mood }];
  if (random.chance(0.5)) answers.push({ questionId: SURVEYS.storeExit.staff, type: 'staff', value: member.id });
  if (mood <= 2 && random.chance(0.6)) answers.push({ questionId: SURVEYS.storeExit.reasons, type: 'choice', value: random.pick(['queue', 'help', 'stock', 'cleanliness']) });
  if (random.chance(0.3)) {
    const text = mood >= 4 && random.chance(0.5) ? random.pick(kudos(member.name.split(' ')[0]!)) : random.pick(mood >= 4 ? positive : negative);
    answers.push({ questionId: SURVEYS.storeExit.comment, type: 'text', value: text });
  }
  // "Speak to a manager now" on the exit kiosk: mostly unhappy customers, now and then a question.
  const managerRequested = channel === 'kiosk' && followUp.chance(mood <= 2 ? 0.12 : 0.01);
  return { ...base, surveyId: SURVEYS.storeExit.id, answers, ...(managerRequested && { context: { ...base.context, tags: { managerRequested: true } } }) };
}
