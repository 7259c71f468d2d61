import { fileURLToPath } from 'node:url';

/**
 * Where the collector finds the files it serves and its own version: here, in the repository
 * (`npm start`, tests). The `storevoice-collector` package is laid out differently, and its build
 * puts `packages/collector/src/layout.ts` in this module's place (same exports); nothing else
 * in the collector knows either layout.
 */
const repo = fileURLToPath(new URL('../../', import.meta.url));

export const layout = {
  /** package.json, for the version. */
  packageJson: `${repo}package.json`,
  /** The demo pages (index, shop, kiosk, SDK playground) and the dashboard's page shell and styles. */
  pages: `${repo}demo/pages`,
  /** The built browser bundles: the script tag, its languages, kiosk.js, url-context.js, the dashboard app. */
  bundles: `${repo}dist`,
  /** uPlot's stylesheet, served beside the dashboard. */
  uplotCss: `${repo}node_modules/uplot/dist/uPlot.min.css`,
  /** The demo's survey definitions (`--seed-demo`). */
  demoSurveys: `${repo}demo/surveys/`,
  /** What to run when a built file is missing. */
  buildHint: 'run `npm run build`',
} as const;
