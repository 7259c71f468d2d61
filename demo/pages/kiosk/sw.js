// Service worker of the demo kiosk page (scope /kiosk/): the page starts offline after its first
// load. Feedback itself never goes through here: submissions are POSTs, which this worker leaves
// alone; the widget's outbox (IndexedDB) keeps them until the collector acknowledges them.
//
// - App shell (this page, its css/js, /storevoice.iife.js, /kiosk.js): precached at install,
//   served cache-first. The cache name carries VERSION; change it on every deploy, and the new
//   worker fetches a fresh, consistent shell and deletes the old caches. (Cache-first without a
//   version would pin a kiosk to its first bundle forever; revalidating files one by one could mix
//   a new bundle with an old /kiosk.js chunk.)
// - Languages (/locales/*.js) and other chunks the bundle loads on demand: cached the first time
//   they are used, then cache-first, in the same versioned cache.
// - Survey definitions (GET /v1/surveys/*): network first, so an edited survey shows up at once;
//   the cached copy when the network fails or hangs.
// - Everything else, and every non-GET request: straight to the network, never cached.

const VERSION = 'v1';
const PREFIX = 'storevoice-kiosk-';
const SHELL_CACHE = `${PREFIX}shell-${VERSION}`;
const DATA_CACHE = `${PREFIX}data-${VERSION}`;

/** Needed to start at all: install fails (and the old worker stays) if one is missing. */
const SHELL = ['/kiosk/', '/kiosk/kiosk.css', '/kiosk/kiosk.js', '/kiosk/kiosk.webmanifest', '/storevoice.iife.js'];
/** Cached when present: the kiosk chunk of the script-tag bundle. */
const OPTIONAL = ['/kiosk.js'];
/** Loaded by the bundle on demand: cached on first use. */
const ON_DEMAND = [/^\/locales\/[\w.-]+\.js$/, /^\/kiosk\.js$/, /^\/chunks\/[\w.-]+\.js$/];
const SURVEYS = /^\/v1\/surveys\/[^/]+$/;
/** Flaky shop Wi-Fi often hangs rather than fails: give up on the network after this long. */
const SURVEY_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      // `reload` skips the HTTP cache, so a new version never precaches a stale file.
      await cache.addAll(SHELL.map((url) => new Request(url, { cache: 'reload' })));
      await Promise.all(OPTIONAL.map((url) => cache.add(new Request(url, { cache: 'reload' })).catch(() => undefined)));
      // A kiosk has one tab and nobody to click "update": take over at once.
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([SHELL_CACHE, DATA_CACHE]);
      for (const name of await caches.keys()) if (name.startsWith(PREFIX) && !keep.has(name)) await caches.delete(name);
      // Control the page that registered us, so the languages it loads now are cached for offline starts.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return; // submissions (POST) are never cached nor answered from a cache
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.pathname.startsWith('/kiosk/')) event.respondWith(shellPage(request));
  else if (SHELL.includes(url.pathname) || OPTIONAL.includes(url.pathname) || ON_DEMAND.some((re) => re.test(url.pathname))) event.respondWith(cacheFirst(request));
  else if (SURVEYS.test(url.pathname)) event.respondWith(networkFirst(request));
});

/** The kiosk page for any /kiosk/ address: `?store=042&device=exit-1` differ per kiosk, the page does not. */
async function shellPage(request) {
  const cached = await caches.match('/kiosk/', { cacheName: SHELL_CACHE });
  return cached ?? fetch(request);
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL_CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(DATA_CACHE);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), SURVEY_TIMEOUT_MS);
  try {
    const response = await fetch(request, { signal: controller.signal });
    // Keep only definitions the collector served; a 5xx is the server's trouble, so the cached copy is better.
    if (response.ok) await cache.put(request, response.clone());
    else if (response.status >= 500) return (await cache.match(request)) ?? response;
    return response;
  } catch (error) {
    const cached = await cache.match(request);
    if (cached) return cached;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
