import type { CsvPaymentField } from '../../../shared/contract/payments';
import type { PaymentMethod } from '../../../shared/contract/dues';
import { parseDate } from '../../imports/normalize';
import { isEmptyRow } from '../../imports/parse';
import { KansliError } from '../../../shared/result';
import { fileError } from './errors';
import { withOccurrence, type BankTransaction, type ParsedBankFile, type PayeeSettings } from './types';

/**
 * A bank's or Swish/Vipps CSV (or Excel) report read through a column mapping: the import
 * wizard reads the table (encoding, separator, Excel; src/core/imports/parse.ts), this turns
 * its rows into payments. Such reports carry no totals to check, so every row is checked
 * instead: a date or amount that cannot be read stops the file at its row. Outgoing rows
 * (negative amounts) are not payments to the association and are counted as skipped.
 */

export type CsvColumns = Record<CsvPaymentField, number | null>;

const HEADER_HINTS: [CsvPaymentField, RegExp][] = [
  ['transactionId', /transaktions?-?(id|nummer|nr)|transaction.?id|löpnummer|arkivref|^id$/i],
  ['date', /datum|dato|date|bokf|transaktionsdag|dag$|booking/i],
  ['amount', /belopp|beløp|amount|summa|^sum|kronor|^kr$/i],
  ['reference', /referens|referanse|ocr|kid|reference|^ref/i],
  ['message', /meddelande|melding|message|tekst|text|beskrivning|beskrivelse|info/i],
  ['name', /namn|navn|name|avsändare|avsender|betalare|betaler|payer|från|^fra$|^from$/i],
];

/** The column each field's header suggests (each column used once). */
export function suggestColumns(headers: string[]): CsvColumns {
  const out: CsvColumns = { date: null, amount: null, reference: null, name: null, message: null, transactionId: null };
  const used = new Set<number>();
  for (const [f, re] of HEADER_HINTS) {
    const i = headers.findIndex((h, c) => !used.has(c) && re.test(h.trim()));
    if (i >= 0) {
      out[f] = i;
      used.add(i);
    }
  }
  return out;
}

/**
 * An amount as banks export it: "1 250,00", "1250.5", "-250,00", "1.250,00", "1,250.00 kr",
 * in minor units; null when it is not one. Never through floating point.
 */
export function parseBankAmount(text: string): number | null {
  let s = text.replace(/[\s\u00a0\u202f']+/g, '').replace(/^(kr|sek|nok)\.?|(kr|sek|nok|:-|,-)\.?$/gi, '');
  const negative = /^[-−]/.test(s) || /-$/.test(s);
  s = s.replace(/^[-−+]|-$/g, '');
  if (!/^\d[\d.,]*$/.test(s)) return null;
  const dec = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
  let whole = s;
  let fraction = '';
  // A separator followed by one or two digits is the decimal one; any other separator groups thousands.
  if (dec >= 0 && s.length - dec - 1 <= 2) {
    whole = s.slice(0, dec);
    fraction = s.slice(dec + 1);
    if (fraction === '') return null;
  }
  const sep = whole.match(/[.,]/)?.[0];
  if (sep) {
    const pieces = whole.split(sep);
    if (!/^\d{1,3}$/.test(pieces[0]) || !pieces.slice(1).every((p) => /^\d{3}$/.test(p))) return null;
    whole = pieces.join('');
  }
  if (!/^\d+$/.test(whole)) return null;
  const minor = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(minor)) return null;
  return negative ? -minor : minor;
}

/** A cleaned reference: blanks out, upper-case (RF); empty → none. */
const compact = (s: string) => s.replace(/\s+/g, '').toUpperCase();

export function parseCsvReport(
  rows: string[][],
  headerRow: number,
  columns: CsvColumns,
  method: PaymentMethod,
  payee: PayeeSettings,
): ParsedBankFile {
  if (columns.date === null) throw new KansliError('validation', 'date column not mapped', { fields: [{ field: 'date', code: 'csv-column-missing' }] });
  if (columns.amount === null) throw new KansliError('validation', 'amount column not mapped', { fields: [{ field: 'amount', code: 'csv-column-missing' }] });
  const cell = (row: string[], c: number | null) => (c === null ? '' : (row[c] ?? '').trim());
  const transactions: BankTransaction[] = [];
  let skipped = 0;
  for (let i = headerRow; i < rows.length; i++) {
    const row = rows[i];
    const line = i + 1;
    if (isEmptyRow(row)) continue;
    const paidOn = parseDate(cell(row, columns.date));
    if (!paidOn) throw fileError('file-field', line, { column: String(columns.date + 1) });
    const amount = parseBankAmount(cell(row, columns.amount));
    if (amount === null) throw fileError('file-field', line, { column: String(columns.amount + 1) });
    if (amount <= 0) {
      skipped++;
      continue;
    }
    const reference = compact(cell(row, columns.reference));
    const name = cell(row, columns.name) || null;
    const message = cell(row, columns.message);
    const id = cell(row, columns.transactionId);
    transactions.push({
      line,
      kind: 'payment',
      paidOn,
      amount,
      currency: payee.currency,
      references: reference ? [{ reference, amount: null }] : [],
      message,
      payerName: name,
      method,
      // Without the bank's id, the row's own content identifies it (the occurrence keeps two equal rows apart).
      key: id ? `csv:id:${id}` : `csv:${paidOn}:${amount}:${reference}:${name ?? ''}:${message}`,
    });
  }
  return { format: 'csv', payee: null, currency: payee.currency, transactions: withOccurrence(transactions), control: null, skipped, leftOut: { outgoing: skipped, reversals: 0, pending: 0 } };
}
