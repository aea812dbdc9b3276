import { fileError } from './errors';
import { bankFileText, ddmmyyField, digits, field, fixedLines, numberField, type FileLine } from './text';
import { withOccurrence, type BankTransaction, type ParsedBankFile, type PayeeSettings } from './types';

/**
 * Nets' OCR giro file (nordic-formats.md §5; python-netsgiro's records): exactly 80-character
 * "NY" records. NY000010 opens the transmission, NY090020 an assignment, each transaction is
 * amount item 1 (…30), item 2 (…31) and an optional item 3 (…32, a text), NY090088 closes the
 * assignment and NY000089 the transmission. Both closing records' counts and sums are checked,
 * and each assignment's account must be the register's.
 */

interface Counter {
  transactions: number;
  records: number;
  signed: number;
  unsigned: number;
}
const counter = (): Counter => ({ transactions: 0, records: 1, signed: 0, unsigned: 0 });

/** Transaction types 10–21 of OCR giro; 18 and 20 take money back. */
const REVERSALS = new Set([18, 20]);

function checkEnd(l: FileLine, c: Counter) {
  const n = numberField(l, 9, 16);
  const records = numberField(l, 17, 24);
  const total = numberField(l, 25, 41);
  if (n !== c.transactions) throw fileError('file-count-mismatch', l.no, { expected: String(n), found: String(c.transactions) });
  if (records !== c.records) throw fileError('file-count-mismatch', l.no, { expected: String(records), found: String(c.records) });
  // Nets' documentation does not say whether reversals are subtracted in the total; both readings are accepted, no other.
  if (total !== c.signed && total !== c.unsigned) throw fileError('file-sum-mismatch', l.no);
}

export function parseNetsOcr(bytes: Uint8Array, payee: PayeeSettings): ParsedBankFile {
  const lines = fixedLines(bankFileText(bytes), 80, true);
  const first = lines[0];
  if (field(first, 1, 8) !== 'NY000010') throw fileError('file-layout', 1);
  const transmission = counter();
  let assignment: (Counter & { account: string }) | null = null;
  let ended = false;
  let sections = 0;
  const transactions: (BankTransaction & { number: string })[] = [];
  let current: (BankTransaction & { number: string }) | null = null;
  let expectItem2 = false;

  for (const l of lines.slice(1)) {
    if (ended) throw fileError('file-record-order', l.no);
    if (field(l, 1, 2) !== 'NY') throw fileError('file-record-unknown', l.no, { record: field(l, 1, 8) });
    const service = field(l, 3, 4);
    const record = field(l, 7, 8);
    transmission.records++;
    if (assignment) assignment.records++;
    if (expectItem2 && record !== '31') throw fileError('file-record-order', l.no);

    if (service === '00' && record === '89') {
      if (assignment) throw fileError('file-truncated', l.no);
      checkEnd(l, transmission);
      ended = true;
      continue;
    }
    if (service === '21') throw fileError('file-layout', l.no); // AvtaleGiro claims or agreements: not a payment file
    if (service !== '09') throw fileError('file-record-unknown', l.no, { record: field(l, 1, 8) });
    if (record === '20') {
      if (assignment) throw fileError('file-truncated', l.no);
      if (field(l, 5, 6) !== '00') throw fileError('file-layout', l.no);
      const account = digits(l, 25, 35);
      if (!payee.bankAccount) throw fileError('payee-not-set', l.no);
      if (account !== payee.bankAccount) throw fileError('file-other-payee', l.no, { payee: account });
      assignment = { ...counter(), account };
      current = null;
      continue;
    }
    if (!assignment) throw fileError('file-record-order', l.no);
    if (record === '88') {
      checkEnd(l, assignment);
      assignment = null;
      current = null;
      sections++;
      continue;
    }
    const type = numberField(l, 5, 6);
    if (type < 10 || type > 21) throw fileError('file-record-unknown', l.no, { record: field(l, 1, 8) });
    const number = digits(l, 9, 15);
    if (record === '30') {
      const sign = field(l, 32, 32);
      if (sign !== '0' && sign !== '-') throw fileError('file-field', l.no, { columns: '32' });
      const amount = numberField(l, 33, 49);
      const reversal = sign === '-' || REVERSALS.has(type);
      const kid = field(l, 50, 74).trim();
      if (kid && !/^\d+-?$/.test(kid)) throw fileError('file-field', l.no, { columns: '50–74' });
      current = {
        number,
        line: l.no,
        kind: reversal ? 'reversal' : 'payment',
        paidOn: ddmmyyField(l, 16, 21, payee.today),
        amount: reversal ? -amount : amount,
        currency: payee.currency,
        references: kid ? [{ reference: kid, amount: null }] : [],
        message: '',
        payerName: null,
        method: type === 15 ? 'avtalegiro' : 'bank',
        key: `nets:${assignment.account}:${field(l, 16, 31)}`,
      };
      transactions.push(current);
      for (const c of [assignment, transmission]) {
        c.transactions++;
        c.signed += reversal ? -amount : amount;
        c.unsigned += amount;
      }
      expectItem2 = true;
      continue;
    }
    if (!current || current.number !== number) throw fileError('file-record-order', l.no);
    if (record === '31') {
      expectItem2 = false;
      // Nets' archive reference and the payer's account tell the bank's transaction apart from another of the same amount.
      current.key += `:${field(l, 26, 34)}:${field(l, 48, 58)}:${current.amount}:${current.references[0]?.reference ?? ''}`;
    } else if (record === '32') {
      current.message = field(l, 16, 55).trim();
    } else {
      throw fileError('file-record-unknown', l.no, { record: field(l, 1, 8) });
    }
  }
  const last = lines[lines.length - 1].no;
  if (!ended) throw fileError('file-truncated', last);
  return {
    format: 'nets-ocr',
    payee: payee.bankAccount,
    currency: payee.currency,
    transactions: withOccurrence(transactions.map(({ number: _n, ...t }) => t)),
    control: { sections, count: transmission.transactions, total: transmission.signed },
    skipped: 0,
    leftOut: { outgoing: 0, reversals: 0, pending: 0 },
  };
}
