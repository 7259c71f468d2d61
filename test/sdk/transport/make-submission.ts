import { parseOrThrow, SubmissionSchema, uuidv7, type Submission } from '../../../sdk/index.js';

/** A valid wire-format submission with a fresh UUID v7 id; `overrides` replace top-level fields. */
export function submission(overrides: Partial<Submission> = {}): Submission {
  return parseOrThrow(
    SubmissionSchema,
    {
      id: uuidv7(),
      schemaVersion: 1,
      surveyId: 'post-visit',
      createdAt: new Date().toISOString(),
      context: { channel: 'kiosk', brand: 'acme', region: 'emea-north', store: '042', staff: ['emp-17'] },
      answers: [{ questionId: 'mood', type: 'smiley', value: 4 }],
      ...overrides,
    },
    'test submission',
  );
}

/** `count` fresh submissions. */
export const submissions = (count: number): Submission[] => Array.from({ length: count }, () => submission());

/** A submission of about 25 KB of JSON: five text answers of 5000 characters. */
export function largeSubmission(): Submission {
  const answers = Array.from({ length: 5 }, (_, i) => ({ questionId: `why-${i}`, type: 'text' as const, value: 'x'.repeat(5000) }));
  return submission({ answers });
}

/** An AbortSignal that never aborts. */
export const never = (): AbortSignal => new AbortController().signal;
