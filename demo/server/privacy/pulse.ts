import type { Context, Submission } from '../../../sdk/index.js';

/**
 * What is kept of an employee pulse answer's context: where it was given, down to the store, and
 * nothing finer. Who (staff ids), which device, the page it came from, custom tags (a lane, a
 * shift) and the language (the one Arabic speaker of a team of five) could each point at a person.
 */
const KEPT: ReadonlyArray<keyof Context> = ['channel', 'brand', 'region', 'store'];

/**
 * Employee pulse is anonymous from the moment it is stored: what could point below the store is
 * never written to the database, so no endpoint, export, backup or future feature can reveal it
 * (privacy/anonymity.ts). Other submissions are returned as they are.
 */
export function withoutPulseIdentifiers(submission: Submission): Submission {
  if (submission.context.channel !== 'employee') return submission;
  const context = Object.fromEntries(Object.entries(submission.context).filter(([key]) => (KEPT as readonly string[]).includes(key))) as Context;
  return { ...submission, context };
}
