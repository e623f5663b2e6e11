/**
 * The one CSV writer: every CSV wep writes (distribution lists, attendance registers) goes
 * through `formatCsv`, so every one is quoted the same way (csv-stringify), ends its rows in
 * CRLF (RFC 4180, what spreadsheets expect) and is safe to open in a spreadsheet. csv-stringify
 * is loaded only here, and only when a CSV is written.
 */

/** A cell as the reports hold it: text, a count, or nothing. */
export type CsvCell = string | number | null | undefined;

/**
 * Text a spreadsheet would run as a formula (= + - @, also after spaces or in their
 * full-width forms) or that starts with a tab or CR: OWASP's CSV injection list.
 */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@\uff1d\uff0b\uff0d\uff20])/;
/** Control characters a CSV cell never holds (CR and LF are line breaks inside a quoted cell). */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** A cell made safe: controls become U+FFFD, and text a spreadsheet would run gets a leading ' (OWASP). Numbers are data and left alone. */
export function neutraliseCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = cell.replace(CONTROLS, '\ufffd');
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Rows (the header first) as CSV text: quoted where needed (and wherever a line break or edge space is), CRLF after every row. */
export async function formatCsv(rows: readonly (readonly CsvCell[])[]): Promise<string> {
  const { stringify } = await import('csv-stringify/sync');
  return stringify(
    rows.map((row) => row.map(neutraliseCell)),
    // csv-stringify quotes a field holding the whole CRLF delimiter only; a lone CR or LF
    // must be quoted too, or it would end the row
    { record_delimiter: 'windows', quoted_match: [/[\r\n]/, /^\s|\s$/] },
  );
}
