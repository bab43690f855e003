/**
 * RFC 4180 CSV for spreadsheets: CRLF line endings, fields quoted only when they must be, a UTF-8
 * byte order mark so Excel reads the file as UTF-8, and cells that a spreadsheet would evaluate as
 * a formula neutralised (OWASP "CSV Injection"): contact data is uploaded by strangers.
 */

/** One exported column: the header a person reads, and how to get a row's cell as text. */
export type CsvColumn<Row> = {
  label: string;
  value: (row: Row) => string | number | null | undefined;
};

export const CSV_BOM = '\uFEFF';
const CRLF = '\r\n';

/** Characters that make Excel, LibreOffice or Google Sheets treat a cell as a formula or DDE call. */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);
const NEEDS_QUOTES = /[",\r\n]/;

/** A cell as it appears in the file: neutralised, then quoted if it contains a comma, quote, CR or LF. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (text.length > 0 && FORMULA_TRIGGERS.has(text[0] ?? '')) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The start of the file: the byte order mark and the header line. */
export function csvHeader<Row>(columns: readonly CsvColumn<Row>[]): string {
  return CSV_BOM + columns.map((column) => csvCell(column.label)).join(',') + CRLF;
}

/** The lines for a batch of rows, as one chunk to append after the header (each line ends in CRLF). */
export function csvRows<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[]): string {
  const lines: string[] = [];
  for (const row of rows) lines.push(columns.map((column) => csvCell(column.value(row))).join(',') + CRLF);
  return lines.join('');
}
