import { html, nothing } from 'lit';
import type { KudosResponse } from '../../../server/stats/types.js';
import { ApiFailure, fetchKudos, fetchMe, fetchView, logout, type Me, type ViewData } from '../api.js';
import { formatRoute, parseRoute, toQuery, type Route, type Tab } from '../route.js';
import { LightElement } from './light-element.js';

const ROLE_LABEL: Record<Me['user']['role'], string> = { corporate: 'Corporate', regional: 'Regional manager', store: 'Store manager', staff: 'Staff member' };

/**
 * The dashboard: login, then one level view (brand → region → store → staff) chosen by the URL
 * hash. The server decides what each user may see; the view only starts at the user's level.
 */
export class SvDashboard extends LightElement {
  static override properties = { me: { state: true }, route: { state: true }, data: { state: true }, kudos: { state: true }, error: { state: true }, loading: { state: true } };
  declare me: Me | undefined | null;
  declare route: Route;
  declare data: ViewData | undefined;
  declare kudos: KudosResponse | undefined;
  declare error: string;
  declare loading: boolean;
  private abort: AbortController | undefined;
  private readonly onHashChange = () => this.navigate(parseRoute(location.hash));

  constructor() {
    super();
    this.me = null; // null: not known yet; undefined: logged out
    this.route = parseRoute(location.hash);
    this.error = '';
    this.loading = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    void fetchMe().then(
      (me) => this.signedIn(me),
      () => (this.me = undefined),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    this.abort?.abort();
  }

  private signedIn(me: Me | undefined): void {
    this.me = me;
    if (me) this.navigate(this.home(me, parseRoute(location.hash)));
  }

  /** Starts a user at their own level: a store manager lands on their store, and so on. */
  private home(me: Me, route: Route): Route {
    const u = me.user;
    if (u.role === 'regional' && !route.region) return { ...route, region: u.regionId ?? undefined };
    if (u.role === 'store' && !route.store) return { ...route, store: u.storeId ?? undefined };
    if (u.role === 'staff' && !route.staff) return { ...route, staff: u.staffId ?? undefined, tab: route.tab === 'employee' ? 'customer' : route.tab };
    return route;
  }

  private navigate(route: Route): void {
    const hash = formatRoute(route);
    if (location.hash !== hash) history.replaceState(null, '', hash);
    this.route = route;
    void this.load();
  }

  private async load(): Promise<void> {
    if (!this.me) return;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.loading = true;
    this.error = '';
    try {
      const query = toQuery(this.route);
      if (this.route.tab === 'kudos') this.kudos = await fetchKudos(query, abort.signal);
      else this.data = await fetchView(query, abort.signal);
    } catch (error) {
      if (abort.signal.aborted) return;
      if (error instanceof ApiFailure && error.status === 401) this.me = undefined;
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      if (!abort.signal.aborted) this.loading = false;
    }
  }

  private async handleLogout(): Promise<void> {
    if (this.me) await logout(this.me.csrfToken);
    this.me = undefined;
    this.data = undefined;
    this.kudos = undefined;
  }

  private handleDates(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const from = String(data.get('from') ?? '') || undefined;
    const to = String(data.get('to') ?? '') || undefined;
    location.hash = formatRoute({ ...this.route, from, to });
  }

  private link(over: Partial<Route>): string {
    return formatRoute({ ...this.route, ...over });
  }

  private renderHeader(me: Me) {
    return html`<header class="top">
      <p class="brand">StoreVoice</p>
      <p class="who"><span class="name">${me.user.name}</span> · <span class="role">${ROLE_LABEL[me.user.role]}</span></p>
      <button type="button" @click=${this.handleLogout}>Log out</button>
    </header>`;
  }

  /** Breadcrumbs up to the current level, starting at the user's own level. */
  private renderTrail(me: Me) {
    const r = this.route;
    const names = this.data?.stats.groups;
    const crumbs: Array<[string, string]> = [];
    const role = me.user.role;
    if (role === 'corporate') crumbs.push(['Brand', this.link({ region: undefined, store: undefined, staff: undefined })]);
    if (r.region && (role === 'corporate' || role === 'regional')) crumbs.push([`Region ${r.region}`, this.link({ store: undefined, staff: undefined })]);
    if (r.store && role !== 'staff') crumbs.push([`Store ${r.store}`, this.link({ staff: undefined })]);
    if (r.staff) crumbs.push([`Staff ${names?.find((g) => g.id === r.staff)?.name ?? r.staff}`, this.link({})]);
    return html`<nav aria-label="Breadcrumb"><ol class="trail">
      ${crumbs.map(([label, href], i) => html`<li><a href=${href} aria-current=${i === crumbs.length - 1 ? 'page' : nothing}>${label}</a></li>`)}
    </ol></nav>`;
  }

  private renderTabs(me: Me) {
    const tabs: Array<[Tab, string]> = [['customer', 'Customer feedback']];
    if (me.user.role !== 'staff') tabs.push(['employee', 'Employee pulse']);
    tabs.push(['kudos', 'Kudos']);
    return html`<nav aria-label="Views"><ul class="tabs">
      ${tabs.map(([tab, label]) => html`<li><a href=${this.link({ tab })} aria-current=${this.route.tab === tab ? 'page' : nothing}>${label}</a></li>`)}
    </ul></nav>`;
  }

  private renderFilters() {
    const exportQuery = toQuery(this.route);
    const echo = this.data?.stats.filter ?? this.kudos?.filter;
    return html`<form class="filters" @submit=${this.handleDates} aria-label="Date range">
      <label for="from">From</label><input id="from" name="from" type="date" .value=${this.route.from ?? echo?.from ?? ''} />
      <label for="to">To</label><input id="to" name="to" type="date" .value=${this.route.to ?? echo?.to ?? ''} />
      <button type="submit">Apply</button>
      ${this.route.tab === 'kudos' ? nothing : html`<a class="export" href=${`/v1/stats/export.csv?${exportQuery}`} download>Export CSV</a>`}
    </form>`;
  }

  private heading(): string {
    const r = this.route;
    const audience = r.tab === 'employee' ? 'Employee pulse' : r.tab === 'kudos' ? 'Kudos' : 'Customer feedback';
    const where = r.staff ? `staff member ${r.staff}` : r.store ? `store ${r.store}` : r.region ? `region ${r.region}` : 'the whole brand';
    return `${audience} — ${where}`;
  }

  private renderView() {
    const d = this.data;
    if (this.route.tab === 'kudos') {
      return html`<section aria-labelledby="kudos-h"><h2 id="kudos-h">Kudos</h2>
        <p>Positive comments that name or mention a member of staff.</p>
        <sv-comments .kudos=${this.kudos?.kudos ?? []} empty="No kudos in this period yet."></sv-comments></section>`;
    }
    if (!d) return nothing;
    const r = this.route;
    const employee = r.tab === 'employee';
    const level = d.stats.level;
    const min = d.stats.minResponses;
    const groupsTitle = level === 'region' ? 'Regions' : level === 'store' ? (r.region ? 'Stores in this region' : 'Stores') : 'Team members';
    const groupLink = (g: { id: string }) => {
      if (!g.id) return undefined;
      if (level === 'region') return this.link({ region: g.id });
      if (level === 'store') return this.link({ store: g.id });
      return this.link({ staff: g.id });
    };
    const groups = html`<sv-groups-table .groups=${d.stats.groups} caption=${groupsTitle} kind=${level === 'region' ? 'Region' : level === 'store' ? 'Store' : 'Staff member'} .link=${groupLink}></sv-groups-table>`;
    return html`
      <section aria-labelledby="results-h">
        <h2 id="results-h">${r.staff ? 'Individual results' : 'Team results'}</h2>
        ${d.stats.summary.insufficientResponses && (r.staff || employee) ? html`<p class="note">Not enough responses: scores show from ${min} responses.</p>` : nothing}
        <sv-kpis .kpis=${d.stats.summary} heading="Key figures"></sv-kpis>
      </section>
      <section aria-labelledby="trend-h"><h2 id="trend-h">Trend</h2><sv-trend-chart .points=${d.trend.points}></sv-trend-chart></section>
      ${r.staff
        ? nothing
        : level === 'staff'
          ? html`<section aria-labelledby="staff-h"><h2 id="staff-h">Staff</h2>
              <details class="staff"><summary>Show individual results (scores from ${min} responses)</summary>${groups}</details></section>`
          : employee && r.store
            ? nothing
            : html`<section aria-labelledby="groups-h"><h2 id="groups-h">${groupsTitle}</h2>${groups}</section>`}
      <section aria-labelledby="dist-h"><h2 id="dist-h">Answers</h2><sv-distribution .data=${d.distribution}></sv-distribution></section>
      <section aria-labelledby="comments-h"><h2 id="comments-h">Recent comments</h2><sv-comments .comments=${d.comments.comments}></sv-comments></section>`;
  }

  override render() {
    if (this.me === null) return html`<main><p>Loading…</p></main>`;
    if (this.me === undefined) return html`<sv-login @sv-logged-in=${(e: CustomEvent<Me>) => this.signedIn(e.detail)}></sv-login>`;
    const me = this.me;
    return html`${this.renderHeader(me)}
      <main>
        <h1>${this.heading()}</h1>
        ${this.renderTrail(me)} ${this.renderTabs(me)} ${this.renderFilters()}
        <p class="status" role="status">${this.loading ? 'Loading…' : ''}</p>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${this.renderView()}
      </main>`;
  }
}
