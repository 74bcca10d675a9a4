/** A cell a spreadsheet could run as a formula: it starts with = + - @, a tab or a carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain amount such as -12.50 is a number to the spreadsheet, not a formula: it stays as it is. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** One CSV cell: formula-looking text prefixed with ' (OWASP), then quoted as RFC 4180 asks. */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text.startsWith("'") ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV text with CRLF line ends (RFC 4180). */
export function toCsv(rows: (string | number | null)[][]): string {
  return `${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
