export { scrubPii, scrubText, type ScrubOptions, type PiiKind } from './scrub.js';
