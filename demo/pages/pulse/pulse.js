// The staff pulse page: reads the store's pulse key from the address's fragment, asks the
// collector what to show (GET /v1/pulse/session), says how anonymity works, then mounts
// <storevoice-widget> with the pulse survey through the script tag's public API. Every text is
// set with textContent, never as HTML. See docs/collector.md, "Pulse".
import { ideaForm } from './idea-form.js';
import { pickLanguage, TEXTS } from './texts.js';

const lang = pickLanguage(navigator.languages?.length ? navigator.languages : [navigator.language || 'en']);
const t = TEXTS[lang];
document.documentElement.lang = lang;
document.documentElement.dir = lang === 'ar' || lang === 'he' ? 'rtl' : 'ltr';

const main = document.getElementById('pulse');
const status = document.getElementById('status');
document.getElementById('heading').textContent = t.title();
document.title = t.title();

/** `#k=pk_pulse_…`: a fragment, so the key is never in a server log or a Referer. */
const key = new URLSearchParams(location.hash.slice(1)).get('k');

const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

function notice(text, kind = 'info') {
  main.setAttribute('aria-busy', 'false');
  status.textContent = '';
  main.append(el('p', { className: kind === 'error' ? 'notice error' : 'notice', role: kind === 'error' ? 'alert' : 'status' }, text));
}

/**
 * One answer per phone per period, without identifying anyone: the marker lives in this phone's
 * storage only and names the store and the period, which every colleague shares. Clearing the
 * browser's data clears it; the collector never learns of it.
 */
const markerOf = (session) => `storevoice-pulse:${session.brand.id}:${session.store.id}:${session.window.period}`;
const answered = (session) => {
  try {
    return localStorage.getItem(markerOf(session)) !== null;
  } catch {
    return false; // storage off (private mode): ask, and let the team's counts absorb a repeat
  }
};
const markAnswered = (session) => {
  try {
    localStorage.setItem(markerOf(session), '1');
  } catch {
    /* see answered() */
  }
};

const formatDay = (iso) => new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(iso));

function mountSurvey(session) {
  const slot = el('div', { id: 'survey' });
  main.append(slot);
  window.StoreVoice.init({ endpoint: '/v1', survey: session.surveyId, key, brand: session.brand.id, store: session.store.id, mode: 'inline', locale: 'auto', target: slot });
  // The channel is not an attribute; the widget carries it as context beside them.
  window.StoreVoice.setContext({ channel: 'employee' });
  for (const type of ['storevoice-queued', 'storevoice-sent']) document.addEventListener(type, () => markAnswered(session));
}

function render(session) {
  main.setAttribute('aria-busy', 'false');
  status.textContent = '';
  main.append(el('p', { className: 'store' }, `${session.store.name} · ${session.brand.name}`));
  const every = t[session.every]();
  const about = el(
    'section',
    { className: 'privacy' },
    el('h2', { id: 'about' }, t.about()),
    el('ul', {}, el('li', {}, t.neverSent()), el('li', {}, t.whoSees(String(session.minimum))), el('li', {}, t.notCustomer()), el('li', {}, t.once(every))),
  );
  about.setAttribute('aria-labelledby', 'about');
  main.append(about);
  // Ideas have no schedule: the form is there whether or not the pulse is open (idea-form.js).
  const extras = document.getElementById('pulse-extras');
  extras.replaceChildren(ideaForm(key, lang));
  extras.hidden = false;
  if (!session.window.open) return notice(t.closed(formatDay(session.window.nextOpensAt)));
  if (answered(session)) return notice(t.answered(every, formatDay(session.window.nextOpensAt)));
  const start = el('button', { type: 'button', className: 'start' }, t.start());
  start.addEventListener('click', () => {
    start.remove();
    mountSurvey(session);
  });
  main.append(start);
}

async function load() {
  if (!key) return notice(t.missingKey(), 'error');
  status.textContent = t.loading();
  let response;
  try {
    response = await fetch('/v1/pulse/session', { headers: { authorization: `Bearer ${key}` }, cache: 'no-store' });
  } catch {
    return notice(t.failed(), 'error');
  }
  if (response.status === 401 || response.status === 403) return notice(t.revoked(), 'error');
  if (!response.ok) return notice(t.failed(), 'error');
  render(await response.json());
}

void load();
