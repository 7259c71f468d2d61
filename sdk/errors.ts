/** Base class of every error the SDK throws, so hosts can tell ours from theirs. */
export class StoreVoiceError extends Error {
  override name = 'StoreVoiceError';
}

/** One problem with an input, e.g. `{ path: 'answers[0].value', message: 'must be at most 5' }`. */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Thrown at once by `createClient()` and `submit()` for invalid input; nothing half-valid is queued.
 * The message names every offending field.
 * @example
 * try { await client.submit(input) } catch (e) { if (e instanceof ValidationError) console.table(e.issues) }
 */
export class ValidationError extends StoreVoiceError {
  override name = 'ValidationError';
  readonly issues: readonly ValidationIssue[];

  constructor(subject: string, issues: readonly ValidationIssue[]) {
    super(`Invalid ${subject}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`);
    this.issues = issues;
  }
}
