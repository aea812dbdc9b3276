/**
 * CSV for spreadsheets: RFC 4180 quoting, UTF-8 with a BOM (so Excel reads å ä ö æ ø), the
 * separator Excel expects in the user's locale (`;` where the decimal comma is used: sv, nb;
 * `,` for en), CRLF line ends.
 *
 * Formula injection (OWASP "CSV Injection", ASVS 1.2.10): a cell whose first character is
 * = + - @ tab CR LF or NUL is written as `'` + the cell, inside quotes, so Excel, LibreOffice and
 * Sheets show it as text and never evaluate it (`=HYPERLINK(…)` → `'=HYPERLINK(…)`, `-1` → `'-1`).
 *
 * Phone numbers are the one exception, and only in the shape the core itself produces: a phone
 * column's cell of the exact form `+<country code> <digits> <digits>…` (the international display
 * form of a number the core validated). Such a cell holds only a plus, digits and spaces, so it
 * cannot call a function, reference a cell or start DDE — there is nothing to inject — and the
 * spaces keep it from being read as the number 46701234567: spreadsheets keep it as the text
 * "+46 70 123 45 67", which is what the user needs to read and dial. Prefixing it with `'` would
 * show the apostrophe in the cell; writing `="+46…"` would itself be a formula. Anything else in
 * a phone column (e.g. "+46701234567" or "+1=…") gets the apostrophe like every other cell.
 * csv-spreadsheet.test.ts opens an export in LibreOffice Calc with formula evaluation on: the
 * phone cell shows as written, every neutralised cell as text (Excel itself cannot run there).
 */

export type CsvLanguage = 'sv' | 'nb' | 'en';

export const BOM = '\uFEFF';

export function separatorFor(language: CsvLanguage): ';' | ',' {
  return language === 'en' ? ',' : ';';
}

// eslint-disable-next-line no-control-regex
const FORMULA_START = /^[=+\-@\t\r\n\u0000]/;
const SAFE_PHONE = /^\+\d{1,3}(?: \d{1,8})+$/;

/** The cell as text that no spreadsheet evaluates. */
export function neutralise(value: string, kind: 'text' | 'phone' = 'text'): string {
  if (!FORMULA_START.test(value)) return value;
  if (kind === 'phone' && SAFE_PHONE.test(value)) return value;
  return `'${value}`;
}

const NEEDS_QUOTES = /[";,\r\n\t']|^\s|\s$/;

function quote(value: string, separator: string): string {
  if (value === '') return '';
  if (!NEEDS_QUOTES.test(value) && !value.includes(separator) && value[0] !== '+') return value;
  return `"${value.replace(/"/g, '""')}"`;
}

/**
 * The whole file. `kinds[i]` says which columns hold phone numbers. Cells are neutralised, then
 * quoted when they contain the separator, a quote, a line break, an apostrophe or a leading/trailing
 * space — and always when neutralised or starting with + (belt and braces for importers that
 * evaluate unquoted cells only).
 */
export function toCsv(header: string[], rows: string[][], language: CsvLanguage, kinds?: ('text' | 'phone')[]): string {
  const sep = separatorFor(language);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => {
        const safe = neutralise(c ?? '', kinds?.[i] ?? 'text');
        return safe !== c || safe[0] === '+' ? `"${safe.replace(/"/g, '""')}"` : quote(safe, sep);
      })
      .join(sep);
  const out: string[] = [line(header)];
  for (const r of rows) out.push(line(r));
  return BOM + out.join('\r\n') + '\r\n';
}
