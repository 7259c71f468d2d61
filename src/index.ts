// The widget entry point. Until <storevoice-widget> lands (issue 4) it re-exports the SDK,
// so `import { createClient } from 'storevoice'` already works.
export * from '../sdk/index.js';
