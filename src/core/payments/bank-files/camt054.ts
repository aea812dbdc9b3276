import { fileError } from './errors';
import { bankFileText } from './text';
import { children, child, parseXml, textAt, type XmlNode } from './xml';
import { withOccurrence, type BankTransaction, type ParsedBankFile, type PayeeSettings, type TxReference } from './types';

/**
 * ISO 20022 camt.054 (bank-to-customer debit/credit notification), the versions banks send
 * (001.02 to 001.08 share these paths; nordic-formats.md §6). Credit entries (CdtDbtInd CRDT)
 * that are booked become payments, one per transaction detail; structured creditor references
 * (RmtInf/Strd/CdtrRefInf/Ref: RF, OCR, KID) are the references, unstructured text the
 * message. Checked: the summary's count and sum of credit entries when given, that the details
 * of a batched entry add up to it, and the account against the register's.
 */

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
  // camt.054.001.02: RltdPties/Dbtr/Nm; 001.08: RltdPties/Dbtr/Pty/Nm.
  return textAt(tx, 'RltdPties/Dbtr/Nm') ?? textAt(tx, 'RltdPties/Dbtr/Pty/Nm') ?? textAt(tx, 'RltdPties/UltmtDbtr/Nm');
}

/** The register's account in the file's terms: its IBAN, or in Norway the 11-digit account that every NO IBAN ends with. */
function sameAccount(account: XmlNode | undefined, payee: PayeeSettings): { ok: boolean; shown: string | null } {
  const iban = textAt(account, 'Id/IBAN')?.replace(/\s+/g, '').toUpperCase() ?? null;
  const other = textAt(account, 'Id/Othr/Id')?.replace(/[\s.-]+/g, '') ?? null;
  const shown = iban ?? other;
  if (!shown) return { ok: true, shown: null };
  const mine = [payee.iban, payee.bankAccount, payee.bankgiro].filter((x): x is string => !!x);
  // Nothing to compare with: the file is taken, and the preview shows its account for the treasurer to see.
  if (!mine.length) return { ok: true, shown };
  const ok = mine.some((m) => m === shown || (iban !== null && iban.startsWith('NO') && iban.slice(4) === m));
  return { ok, shown };
}

export function parseCamt054(bytes: Uint8Array, payee: PayeeSettings): ParsedBankFile {
  const doc = parseXml(bankFileText(bytes));
  const root = child(doc, 'BkToCstmrDbtCdtNtfctn');
  if (doc.name !== 'Document' || !root) throw fileError('file-layout', doc.line);
  const notes = children(root, 'Ntfctn');
  if (!notes.length) throw fileError('file-layout', root.line);
  const transactions: BankTransaction[] = [];
  let skipped = 0;
  let count = 0;
  let total = 0;
  let shownPayee: string | null = null;

  for (const note of notes) {
    const account = child(note, 'Acct');
    const { ok, shown } = sameAccount(account, payee);
    if (!ok) throw fileError('file-other-payee', account?.line ?? note.line, { payee: shown ?? '' });
    shownPayee ??= shown;
    let credits = 0;
    let creditSum = 0;
    for (const entry of children(note, 'Ntry')) {
      const direction = textAt(entry, 'CdtDbtInd');
      if (direction !== 'CRDT' && direction !== 'DBIT') throw fileError('file-field', entry.line);
      const amountNode = child(entry, 'Amt');
      const amount = minor(amountNode?.text.trim() ?? null, amountNode?.line ?? entry.line);
      const currency = amountNode?.attrs.Ccy ?? payee.currency;
      if (direction === 'DBIT') {
        skipped++;
        continue;
      }
      credits++;
      creditSum += amount;
      // Pending entries (Sts PDNG / Sts/Cd PDNG) may still be cancelled by the bank: not booked.
      const status = textAt(entry, 'Sts') ?? textAt(entry, 'Sts/Cd');
      if (status && status !== 'BOOK') {
        skipped++;
        continue;
      }
      const paidOn = isoDay(child(entry, 'BookgDt') ?? child(entry, 'ValDt'), entry.line);
      const entryRef = textAt(entry, 'AcctSvcrRef') ?? textAt(entry, 'NtryRef');
      const details = children(entry, 'NtryDtls/TxDtls');
      if (details.length === 0) {
        transactions.push({ line: entry.line, kind: 'payment', paidOn, amount, currency, references: [], message: '', payerName: null, method: 'bank', key: `camt:${entryRef ?? `${paidOn}:${amount}`}` });
        continue;
      }
      let detailSum = 0;
      details.forEach((tx, i) => {
        const txAmountNode = child(tx, 'AmtDtls/TxAmt/Amt') ?? child(tx, 'Amt');
        const txAmount = details.length === 1 && !txAmountNode ? amount : minor(txAmountNode?.text.trim() ?? null, txAmountNode?.line ?? tx.line);
        detailSum += txAmount;
        const e2e = textAt(tx, 'Refs/EndToEndId');
        const id = textAt(tx, 'Refs/AcctSvcrRef') ?? (e2e && e2e !== 'NOTPROVIDED' ? `e2e:${e2e}` : null) ?? `${entryRef ?? paidOn}:${i + 1}`;
        transactions.push({
          line: tx.line,
          kind: textAt(tx, 'CdtDbtInd') === 'DBIT' ? 'reversal' : 'payment',
          paidOn,
          amount: textAt(tx, 'CdtDbtInd') === 'DBIT' ? -txAmount : txAmount,
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
    const summary = child(note, 'TxsSummry/TtlCdtNtries');
    if (summary) {
      const n = textAt(summary, 'NbOfNtries');
      if (n !== null && Number(n) !== credits) throw fileError('file-count-mismatch', summary.line, { expected: n, found: String(credits) });
      const sum = textAt(summary, 'Sum');
      if (sum !== null && minor(sum, summary.line) !== creditSum) throw fileError('file-sum-mismatch', summary.line);
    }
    count += credits;
    total += creditSum;
  }
  return {
    format: 'camt054',
    payee: shownPayee,
    currency: payee.currency,
    transactions: withOccurrence(transactions),
    control: { sections: notes.length, count, total },
    skipped,
  };
}
