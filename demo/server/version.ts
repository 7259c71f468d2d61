import { readFileSync } from 'node:fs';
import { layout } from './layout.js';

/** The collector's version (the `storevoice` package's, which the collector package shares). */
export const collectorVersion: string = (JSON.parse(readFileSync(layout.packageJson, 'utf8')) as { version: string }).version;
