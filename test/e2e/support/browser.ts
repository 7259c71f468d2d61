import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's Chromium, as in the browser tests; CHROMIUM_PATH for another build. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Every Playwright action and wait in the suite gives up after this, with Playwright's own message. */
export const ACTION_TIMEOUT = 10_000;

export async function launchChromium(): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 30_000 });
  } catch (error) {
    throw new Error(`could not launch Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH): ${String(error).split('\n')[0]}`, { cause: error });
  }
}

/** A fresh context (its own storage, so its own outbox) with the suite's timeouts. */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, ...options });
  context.setDefaultTimeout(ACTION_TIMEOUT);
  context.setDefaultNavigationTimeout(ACTION_TIMEOUT);
  return context;
}

/** What a page said that a retailer would see in DevTools: console errors, uncaught errors, CSP and Trusted Types violations. */
export interface PageProblems {
  console: string[];
  errors: string[];
  /** `securitypolicyviolation` events (CSP and Trusted Types), as `directive blocked-uri sample`. */
  violations: string[];
}

/**
 * Collects a page's problems across navigations. Violations are reported through the console
 * (an init script listens for `securitypolicyviolation` in every document, shadow roots included:
 * the event is composed) so one listener sees every document the page loads.
 */
export async function watchProblems(page: Page): Promise<PageProblems> {
  const problems: PageProblems = { console: [], errors: [], violations: [] };
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => console.error(`[e2e:violation] ${event.effectiveDirective} ${event.blockedURI || '-'} ${event.sample || ''}`.trim()),
      { capture: true },
    );
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (text.startsWith('[e2e:violation] ')) problems.violations.push(text.slice(16));
    else problems.console.push(text);
  });
  page.on('pageerror', (error) => problems.errors.push(error.message));
  return problems;
}

/** One line per problem, for assertion messages. */
export function describeProblems(problems: PageProblems): string {
  return [...problems.violations.map((v) => `violation: ${v}`), ...problems.errors.map((e) => `page error: ${e}`), ...problems.console.map((c) => `console: ${c}`)].join('\n') || 'none';
}

/**
 * Runs a test's browser steps; when one fails (a Playwright timeout says only what it waited for),
 * the error also tells what the page reported: a CSP violation or a page error is usually the cause.
 */
export async function explainFailure<T>(problems: PageProblems, steps: () => Promise<T>): Promise<T> {
  try {
    return await steps();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\npage problems:\n${describeProblems(problems)}`, { cause: error });
  }
}
