import { fileError } from './errors';
import { children, child, textAt, type XmlNode } from './xml';
import type { BankTransaction, LeftOut, PayeeSettings, TxReference } from './types';

/**
 * The entries (Ntry) of one ISO 20022 cash-management report — a camt.054 notification (Ntfctn)
 * or a camt.053 statement (Stmt); both use the same entry, transaction-detail and summary
 * elements in every version banks send (001.02 to 001.08; nordic-formats.md §6). Namespaces
 * differ between versions and are ignored (xml.ts drops prefixes; element names are compared).
 */

/** What the entries of one report came to: the payments, what was left out and why, and the tallies the summary is checked against. */
export interface CamtTally {
  transactions: BankTransaction[];
  leftOut: LeftOut;
  credit: { count: number; sum: number };
  debit: { count: number; sum: number };
}

const emptyTally = (): CamtTally => ({
  transactions: [],
  leftOut: { outgoing: 0, reversals: 0, pending: 0 },
  credit: { count: 0, sum: 0 },
  debit: { count: 0, sum: 0 },
});

/** "1250.5" → 125050; more than two decimals or anything else stops at the line. */
function minor(text: string | null, line: number): number {
  const m = text ? /^(\d{1,15})(?:\.(\d{1,2}))?$/.exec(text) : null;
  if (!m) throw fileError('file-field', line);
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

function isoDay(node: XmlNode | undefined, line: number): string {
  const t = textAt(node, 'Dt') ?? textAt(node, 'DtTm')?.slice(0, 10) ?? null;
  if (!t || !/^\d{4}-\d{2}-\d{2}$/.test(t)) throw fileError('file-field', line);
  return t;
}

/** Letters, digits and the hyphen (MOD11 KID) only: a reference is compared as written, blanks aside. */
const compact = (s: string) => s.replace(/\s+/g, '').toUpperCase();

function referencesOf(tx: XmlNode): TxReference[] {
  const refs = children(tx, 'RmtInf/Strd')
    .map((s) => textAt(s, 'CdtrRefInf/Ref'))
    .filter((r): r is string => r !== null)
    .map((r) => ({ reference: compact(r), amount: null }));
  return refs.filter((r, i) => refs.findIndex((x) => x.reference === r.reference) === i);
}

function payerName(tx: XmlNode): string | null {
  // 001.02: RltdPties/Dbtr/Nm; 001.08: RltdPties/Dbtr/Pty/Nm.
  return textAt(tx, 'RltdPties/Dbtr/Nm') ?? textAt(tx, 'RltdPties/Dbtr/Pty/Nm') ?? textAt(tx, 'RltdPties/UltmtDbtr/Nm');
}

/** xs:boolean: "true" or "1". */
const isTrue = (t: string | null) => t === 'true' || t === '1';

/**
 * One entry. Only a booked credit that is not a reversal is money members paid in; the rest is
 * left out and counted by why: money out (the association's own payments, fees), reversals
 * (RvslInd: a payment taken back, or a debit undone — either way not a member paying), and
 * entries the bank has not booked (Sts PDNG/INFO/FUTR, or Sts/Cd from 001.08 on: they may still
 * be cancelled, and a later report has them booked). Every entry counts towards the summary's
 * tallies by its CdtDbtInd, as ISO 20022 defines TtlCdtNtries/TtlDbtNtries.
 */
function readEntry(entry: XmlNode, payee: PayeeSettings, tally: CamtTally): void {
  const direction = textAt(entry, 'CdtDbtInd');
  if (direction !== 'CRDT' && direction !== 'DBIT') throw fileError('file-field', entry.line);
  const amountNode = child(entry, 'Amt');
  const amount = minor(amountNode?.text.trim() ?? null, amountNode?.line ?? entry.line);
  const currency = amountNode?.attrs.Ccy ?? payee.currency;
  const side = direction === 'CRDT' ? tally.credit : tally.debit;
  side.count++;
  side.sum += amount;
  if (isTrue(textAt(entry, 'RvslInd'))) {
    tally.leftOut.reversals++;
    return;
  }
  if (direction === 'DBIT') {
    tally.leftOut.outgoing++;
    return;
  }
  // Sts holds the code up to 001.07 and <Sts><Cd> from 001.08; a missing status is taken as booked.
  const status = textAt(entry, 'Sts') ?? textAt(entry, 'Sts/Cd');
  if (status && status !== 'BOOK') {
    tally.leftOut.pending++;
    return;
  }
  const paidOn = isoDay(child(entry, 'BookgDt') ?? child(entry, 'ValDt'), entry.line);
  const entryRef = textAt(entry, 'AcctSvcrRef') ?? textAt(entry, 'NtryRef');
  const details = children(entry, 'NtryDtls/TxDtls');
  // The key has no format in it: a transaction the bank reported in a camt.054 and again in the
  // month's camt.053 carries the same account-servicer reference, and is recognised as a duplicate.
  if (details.length === 0) {
    tally.transactions.push({ line: entry.line, kind: 'payment', paidOn, amount, currency, references: [], message: '', payerName: null, method: 'bank', key: `camt:${entryRef ?? `${paidOn}:${amount}`}` });
    return;
  }
  let detailSum = 0;
  details.forEach((tx, i) => {
    const txAmountNode = child(tx, 'AmtDtls/TxAmt/Amt') ?? child(tx, 'Amt');
    const txAmount = details.length === 1 && !txAmountNode ? amount : minor(txAmountNode?.text.trim() ?? null, txAmountNode?.line ?? tx.line);
    detailSum += txAmount;
    const e2e = textAt(tx, 'Refs/EndToEndId');
    const id = textAt(tx, 'Refs/AcctSvcrRef') ?? (e2e && e2e !== 'NOTPROVIDED' ? `e2e:${e2e}` : null) ?? `${entryRef ?? paidOn}:${i + 1}`;
    const back = textAt(tx, 'CdtDbtInd') === 'DBIT';
    tally.transactions.push({
      line: tx.line,
      kind: back ? 'reversal' : 'payment',
      paidOn,
      amount: back ? -txAmount : txAmount,
      currency: txAmountNode?.attrs.Ccy ?? currency,
      references: referencesOf(tx),
      message: children(tx, 'RmtInf/Ustrd').map((u) => u.text.trim()).filter(Boolean).join(' '),
      payerName: payerName(tx),
      method: 'bank',
      key: `camt:${id}`,
    });
  });
  if (details.length > 1 && detailSum !== amount) throw fileError('file-sum-mismatch', entry.line);
}

/** A summary's count and sum, when given, against what was read; a mismatch stops at the summary's line. */
function checkTotal(node: XmlNode | undefined, read: { count: number; sum: number | null }): void {
  if (!node) return;
  const n = textAt(node, 'NbOfNtries');
  if (n !== null && Number(n) !== read.count) throw fileError('file-count-mismatch', node.line, { expected: n, found: String(read.count) });
  const sum = textAt(node, 'Sum');
  // TtlNtries/Sum is not checked (sum null): whether banks add debits to it or net them was not confirmed
  // against their guides, and TtlCdtNtries/TtlDbtNtries check every entry's amount anyway.
  if (sum !== null && read.sum !== null && minor(sum, node.line) !== read.sum) throw fileError('file-sum-mismatch', node.line);
}

/**
 * Reads every entry of one report and checks the report's own summary (TxsSummry) when given:
 * the credit entries' count and sum, the debit entries' count and sum, and the count of all.
 */
export function readReportEntries(report: XmlNode, payee: PayeeSettings): CamtTally {
  const tally = emptyTally();
  for (const entry of children(report, 'Ntry')) readEntry(entry, payee, tally);
  const summary = child(report, 'TxsSummry');
  checkTotal(child(summary, 'TtlCdtNtries'), tally.credit);
  checkTotal(child(summary, 'TtlDbtNtries'), tally.debit);
  checkTotal(child(summary, 'TtlNtries'), { count: tally.credit.count + tally.debit.count, sum: null });
  return tally;
}
