// The demo kiosk page: mounts one <storevoice-widget mode="kiosk"> and registers the service
// worker that lets the page start offline after its first load. Everything else (attract screen,
// admin screen, provisioning by URL, offline queue) is the widget's own.
//
// A provisioning link such as ?store=042&device=exit-1&pin=480213 is the widget's own business:
// with the `provision` attribute it reads the kiosk settings (brand, region, store, device, survey,
// endpoint, key, pin, staff, onshift, lang, contrast, textsize) from the address bar, stores them,
// hashes the PIN and removes them from the address (see docs/kiosk.md, "Provisioning by URL").
// This page copies none of those; only the display and timing parameters below, which are not
// settings, are passed on as attributes.

/** Attributes of the widget that a URL parameter of the same name may set. */
const PASSED = ['locale', 'theme', 'reset-delay', 'idle-timeout', 'min-interval'];

/**
 * The demo collector on this origin, its write key, and the seeded store-exit survey; stored
 * settings override them. "Speak to a manager now" is on: the request goes to the collector
 * (`main`, the widget's own endpoint destination), whose seeded alert rule puts it in front of the
 * store's managers at once (a banner in the dashboard, see docs/collector.md), so "A manager has
 * been notified" is shown exactly when the collector acknowledged it.
 */
const DEFAULTS = { mode: 'kiosk', endpoint: '/v1', key: 'pk_demo', survey: 'store-exit', provision: '', 'manager-help': 'main' };

function mount() {
  const params = new URLSearchParams(location.search);
  const widget = document.createElement('storevoice-widget');
  for (const [name, value] of Object.entries(DEFAULTS)) widget.setAttribute(name, value);
  for (const name of PASSED) {
    const value = params.get(name);
    // setAttribute stores text; nothing from the URL is ever parsed as HTML.
    if (value) widget.setAttribute(name, value);
  }
  document.getElementById('kiosk').append(widget);
}

/** The (endpoint, key, store) whose names are on screen, so they are fetched once per change. */
let placeShown = '';

/**
 * Shows the brand's and the store's names above the widget (GET /v1/places/:store with the
 * kiosk's write key). The store comes from the widget's properties, since a provisioning link or
 * the admin screen may set it; the element fires no event for that, so this looks again every few
 * seconds and fetches only when something changed. Names are text, never HTML.
 */
async function showPlace() {
  const widget = document.querySelector('#kiosk storevoice-widget');
  const header = document.getElementById('place');
  if (!widget || !header) return;
  const { endpoint, key, store } = widget;
  const wanted = `${endpoint} ${key} ${store}`;
  if (!endpoint || !key || !store || wanted === placeShown) return;
  placeShown = wanted;
  try {
    const url = `${String(endpoint).replace(/\/+$/, '')}/places/${encodeURIComponent(store)}`;
    const res = await fetch(url, { headers: { authorization: `Bearer ${key}`, accept: 'application/json' } });
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    const place = await res.json();
    header.querySelector('.brand').textContent = place.brand.name;
    header.querySelector('.store').textContent = place.store.name;
    header.hidden = false;
  } catch (error) {
    // Offline, or a store the collector does not know: no names, and another try later.
    placeShown = '';
    header.hidden = true;
    console.warn('[storevoice kiosk] store name not shown:', error);
  }
}

async function registerServiceWorker() {
  // Service workers need a secure context (https, or localhost for the demo).
  if (!('serviceWorker' in navigator)) return;
  try {
    await navigator.serviceWorker.register('/kiosk/sw.js', { scope: '/kiosk/' });
  } catch (error) {
    // The kiosk works without it; it only cannot start while offline.
    console.warn('[storevoice kiosk] service worker not registered:', error);
    return;
  }
  // On the very first load the survey was fetched before the worker took control, so it is not in
  // the worker's cache yet: fetch it once more through the worker. (The widget also keeps the last
  // definition it loaded; this makes the page's own offline start independent of that.)
  if (!navigator.serviceWorker.controller) {
    // The worker claims this page when it activates (sw.js): wait for that, not merely for `ready`.
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  }
  const widget = document.querySelector('#kiosk storevoice-widget');
  // The property, not the attribute: settings stored on the admin screen may name another survey.
  const survey = widget?.survey;
  if (typeof survey === 'string' && /^[\w.:-]+$/.test(survey)) {
    fetch(`/v1/surveys/${encodeURIComponent(survey)}`, { headers: { accept: 'application/json' } }).catch(() => undefined);
  }
}

if (customElements.get('storevoice-widget')) {
  mount();
  void showPlace();
  setInterval(showPlace, 5000);
} else {
  // /storevoice.iife.js failed to load (first visit while offline, or a server problem).
  const notice = document.createElement('p');
  notice.className = 'notice';
  notice.textContent = 'The feedback kiosk could not start. Check the network connection and reload.';
  document.getElementById('kiosk').append(notice);
}
void registerServiceWorker();
