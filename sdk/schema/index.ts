export * from './primitives.js';
export * from './context.js';
export * from './answer.js';
export * from './submission.js';
export * from './survey.js';
export * from './options.js';
export { parseOrThrow, formatPath, toValidationIssues, englishErrors } from './parse.js';
