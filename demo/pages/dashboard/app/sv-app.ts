import { html, nothing } from 'lit';
import { Directory, fetchDirectory } from '../api/directory.js';
import { ApiFailure } from '../api/http.js';
import { fetchPreferences, fetchSession, logout, saveLocale, type Session } from '../api/session.js';
import { LightElement } from '../components/light-element.js';
import { resolveLocale, type DashboardLocale } from '../i18n/locales.js';
import { LocaleController, localizer } from '../i18n/localizer.js';
import { effectiveRange } from '../router/date-range.js';
import { normalizeRoute } from '../router/normalize.js';
import { formatRoute, type Route } from '../router/route.js';
import { trimScope } from '../router/scope.js';
import { readSegments, SEGMENT_ROLES, segmentParams, withoutSegments, type Segments } from '../router/segments.js';
import { RouterController } from '../router/router-controller.js';
import { ROUTE_GRAMMAR, VIEWS } from '../views/registry.js';
import type { ViewContext, ViewDefinition } from '../views/view.js';
import type { Banner, LiveStatus } from './events.js';
import { breadcrumbs, placeName } from './places.js';
import { LiveConnection } from './live.js';
import { managerRequest } from './manager-request.js';

/** Where the shell is: finding out who is signed in, the login form, the dashboard, or unreachable. */
type Phase = 'starting' | 'login' | 'ready' | 'failed';

/**
 * The dashboard's shell: session, language, routing and layout. It shows the login form or the
 * dashboard: a header (brand, user and role, live status, language, log out), the navigation of
 * the views the user's role has, a banner area, and the current view under a heading and
 * breadcrumbs that name the place. Views come from the registry (views/registry.ts) and get
 * everything they need in a {@link ViewContext}; they fetch their own data.
 *
 * Listens for `sv-banner`, `sv-banner-dismiss`, `sv-live-status` and `sv-session-ended` from
 * anything inside it (see app/events.ts).
 * @summary The dashboard application.
 */
export class SvApp extends LightElement {
  static override properties = {
    phase: { state: true },
    session: { state: true },
    directory: { state: true },
    banners: { state: true },
    live: { state: true },
    sessionEnded: { state: true },
  };
  declare phase: Phase;
  declare session: Session | undefined;
  declare directory: Directory;
  declare banners: readonly Banner[];
  declare live: LiveStatus;
  /** The user is at the login form because their session ended (not because they logged out). */
  declare sessionEnded: boolean;

