// The SDK words zod's issues itself (sdk/schema/parse.ts: zod/mini ships no messages). This checks
// that wording against zod over generated inputs: every valid fixture changed once, at random
// (a seeded run, so a failure replays). For each input, parseOrThrow must reach zod's own verdict
// with the same problems at the same paths, and each message must say what zod's issue says: the
// bound it names, the values or keys it lists, "is required" exactly where nothing was given, and
// never a placeholder.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { ContextInputSchema, formatPath, parseOrThrow, SubmissionSchema, SubmitInputSchema, SurveyDefinitionSchema, ValidationError } from '../../sdk/index.js';
import { mutation } from './fixtures/mutate.js';
import { validSubmissions, validSurveys } from './fixtures/wire.js';

type Issue = z.core.$ZodIssue;

const valueAt = (root: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined), root);

/** Whether `message` names the number `n` (and not just digits of a bigger one). */
const names = (message: string, n: unknown): boolean => new RegExp(`(^|[^\\d.])${String(n).replace('.', '\\.')}(?![\\d.])`).test(message);

/** Why `message` does not say what zod's `issue` says about `root`; `undefined` when it does. */
function disagreement(issue: Issue, message: string, root: unknown): string | undefined {
  const given = valueAt(root, issue.path);
  const must = (ok: boolean, what: string) => (ok ? undefined : what);
  if (/^Invalid input$|^is invalid$/.test(message)) return 'a placeholder';
  if (message === 'is required') {
    const missing = issue.code === 'invalid_union' && issue.discriminator !== undefined ? valueAt(given, []) === undefined : given === undefined;
    return must(missing && ['invalid_type', 'invalid_value', 'invalid_union'].includes(issue.code), '"is required" where a value was given');
  }
  switch (issue.code) {
    case 'invalid_type':
      return must(given !== undefined && message.startsWith('must be a') && message.includes(issue.expected === 'int' ? 'integer' : issue.expected), `expected ${issue.expected}`);
    case 'too_small':
      return must(issue.minimum === 1 && ['string', 'array'].includes(issue.origin) ? message === 'must not be empty' : names(message, issue.minimum), `minimum ${issue.minimum}`);
    case 'too_big':
      return must(names(message, issue.maximum), `maximum ${issue.maximum}`);
    case 'invalid_value':
      return must(issue.values.every((v) => message.includes(JSON.stringify(v))), `values ${JSON.stringify(issue.values)}`);
    case 'unrecognized_keys':
      return must(issue.keys.every((key) => message.includes(`"${key}"`)), `keys ${issue.keys.join(', ')}`);
    case 'invalid_union':
      return must(issue.discriminator === undefined ? message === 'does not match any allowed shape' : message === `${JSON.stringify(given)} is not a known ${issue.discriminator}`, 'the union');
    case 'invalid_format':
      // A schema's own message (a pattern's) is zod's message too; uuid and date-time are named.
      return must(issue.format === 'regex' ? message === issue.message : message.includes(issue.format === 'datetime' ? 'ISO 8601 date-time' : issue.format.toUpperCase()), `format ${issue.format}`);
    case 'invalid_key':
      return must(message.startsWith('key '), 'the key');
    case 'custom':
      return must(message === issue.message, `zod's message "${issue.message}"`);
    default:
      return `an issue code the SDK does not word: ${issue.code}`;
  }
}

/** Parses with zod and with parseOrThrow, and says where they part. */
function compare(schema: z.core.$ZodType, value: unknown): string[] {
  const zod = z.safeParse(schema, value);
  let ours: readonly { path: string; message: string }[] = [];
  try {
    parseOrThrow(schema, value, 'input');
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    ours = error.issues;
  }
  if (zod.success) return ours.length ? [`zod accepts, the SDK refuses: ${JSON.stringify(ours)}`] : [];
  const issues = zod.error.issues;
  if (issues.length !== ours.length) return [`zod found ${issues.length} problems, the SDK ${ours.length}`];
  return issues.flatMap((issue, i) => {
    const { path, message } = ours[i]!;
    if (path !== formatPath(issue.path)) return [`issue ${i} at ${path}, zod's at ${formatPath(issue.path)}`];
    const why = disagreement(issue, message, value);
    return why ? [`${path}: "${message}" for zod's ${issue.code} (${why})`] : [];
  });
}

const cases = [
  ['submissions', SubmissionSchema, validSubmissions],
  ['submit() input', SubmitInputSchema, [{ surveyId: 's', answers: (validSubmissions[4] as { answers: unknown[] }).answers, context: { store: '042', tags: { lane: 4 } }, consent: { contact: true } }]],
  ['contexts', ContextInputSchema, [(validSubmissions[0] as { context: unknown }).context, {}]],
  ['survey definitions', SurveyDefinitionSchema, validSurveys],
] as const;

describe('the SDK words zod issues as zod reports them', () => {
  for (const [name, schema, fixtures] of cases) {
    it(`on ${name} changed at random`, () => {
      fc.assert(
        fc.property(fc.constantFrom(...fixtures), mutation, (fixture, mutate) => {
          const value = mutate(structuredClone(fixture));
          expect(compare(schema, value)).to.deep.equal([], JSON.stringify(value).slice(0, 300));
        }),
        { seed: 20261207, numRuns: 1000 },
      );
    });
  }

  it('notices a wrong message (the check itself can fail)', () => {
    const issue = { code: 'too_big', origin: 'number', maximum: 5, inclusive: true, path: ['value'], message: '', input: 6 } as unknown as Issue;
    expect(disagreement(issue, 'must be at most 5', { value: 6 })).to.equal(undefined);
    expect(disagreement(issue, 'must be at most 50', { value: 6 })).to.equal('maximum 5');
    expect(disagreement(issue, 'must be at most 4', { value: 6 })).to.equal('maximum 5');
    expect(disagreement(issue, 'is required', { value: 6 })).to.equal('"is required" where a value was given');
    expect(disagreement(issue, 'Invalid input', { value: 6 })).to.equal('a placeholder');
  });
});
