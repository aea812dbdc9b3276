import type { PaymentMethod } from '../../../shared/contract/dues';
import { fileError } from './errors';
import { bankFileText, dateField, digits, field, fixedLines, numberField, type FileLine } from './text';
import { withOccurrence, type BankTransaction, type ParsedBankFile, type PayeeSettings, type TxReference } from './types';

/**
 * Bankgirot's BgMax file of incoming payments (nordic-formats.md §2): 80-character records,
 * 01 start, per deposit 05 … 15, 70 trailer. Every control the file carries is checked — each
 * deposit's sum and count (TK15 = ΣTK20 − ΣTK21, count = TK20 + TK21), the trailer's counts per
 * record type, the payee bankgiro against the register's — and any mismatch stops the whole file.
 */

const KNOWN = new Set(['01', '05', '20', '21', '22', '23', '25', '26', '27', '28', '29', '15', '70']);

interface OpenPayment {
  tx: Omit<BankTransaction, 'paidOn' | 'key'>;
  serial: string;
  raw: string;
}

interface Deposit {
  line: number;
  payee: string;
  currency: string;
  payments: OpenPayment[];
  plus: number;
  minus: number;
  count: number;
}

/** Bankgiro numbers compared as numbers: the file pads to 10 digits, the settings keep 7–8. */
const sameGiro = (a: string, b: string) => a.replace(/^0+/, '') === b.replace(/^0+/, '');

/** Reference code 3 writes several references into one field, separated by blanks or commas. */
function referencesOf(text: string, code: string, amount: number | null): TxReference[] {
  const s = text.trim();
  if (!s || code === '0' || code === '1') return [];
  if (code === '3') return s.split(/[\s,;]+/).filter(Boolean).map((reference) => ({ reference, amount: null }));
  return [{ reference: s.replace(/\s+/g, ''), amount }];
}

const methodOf = (channel: string): PaymentMethod => (channel === '4' ? 'autogiro' : 'bankgiro');

export function parseBgMax(bytes: Uint8Array, payee: PayeeSettings): ParsedBankFile {
  const lines = fixedLines(bankFileText(bytes), 80, false);
  const tk = (l: FileLine) => field(l, 1, 2);
  const first = lines[0];
  if (tk(first) !== '01' || field(first, 3, 22).trim() !== 'BGMAX') throw fileError('file-layout', 1);
  if (field(first, 45, 45) === 'T') throw fileError('file-test', 1);
  if (!payee.bankgiro) throw fileError('payee-not-set', 1);

  const transactions: BankTransaction[] = [];
  const counts = { '20': 0, '21': 0, extra: 0, '15': 0 };
  let deposit: Deposit | null = null;
  let current: OpenPayment | null = null;
  let trailer: FileLine | null = null;
  let total = 0;
  let currency: string | null = null;

  for (const l of lines.slice(1)) {
    const type = tk(l);
    if (!KNOWN.has(type)) throw fileError('file-record-unknown', l.no, { record: type });
    if (trailer) throw fileError('file-record-order', l.no);
    if (type === '01') throw fileError('file-record-order', l.no);
    if (type === '05') {
      if (deposit) throw fileError('file-truncated', l.no);
      const bg = digits(l, 3, 12);
      if (!sameGiro(bg, payee.bankgiro)) throw fileError('file-other-payee', l.no, { payee: bg.replace(/^0+/, '') });
      deposit = { line: l.no, payee: bg, currency: field(l, 23, 25).trim() || payee.currency, payments: [], plus: 0, minus: 0, count: 0 };
      currency ??= deposit.currency;
      current = null;
      continue;
    }
    if (type === '70') {
      if (deposit) throw fileError('file-truncated', l.no);
      trailer = l;
      continue;
    }
    if (!deposit) throw fileError('file-record-order', l.no);
    if (type === '20' || type === '21') {
      const amount = numberField(l, 38, 55);
      const code = field(l, 56, 56);
      const channel = field(l, 57, 57);
      const negative = type === '21';
      current = {
        tx: {
          line: l.no,
          kind: negative ? 'deduction' : 'payment',
          amount: negative ? -amount : amount,
          currency: deposit.currency,
          references: referencesOf(field(l, 13, 37), code, null),
          message: '',
          payerName: null,
          method: methodOf(channel),
        },
        serial: field(l, 58, 69).trim(),
        raw: l.text.trimEnd(),
      };
      deposit.payments.push(current);
      deposit.count++;
      if (negative) deposit.minus += amount;
      else deposit.plus += amount;
      counts[type]++;
      continue;
    }
    if (type === '15') {
      const date = dateField(l, 38, 45);
      const sum = numberField(l, 51, 68);
      const n = numberField(l, 72, 79);
      if (field(l, 69, 71).trim() && field(l, 69, 71) !== deposit.currency) throw fileError('file-field', l.no, { columns: '69–71' });
      if (n !== deposit.count) throw fileError('file-count-mismatch', l.no, { expected: String(n), found: String(deposit.count) });
      if (sum !== deposit.plus - deposit.minus) throw fileError('file-sum-mismatch', l.no);
      const serial = field(l, 46, 50);
      for (const p of deposit.payments) {
        const base = p.serial && !/^0+$/.test(p.serial) ? `${p.serial}` : `${serial}:${p.raw}`;
        transactions.push({ ...p.tx, paidOn: date, key: `bgmax:${deposit.payee.replace(/^0+/, '')}:${date}:${base}` });
      }
      // The control total is in the register's currency; a deposit in another currency is still checked above.
      if (deposit.currency === payee.currency) total += deposit.plus - deposit.minus;
      counts['15']++;
      deposit = null;
      current = null;
      continue;
    }
    // 22–29 belong to the payment or deduction before them.
    if (!current) throw fileError('file-record-order', l.no);
    if (type === '22' || type === '23') {
      counts.extra++;
      const amount = numberField(l, 38, 55);
      const refs = referencesOf(field(l, 13, 37), field(l, 56, 56) === '3' ? '3' : '4', amount === 0 ? null : type === '23' ? -amount : amount);
      for (const r of refs) if (!current.tx.references.some((x) => x.reference === r.reference)) current.tx.references.push(r);
    } else if (type === '25') {
      const text = field(l, 3, 52).trim();
      if (text) current.tx.message = current.tx.message ? `${current.tx.message} ${text}` : text;
    } else if (type === '26') {
      const name = [field(l, 3, 37).trim(), field(l, 38, 72).trim()].filter(Boolean).join(' ');
      if (name) current.tx.payerName = name;
    }
    // 27 (address), 28 (city, country) and 29 (organisation number) are not needed to match.
  }

  const last = lines[lines.length - 1].no;
  if (deposit) throw fileError('file-truncated', last);
  if (!trailer) throw fileError('file-truncated', last);
  const declared = { '20': numberField(trailer, 3, 10), '21': numberField(trailer, 11, 18), extra: numberField(trailer, 19, 26), '15': numberField(trailer, 27, 34) };
  for (const k of ['20', '21', 'extra', '15'] as const) {
    if (declared[k] !== counts[k]) throw fileError('file-count-mismatch', trailer.no, { expected: String(declared[k]), found: String(counts[k]) });
  }
  return {
    format: 'bgmax',
    payee: payee.bankgiro,
    currency: currency ?? payee.currency,
    transactions: withOccurrence(transactions),
    control: { sections: counts['15'], count: counts['20'] + counts['21'], total },
    skipped: 0,
    leftOut: { outgoing: 0, reversals: 0, pending: 0 },
  };
}
