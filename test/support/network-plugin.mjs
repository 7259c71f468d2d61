// Lets browser tests cut the network for real (test/support/collector.ts: setOffline). Playwright's
// offline emulation makes fetch fail, flips navigator.onLine and fires 'offline'/'online', which a
// stubbed fetch cannot do. Each test file runs in its own browser context, so the setting does not
// leak into other files; within a file, tests must switch it back themselves.
//
// Why a page binding as well as the command: offline emulation also stalls WTR's web socket (the
// command's answer, and later the page's own frames), so a page that went offline through a
// command could never ask to come back. A binding travels over the DevTools protocol instead.

/** The function the plugin installs in the test page: `await window[BINDING](offline)`. */
export const BINDING = '__storevoiceSetOffline';

/**
 * web-test-runner plugin implementing the server commands `set-offline` (payload `{ offline: boolean }`),
 * which also installs `window.__storevoiceSetOffline(offline)` in the page on first use, and
 * `block-requests` (payload `{ url: string, blocked: boolean, times?: number }`): requests of the
 * test page and its frames to URLs matching the Playwright glob `url` fail as a blocked request
 * would (a file missing from a CDN, an ad blocker), until unblocked or `times` requests failed.
 */
export function networkPlugin() {
  const bound = new WeakSet();
  return {
    name: 'storevoice-network',
    async executeCommand({ command, payload, session }) {
      if (command === 'block-requests') return blockRequests(payload, session);
      if (command !== 'set-offline') return undefined;
      if (typeof payload?.offline !== 'boolean') throw new Error('set-offline needs a payload { offline: boolean }');
      if (session.browser.type !== 'playwright') {
        throw new Error(`set-offline needs the playwright launcher, not ${session.browser.type}`);
      }
      const page = session.browser.getPage(session.id);
      if (!bound.has(page)) {
        bound.add(page);
        await page.exposeBinding(BINDING, async (_source, offline) => {
          await page.context().setOffline(Boolean(offline));
          return true;
        });
      }
      await page.context().setOffline(payload.offline);
      return true;
    },
  };
}

async function blockRequests(payload, session) {
  if (typeof payload?.url !== 'string' || typeof payload.blocked !== 'boolean') throw new Error('block-requests needs a payload { url: string, blocked: boolean }');
  if (session.browser.type !== 'playwright') throw new Error(`block-requests needs the playwright launcher, not ${session.browser.type}`);
  const page = session.browser.getPage(session.id);
  if (payload.blocked) await page.route(payload.url, (route) => route.abort('blockedbyclient'), { times: payload.times });
  else await page.unroute(payload.url);
  return true;
}
