import { fileError } from './errors';
import { readReportEntries } from './camt-entries';
import { bankFileText } from './text';
import { children, child, parseXml, textAt, type XmlNode } from './xml';
import { withOccurrence, type BankTransaction, type ParsedBankFile, type PayeeSettings } from './types';

/** Where a camt message keeps its reports: the message element under Document and the report element under it. */
export interface CamtMessage {
  format: 'camt054' | 'camt053';
  /** BkToCstmrDbtCdtNtfctn (camt.054) or BkToCstmrStmt (camt.053). */
  message: string;
  /** Ntfctn or Stmt. */
  report: string;
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

/**
 * Reads a camt message of the given kind: every report's account must be the register's, every
 * report's entries are read and checked against its summary. Anything else under Document (the
 * other camt message, pain, a pacs) is `file-layout` at the root's line.
 */
export function parseCamtMessage(bytes: Uint8Array, payee: PayeeSettings, kind: CamtMessage): ParsedBankFile {
  const doc = parseXml(bankFileText(bytes));
  const root = child(doc, kind.message);
  if (doc.name !== 'Document' || !root) throw fileError('file-layout', doc.line);
  const reports = children(root, kind.report);
  if (!reports.length) throw fileError('file-layout', root.line);
  const transactions: BankTransaction[] = [];
  const leftOut = { outgoing: 0, reversals: 0, pending: 0 };
  let count = 0;
  let total = 0;
  let shownPayee: string | null = null;

  for (const report of reports) {
    const account = child(report, 'Acct');
    const { ok, shown } = sameAccount(account, payee);
    if (!ok) throw fileError('file-other-payee', account?.line ?? report.line, { payee: shown ?? '' });
    shownPayee ??= shown;
    const tally = readReportEntries(report, payee);
    transactions.push(...tally.transactions);
    leftOut.outgoing += tally.leftOut.outgoing;
    leftOut.reversals += tally.leftOut.reversals;
    leftOut.pending += tally.leftOut.pending;
    count += tally.credit.count;
    total += tally.credit.sum;
  }
  return {
    format: kind.format,
    payee: shownPayee,
    currency: payee.currency,
    transactions: withOccurrence(transactions),
    // The credit entries, as the summaries count them (booked or not); money out is not part of what is imported.
    control: { sections: reports.length, count, total },
    skipped: leftOut.outgoing + leftOut.reversals + leftOut.pending,
    leftOut,
  };
}
