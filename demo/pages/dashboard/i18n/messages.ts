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
    /** Says how days are counted: each store's calendar, as the collector's rollups count them. */
    readonly storeDays: string;
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
    readonly stars: string;
    readonly responses: string;
    /** The count a score rests on, "n = 12" (the count comes formatted). */
    readonly n: (count: string) => string;
    readonly notEnough: string;
    /** Why individual or pulse scores are withheld. */
    readonly withheld: (min: string) => string;
    /** A change against the previous period: "+12.5 vs Jan 6 – Feb 4" (the change comes with its sign). */
    readonly change: (delta: string, period: string) => string;
    /** No change is shown: one of the periods has too few answers (the smaller count comes formatted). */
    readonly tooFewToCompare: (n: string) => string;
    /** A change of CSAT, in percentage points: "+3.2 pts". */
    readonly points: (delta: string) => string;
    /** The target that applies: "Target +30". */
    readonly target: (value: string) => string;
    /** The target is reached. */
    readonly targetMet: string;
    /** How far below its target a score is: "12.5 to go". */
    readonly targetGap: (gap: string) => string;
    /** The whole brand's figure, to compare with: "Brand: +10.2". */
    readonly brandBenchmark: (value: string) => string;
    /** The region's figure, to compare with: "Region: +8". */
    readonly regionBenchmark: (value: string) => string;
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
    /** A change column's cell when one period has too few answers: "too few (n = 3)". */
    readonly tooFew: (n: string) => string;
    /** Why a segmented store view lists no staff: the collector keeps no segments per person. */
    readonly notBySegment: string;
    /** The header of a change column: "NPS change". */
    readonly change: (metric: string) => string;
    /** Names the rows of the brand and region to compare with. */
    readonly benchmarks: string;
    /** A benchmark row: "Acme Outfitters (brand)". */
    readonly brandRow: (name: string) => string;
    readonly regionRow: (name: string) => string;
  };

  readonly trend: {
    readonly heading: string;
    /** The chart's text alternative points to the table: "Chart of NPS over time for Nordics; …". */
    readonly chartLabel: (metric: string, place: string) => string;
    readonly asTable: string;
    /** The table's caption: "NPS per period, with the number of answers". */
    readonly caption: (metric: string) => string;
    /** The first column of the table, per kind of period. */
    readonly day: string;
    readonly week: string;
    readonly rolling7: string;
    readonly rolling28: string;
    /** The period select and its choices. */
    readonly periods: string;
    readonly buckets: { readonly day: string; readonly week: string; readonly rolling7: string; readonly rolling28: string };
    /** The score select. */
    readonly score: string;
    /** Names the legend, whose entries show or hide a line. */
    readonly lines: string;
    /** The brand's line, to compare with: "Acme Outfitters (brand)". */
    readonly brandLine: (name: string) => string;
    /** Under the chart: gaps are periods with too few answers, not a score of zero. */
    readonly gaps: (min: string) => string;
    readonly noData: (metric: string) => string;
  };

  /** The landing view's early warning: stores whose rolling score moved most. */
  readonly movers: {
    readonly heading: (metric: string) => string;
    /** How stores are picked: "… the last 28 days … at least 10 answers …". */
    readonly intro: (days: string, min: string) => string;
    readonly window: string;
    readonly days: (n: string) => string;
    readonly falling: string;
    readonly rising: string;
    readonly none: string;
    /** A score then and now: "+33 → −33" (the arrow points the way the language reads). */
    readonly fromTo: (before: string, now: string) => string;
    /** The counts of both windows: "n = 40 / 38". */
    readonly n: (before: string, now: string) => string;
  };

  /** The segment bar: corporate's cuts of customer feedback. */
  readonly segments: {
    readonly label: string;
    /** The bar's summary with no segment chosen. */
    readonly all: string;
    readonly channel: string;
    readonly anyChannel: string;
    readonly channels: { readonly web: string; readonly kiosk: string; readonly qr: string; readonly app: string };
    readonly device: string;
    readonly anyDevice: string;
    readonly devices: { readonly kiosk: string; readonly mobile: string; readonly tablet: string; readonly desktop: string; readonly unknown: string };
    readonly survey: string;
    readonly anySurvey: string;
    readonly locale: string;
    readonly localeHint: string;
    readonly invalidLocale: string;
    readonly apply: string;
    readonly clear: string;
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
    /** The staff a comment names (only those at the anonymity minimum). */
    readonly staff: (names: string) => string;
    /** What a score means, next to it. */
    readonly bands: {
      readonly detractor: string;
      readonly passive: string;
      readonly promoter: string;
      readonly low: string;
      readonly mid: string;
      readonly high: string;
    };
    /** One of the submission's other answers: "What went wrong?: Long queue". */
    readonly answer: (question: string, answer: string) => string;
    readonly yes: string;
    readonly no: string;
    /** The "Other" option of a choice question. */
    readonly other: string;
    readonly loadMore: string;
    readonly loadingMore: string;
    readonly loadMoreFailed: string;
    readonly noMatch: string;
    /** Announced after a search or a page: "12 comments shown". */
    readonly shown: (count: string) => string;
  };
}
