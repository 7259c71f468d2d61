/** A CSV cell: text, a number, or empty. */
export type Cell = string | number | null | undefined;

// Spreadsheets run a cell that starts with one of these as a formula (CSV injection): a comment
// "=HYPERLINK(…)" must stay text. Tab and CR are on OWASP's list too.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell per RFC 4180, safe to open in a spreadsheet: text that could start a formula gets a
 * leading `'`; numbers are written as numbers (a negative NPS stays a number).
 */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows to CSV text with CRLF line ends. */
export function toCsv(header: readonly string[], rows: Iterable<readonly Cell[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return lines.join('\r\n') + '\r\n';
}
