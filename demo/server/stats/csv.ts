/** A CSV cell: text, a number, or empty. */
export type Cell = string | number | null | undefined;

// Spreadsheets run a cell that starts with one of these as a formula (CSV injection): a comment
// "=HYPERLINK(…)" must stay text. Tab and CR are on OWASP's list too.
const FORMULA_START = /^[=+\-@\t\r]/;

// A cell is quoted when it holds a field separator of ANY common locale, not only our `,`: Excel
// in sv-SE or de-DE opens CSV files with `;`, and some imports split on tabs. Unquoted,
// `x;=HYPERLINK(…)` becomes two cells there, the second a formula that the leading `'` never saw.
const NEEDS_QUOTES = /[",;\t\r\n]/;

// Quoting alone is not enough: a quote only groups where it OPENS a field, and in a `;` locale the
// comment column of `2026-11-23,042,"x;=1+1;y"` begins mid-field (`2026-11-23,042,"x`), so the
// quote is a literal and `=1+1` is a cell of its own. Every place where some locale could start a
// field (after `,` `;` tab or a line break, past spaces and quotes) is defused like a cell start.
const FORMULA_AFTER_SEPARATOR = /([,;\t\r\n][ "]*)(?=[=+\-@])/g;

/** `=` `+` `-` `@`: the formula starts a cell without a separator, quote or line break can hold. */
const isFormulaChar = (code: number) => code === 61 || code === 43 || code === 45 || code === 64;

/**
 * One cell per RFC 4180, safe to open in a spreadsheet whatever its list separator: text that
 * could start a formula, at its start or after a separator inside it, gets a `'` there; text
 * holding `,` `;` a tab, a quote or a line break is quoted; numbers are written as numbers (a
 * negative NPS stays a number).
 * @example csvCell('x;=1+1') // `"x;'=1+1"`
 */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  // Most cells (ids, times, names, short comments) hold no separator, quote or line break: then
  // nothing after a separator needs defusing and nothing needs quoting, and only the first
  // character can start a formula (tab and CR are separators, so they never reach this line).
  // One scan instead of three regular expressions, for the 600,000 cells of a full export.
  if (!NEEDS_QUOTES.test(value)) return isFormulaChar(value.charCodeAt(0)) ? `'${value}` : value;
  const defused = value.replace(FORMULA_AFTER_SEPARATOR, "$1'");
  const text = FORMULA_START.test(defused) ? `'${defused}` : defused;
  // Defusing only adds `'`s: the separator found above is still there, so the cell is quoted.
  return `"${text.replaceAll('"', '""')}"`;
}

/** One CSV line per row, each ended by CRLF (a part of a file: `toCsv` is the header plus these). */
export function csvLines(rows: Iterable<readonly Cell[]>): string {
  let text = '';
  for (const row of rows) text += row.map(csvCell).join(',') + '\r\n';
  return text;
}

/** Rows to CSV text with CRLF line ends. */
export function toCsv(header: readonly string[], rows: Iterable<readonly Cell[]>): string {
  return csvLines([header]) + csvLines(rows);
}
