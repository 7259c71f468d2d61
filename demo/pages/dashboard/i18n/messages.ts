/**
 * Every text of the dashboard's shell and shared components, one object per language (a view's
 * own texts live in its folder: see views/view.ts). Functions where a value goes into the
 * sentence. Like the widget's catalogs (src/i18n/messages.ts): a small typed catalog rather than
 * @lit/localize, so there is no build step and the compiler checks every language has every text.
 *
 * Sentences avoid counted nouns where they can ("minimum: 10"), so no language needs plural rules.
 */
export interface Messages {
  /** Writing direction, set on `<html dir>`. */
  readonly dir: 'ltr' | 'rtl';
  /** The language's own name in the language switch ("Français", not "French"). */
  readonly languageName: string;

  readonly app: {
    /** The page title's suffix and the login heading's product name. */
    readonly title: string;
    readonly loading: string;
    readonly skipToContent: string;
    /** Label of the language switch. */
    readonly language: string;
    readonly logOut: string;
    /** Names the navigation between views. */
    readonly views: string;
    /** Names the breadcrumb trail. */
    readonly breadcrumb: string;
    /** Names the area of banners (notices from the dashboard). */
    readonly notices: string;
    readonly dismiss: string;
    readonly roles: { readonly corporate: string; readonly regional: string; readonly store: string; readonly staff: string };
    /** Banner when the language was switched but could not be saved for the next visit. */
    readonly languageNotSaved: string;
    /** Banner when the names of regions, stores and staff could not be loaded (ids are shown). */
    readonly namesNotLoaded: string;
    /** The whole dashboard could not start (the collector is unreachable). */
    readonly startFailed: string;
  };

  /** The live-status indicator (live updates arrive with the cases inbox). */
  readonly live: { readonly connecting: string; readonly live: string; readonly offline: string };

  readonly login: {
    readonly heading: string;
    readonly email: string;
    readonly password: string;
    readonly submit: string;
    readonly wrongCredentials: string;
    readonly tooManyAttempts: (seconds: number) => string;
    readonly unreachable: string;
    readonly sessionEnded: string;
  };

  /** Names of places when the directory has no name for an id (shown with the id). */
  readonly place: {
    readonly region: (id: string) => string;
    readonly store: (id: string) => string;
    readonly staff: (id: string) => string;
    /** Feedback without a region, store or staff member. */
    readonly unassigned: string;
  };

  readonly range: {
    /** Names the date-range form. */
    readonly label: string;
    readonly from: string;
    readonly to: string;
    readonly apply: string;
    readonly startAfterEnd: string;
    /** Says how days are counted: the collector's rollups are per UTC day. */
    readonly utcDays: string;
    readonly exportCsv: string;
  };

  /** What a view shows instead of figures. */
  readonly state: {
    readonly loading: string;
    readonly empty: (from: string, to: string) => string;
    readonly forbidden: (place: string) => string;
    readonly invalid: string;
    readonly unreachable: string;
    readonly failed: (status: number) => string;
    /** The collector answered in a shape this dashboard does not know. */
    readonly unexpected: string;
    readonly retry: string;
  };

  readonly kpi: {
    readonly label: string;
    readonly nps: string;
    readonly csat: string;
    readonly smiley: string;
    readonly responses: string;
    /** The count a score rests on, "n = 12" (the count comes formatted). */
    readonly n: (count: string) => string;
    readonly notEnough: string;
    /** Why individual or pulse scores are withheld. */
    readonly withheld: (min: string) => string;
  };

  readonly groups: {
    readonly regions: string;
    readonly stores: string;
    readonly storesOfRegion: string;
    readonly team: string;
    readonly region: string;
    readonly store: string;
    readonly staffMember: string;
    readonly responses: string;
    readonly npsN: string;
    readonly csatN: string;
    readonly smileyN: string;
    readonly none: string;
    /** The collapsed staff section. */
    readonly staffHeading: string;
    readonly showIndividual: (min: string) => string;
  };

  readonly trend: {
    readonly heading: string;
    readonly chartLabel: string;
    readonly asTable: string;
    readonly caption: string;
    readonly day: string;
    readonly week: string;
  };

  readonly distribution: {
    readonly heading: string;
    readonly nps: string;
    readonly csat: string;
    readonly smiley: string;
    readonly stars: string;
    readonly answer: string;
    readonly count: string;
    readonly share: string;
    readonly withheld: string;
    readonly none: string;
  };

  readonly comments: {
    readonly heading: string;
    readonly none: string;
    /** "NPS 3" next to a comment. */
    readonly npsScore: (score: string) => string;
    /** The lowest 1–5 rating of the response, "Lowest rating 2/5". */
    readonly lowestRating: (score: string) => string;
    /** Who a kudos is for: the names come as one formatted list. */
    readonly forStaff: (names: string) => string;
  };
}