  readonly #i18n = new LocaleController(this);
  readonly #router = new RouterController(this, ROUTE_GRAMMAR, () => {
    this.#moved = !this.#keepFocus;
    this.#keepFocus = false;
  });
  /** The next move keeps the focus where it is (a search or a filter applied from a form that stays). */
  #keepFocus = false;
  /** A language picked on the login form, saved for the user once they are signed in. */
  #pickedBeforeLogin: DashboardLocale | undefined;
  /** The user moved to another address: focus goes to the new heading (screen readers announce it). */
  #moved = false;
  /** Live updates for managers (staff accounts receive no events): views listen on `window`. */
  readonly #live = new LiveConnection(
    (status) => (this.live = status),
    (notice) => {
      window.dispatchEvent(new CustomEvent('sv-live-event', { detail: notice }));
      if (notice.kind === 'reset' || !this.session) return;
      const banner = managerRequest(notice, this.session, this.#i18n.locale, (id) => (this.banners = this.banners.filter((b) => b.id !== id)));
      if (banner) this.#showBanner(banner);
    },
  );

  constructor() {
    super();
    this.phase = 'starting';
    this.directory = new Directory();
    this.banners = [];
    this.live = 'off';
    this.sessionEnded = false;
    localizer.set(resolveLocale(navigator.languages));
    this.addEventListener('sv-banner', (e) => this.#showBanner(e.detail));
    this.addEventListener('sv-banner-dismiss', (e) => (this.banners = this.banners.filter((b) => b.id !== e.detail)));
    this.addEventListener('sv-live-status', (e) => (this.live = e.detail));
    this.addEventListener('sv-session-ended', () => this.#endSession());
    this.addEventListener('sv-locale-change', (e) => this.#switchLocale(e.detail));
    this.addEventListener('sv-range-change', (e) => this.#router.go({ ...this.#router.route, from: e.detail.from, to: e.detail.to }));
    this.addEventListener('sv-segments-change', (e) => this.#applySegments(e.detail));
    this.addEventListener('sv-logged-in', (e) => {
      // The login form is about to go: focus will move to the heading of what replaces it,
      // rather than fall back to <body>. (On a page load focus stays at the top, as usual.)
      this.#moved = true;
      void this.#enter(e.detail);
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#start();
  }

  async #start(): Promise<void> {
    this.phase = 'starting';
    try {
      const session = await fetchSession();
      if (session) await this.#enter(session);
      else this.phase = 'login';
    } catch {
      this.phase = 'failed';
    }
  }

  /** Signed in: the user's language and the names of their scope, then the dashboard. */
  async #enter(session: Session): Promise<void> {
    const [preferences, directory] = await Promise.allSettled([fetchPreferences(), fetchDirectory()]);
    if (this.#pickedBeforeLogin) {
      void this.#saveLocale(session, this.#pickedBeforeLogin);
      this.#pickedBeforeLogin = undefined;
    } else if (preferences.status === 'fulfilled' && preferences.value.locale) {
      localizer.set(preferences.value.locale);
    }
    if (directory.status === 'fulfilled') this.directory = new Directory(directory.value);
    else this.#showBanner({ id: 'names', tone: 'warning', text: (m) => m.app.namesNotLoaded });
    this.session = session;
    this.sessionEnded = false;
    this.phase = 'ready';
    if (session.user.role !== 'staff') this.#live.start();
  }

  #switchLocale(locale: DashboardLocale): void {
    localizer.set(locale);
    if (this.session) void this.#saveLocale(this.session, locale);
    else this.#pickedBeforeLogin = locale;
  }

  async #saveLocale(session: Session, locale: DashboardLocale): Promise<void> {
    try {
      await saveLocale(session, locale);
      this.banners = this.banners.filter((b) => b.id !== 'locale');
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 401) this.#endSession();
      else this.#showBanner({ id: 'locale', tone: 'warning', text: (m) => m.app.languageNotSaved });
    }
  }

  /** New segments: the same screen, cut differently; the focus stays on the segment bar. */
  #applySegments(segments: Segments): void {
    const route = this.#router.route;
    const next = { ...route, params: { ...withoutSegments(route.params), ...segmentParams(segments) } };
    if (formatRoute(next) === location.hash) return;
    this.#keepFocus = true;
    this.#router.go(next);
  }

  #showBanner(banner: Banner): void {
    this.banners = [...this.banners.filter((b) => b.id !== banner.id), banner];
  }

  #endSession(): void {
    if (this.phase !== 'ready') return;
    this.#leave();
    this.sessionEnded = true;
  }

  async #handleLogout(): Promise<void> {
    const session = this.session;
    try {
      if (session) await logout(session);
    } catch {
      // The server could not be told; the session cookie still expires on its own, and the
      // user asked to leave: show the login form either way.
    }
    this.#leave();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#live.stop();
  }

  #leave(): void {
    this.#live.stop();
    this.session = undefined;
    this.directory = new Directory();
    this.banners = [];
    this.live = 'off';
    this.phase = 'login';
  }

  /** The route to show: the address, fitted to the user's role and the view's depth (see normalizeRoute). */
  #route(session: Session): { route: Route; view: ViewDefinition } | undefined {
    const route = normalizeRoute(this.#router.route, session.user, VIEWS);
    const view = VIEWS.find((v) => v.id === route.view);
    return view ? { route, view } : undefined;
  }

  protected override willUpdate(): void {
    if (this.phase !== 'ready' || !this.session) return;
    const shown = this.#route(this.session);
    // Defaults, a role's landing place and old-style bookmarks are written into the address
    // without a history entry, so the back button never returns to an address that only redirects.
    if (shown && formatRoute(shown.route) !== location.hash) this.#router.replace(shown.route);
  }

  protected override updated(): void {
    const heading = this.querySelector<HTMLElement>('main h1');
    document.title = heading?.textContent ? `${heading.textContent.replace(/\s+/g, ' ').trim()} · ${this.#i18n.m.app.title}` : this.#i18n.m.app.title;
    if (this.#moved && heading) heading.focus();
    this.#moved = false;
  }

  #focusMain(event: Event): void {
    // The address is the router's: a `#main` fragment would be read as a route.
    event.preventDefault();
    (this.querySelector<HTMLElement>('main h1') ?? this.querySelector<HTMLElement>('main'))?.focus();
  }

  #renderHeader(session: Session | undefined) {
    const { m } = this.#i18n;
    return html`<header class="top">
      <p class="brand">
        <img src="favicon.svg" alt="" width="28" height="28" /><span class="product">${m.app.title}</span>
        ${session && this.directory.brandName ? html`<bdi class="retailer">${this.directory.brandName}</bdi>` : nothing}
      </p>
      <sv-live-status .status=${this.live}></sv-live-status>
      ${session ? html`<p class="who"><bdi class="name">${session.user.name}</bdi> <span class="role">${m.app.roles[session.user.role]}</span></p>` : nothing}
      <sv-language-switch></sv-language-switch>
      ${session ? html`<button type="button" class="logout" @click=${this.#handleLogout}>${m.app.logOut}</button>` : nothing}
    </header>`;
  }

  #renderNav(session: Session, route: Route) {
    const { m, locale } = this.#i18n;
    const views = VIEWS.filter((v) => v.roles.includes(session.user.role));
    return html`<nav class="views" aria-label=${m.app.views}>
      <ul>
        ${views.map((v) => {
          // Segments follow the user to every view that can be cut by them.
          const params = v.segments ? segmentParams(readSegments(route.params)) : {};
          const href = formatRoute({ view: v.id, scope: trimScope(route.scope, v.depth), from: route.from, to: route.to, params });
          return html`<li><a href=${href} aria-current=${v.id === route.view ? 'page' : nothing}>${v.title[locale]}</a></li>`;
        })}
      </ul>
    </nav>`;
  }

  #renderDashboard(session: Session) {
    const { m, locale } = this.#i18n;
    const shown = this.#route(session);
    if (!shown) return html`<main id="main" tabindex="-1"><p class="state state-error" role="alert">${m.state.invalid}</p></main>`;
    const { route, view } = shown;
    const place = placeName(route.scope, this.directory, m);
    const range = effectiveRange(route, new Date(), this.directory.timeZones());
    const segments = readSegments(route.params);
    const segmented = view.segments === true && SEGMENT_ROLES.includes(session.user.role) && route.scope.staff === undefined;
    const context: ViewContext = {
      route,
      session,
      directory: this.directory,
      range,
      place,
      segments,
      link: (change) => formatRoute({ ...route, ...change }),
      navigate: (change, options = {}) => {
        const next = { ...route, ...change };
        if (formatRoute(next) === location.hash) return;
        if (options.replace) return this.#router.replace(next);
        if (options.keepFocus) this.#keepFocus = true;
        this.#router.go(next);
      },
    };
    return html`<a class="skip-link" href="#main" @click=${this.#focusMain}>${m.app.skipToContent}</a>
      ${this.#renderHeader(session)} ${this.#renderNav(session, route)}
      <sv-banners .banners=${this.banners}></sv-banners>
      <main id="main" tabindex="-1">
        <h1 tabindex="-1">${view.title[locale]} <span class="place">— <bdi>${place}</bdi></span></h1>
        <sv-breadcrumbs .crumbs=${breadcrumbs(route, session.user, this.directory, m)}></sv-breadcrumbs>
        ${view.dateRange ? html`<sv-date-range .range=${range}></sv-date-range>` : nothing}
        ${segmented ? html`<sv-segments .segments=${segments} .scope=${route.scope} .range=${range}></sv-segments>` : nothing}
        <div class="view">${view.render(context)}</div>
      </main>`;
  }

  override render() {
    const { m } = this.#i18n;
    switch (this.phase) {
      case 'starting':
        return html`<main id="main"><p class="state state-loading" role="status">${m.app.loading}</p></main>`;
      case 'failed':
        return html`${this.#renderHeader(undefined)}
          <main id="main">
            <div class="state state-error" role="alert">
              <p class="title">${m.app.startFailed}</p>
              <button type="button" @click=${() => void this.#start()}>${m.state.retry}</button>
            </div>
          </main>`;
      case 'login':
        return html`${this.#renderHeader(undefined)}
          <main id="main"><sv-login .notice=${this.sessionEnded ? m.login.sessionEnded : ''}></sv-login></main>`;
      case 'ready':
        return this.session ? this.#renderDashboard(this.session) : nothing;
    }
  }
}
