import { fileURLToPath } from 'node:url';

/**
 * The package's layout, compiled in place of demo/server/layout.ts (same exports) by
 * packages/collector/build.mjs: this module ends up at `lib/demo/server/layout.js`, three
 * folders below the package root.
 *
 * ```
 * storevoice-collector/
 *   bin/storevoice-collector.js
 *   lib/…            the collector, compiled from demo/server/, demo/seed/ and the SDK
 *   public/pages/    the dashboard's page shell and styles, the kiosk page, the demo pages
 *   public/bundles/  the script tag, its languages, kiosk.js, url-context.js, the dashboard app
 *   public/uPlot.min.css
 *   surveys/         the demo surveys (--seed-demo)
 * ```
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));

export const layout = {
  packageJson: `${root}package.json`,
  pages: `${root}public/pages`,
  bundles: `${root}public/bundles`,
  uplotCss: `${root}public/uPlot.min.css`,
  demoSurveys: `${root}surveys/`,
  buildHint: 'the storevoice-collector package is incomplete: reinstall it',
} as const;
