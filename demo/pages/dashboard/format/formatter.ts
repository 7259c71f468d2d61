/**
 * Numbers, dates and lists for one locale, with `Intl` (cached formatters: a table of 500 rows
 * formats thousands of cells). Pure: no DOM, so Node tests run it as is.
 */
export class Formatter {
  readonly #count: Intl.NumberFormat;
  readonly #nps: Intl.NumberFormat;
  readonly #percent: Intl.NumberFormat;
  readonly #average: Intl.NumberFormat;
  readonly #day: Intl.DateTimeFormat;
  readonly #dayShort: Intl.DateTimeFormat;
  readonly #list: Intl.ListFormat;
  readonly #signed: Intl.NumberFormat;
  readonly #signedAverage: Intl.NumberFormat;
  readonly #share: Intl.NumberFormat;
  readonly #decimal: Intl.NumberFormat;
  readonly #dateTimes = new Map<string, Intl.DateTimeFormat>();

  constructor(readonly locale: string) {
    this.#count = new Intl.NumberFormat(locale);
    // NPS runs from −100 to +100: the sign is part of the reading ("+12" is good news).
    this.#nps = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
    this.#percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    this.#average = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 });
    // Day values (`2026-03-01`) are calendar dates (each store's own days): formatted as UTC
    // midnights, they never shift by one whatever the reader's zone.
    this.#day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    this.#dayShort = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
    this.#list = new Intl.ListFormat(locale, { type: 'conjunction' });
    this.#signed = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
    this.#signedAverage = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
    this.#share = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    this.#decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  }

  /** A count: `1,234` (en), `1 234` (fr). */
  count(value: number): string {
    return this.#count.format(value);
  }

  /** A Net Promoter Score, −100…100, with its sign: `+33.3`, `−12`, `0`. */
  nps(value: number): string {
    return this.#nps.format(value);
  }

  /** A percentage given as 0…100 (the API's CSAT): `83.3%` (en), `83,3 %` (fr). */
  percent(value: number): string {
    return this.#percent.format(value / 100);
  }

  /** An average rating such as 4.25 (the API's smiley and stars, 1…5). */
  average(value: number): string {
    return this.#average.format(value);
  }

  /** A change with its sign, one decimal: `+12.5`, `-3`, `0` (NPS points, CSAT percentage points). */
  signed(value: number): string {
    return this.#signed.format(value);
  }

  /** A change of an average rating with its sign: `+0.25`, `-0.10`. */
  signedAverage(value: number): string {
    return this.#signedAverage.format(value);
  }

  /** A number with exactly one decimal: `1.5`, `2.0` (en), `1,5` (de); e.g. hours. */
  decimal(value: number): string {
    return this.#decimal.format(value);
  }

  /** A share of a whole given as 0…1, whole percent: `42%`. */
  share(value: number): string {
    return this.#share.format(value);
  }

  /** Two calendar days of the API as one range: `Feb 6 – Mar 7, 2026` (en), `6.–7. März 2026` (de). */
  dayRange(from: string, to: string): string {
    const start = new Date(`${from}T00:00:00Z`);
    const end = new Date(`${to}T00:00:00Z`);
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || start > end) return `${from} – ${to}`;
    return this.#day.formatRange(start, end);
  }

  /** A calendar day of the API (`2026-03-01`), as a date of this locale. */
  day(isoDay: string): string {
    const date = new Date(`${isoDay}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? isoDay : this.#day.format(date);
  }

  /** A calendar day as a short axis label: `Mar 1` (en), `1 mars` (fr), `3月1日` (ja). */
  dayShort(date: Date): string {
    return this.#dayShort.format(date);
  }

  /**
   * A moment in a given IANA time zone, with the zone's short name so a reader comparing stores
   * knows whose clock it is: `Mar 1, 2026, 10:00 AM GMT+1`. An unknown zone falls back to UTC.
   */
  dateTime(iso: string, timeZone: string): string {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    return this.#dateTimeFormat(timeZone).format(date);
  }

  /** Names as one phrase: `Ann, Bob and Cat` (en), `Ann, Bob et Cat` (fr). */
  list(items: readonly string[]): string {
    return this.#list.format(items);
  }

  #dateTimeFormat(timeZone: string): Intl.DateTimeFormat {
    let format = this.#dateTimes.get(timeZone);
    if (!format) {
      const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' };
      try {
        format = new Intl.DateTimeFormat(this.locale, { ...options, timeZone });
      } catch {
        // A zone this browser does not know (or a typo in the hierarchy): UTC, labelled as such.
        format = new Intl.DateTimeFormat(this.locale, { ...options, timeZone: 'UTC' });
      }
      this.#dateTimes.set(timeZone, format);
    }
    return format;
  }
}
