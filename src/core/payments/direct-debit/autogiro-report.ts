import { payerNumberOf, tk, type ReportedDebit } from './autogiro-records';
import { dateField, field, fileError, numberField, readLines, type FileLine } from './file-lines';

/**
 * Bankgirot's payment specification in the new layout ("BET. SPEC & STOPP TK"): TK01, sections
 * of debits (TK15 + TK82), payouts (TK16 + TK32) and refunds (TK17 + TK77), TK09.
 *
 * The file's own sums are checked before anything is booked:
 * - a TK15/TK16 section's count and amount = its approved records (status 0); debits that
 *   failed (status 1 no cover, 2 no connection, 9 renewed cover) are listed but not counted;
 * - a TK17 section's count and amount = its refunds;
 * - TK09 = the number of sections and of counted records of each kind.
 */
export interface ParsedReport {
  bankgiro: string;
  debits: ReportedDebit[];
}

type SectionKind = '15' | '16' | '17';
const CHILD: Record<SectionKind, ReportedDebit['tk']> = { '15': '82', '16': '32', '17': '77' };

interface Section {
  kind: SectionKind;
  line: FileLine;
  amount: number;
  count: number;
  seenAmount: number;
  seenCount: number;
}

const sameGiro = (a: string, b: string) => a.replace(/^0+/, '') === b.replace(/^0+/, '');

function readDebit(l: FileLine, kind: ReportedDebit['tk']): ReportedDebit {
  const refund = kind === '77';
  const status = refund ? field(l, 78, 79) : field(l, 80, 80);
  if (!(refund ? /^\d{2}$/ : /^[0-9]$/).test(status)) throw fileError('file-field', l.no);
  return {
    line: l.no,
    tk: kind,
    date: dateField(l, 3, 10),
    payerNumber: payerNumberOf(l, 16, 31),
    amount: numberField(l, 32, 43),
    bankgiro: field(l, 44, 53),
    reference: field(l, 54, 69).trim(),
    status,
    refundedOn: refund ? dateField(l, 70, 77) : null,
  };
}

function closeSection(s: Section | null): void {
  if (!s) return;
  if (s.seenCount !== s.count) throw fileError('file-count-mismatch', s.line.no);
  if (s.seenAmount !== s.amount) throw fileError('file-sum-mismatch', s.line.no);
}

export function parsePaymentReport(bytes: Uint8Array, ourBankgiro: string): ParsedReport {
  const lines = readLines(bytes, { exact: false });
  const first = lines[0];
  if (tk(first) !== '01' || field(first, 3, 10) !== 'AUTOGIRO' || field(first, 45, 64) !== 'BET. SPEC & STOPP TK') throw fileError('file-layout', 1);
  const bankgiro = field(first, 71, 80);
  if (!/^\d{10}$/.test(bankgiro)) throw fileError('file-field', 1);
  if (!sameGiro(bankgiro, ourBankgiro)) throw fileError('file-other-payee', 1);

  const debits: ReportedDebit[] = [];
  const sections: Record<SectionKind, number> = { '15': 0, '16': 0, '17': 0 };
  const counted: Record<SectionKind, number> = { '15': 0, '16': 0, '17': 0 };
  let section: Section | null = null;
  let closed = false;
  for (const l of lines.slice(1)) {
    if (closed) throw fileError('file-layout', l.no);
    const code = tk(l);
    if (code === '15' || code === '16' || code === '17') {
      closeSection(section);
      dateField(l, 38, 45);
      section = { kind: code, line: l, amount: numberField(l, 51, 68), count: numberField(l, 72, 79), seenAmount: 0, seenCount: 0 };
      sections[code]++;
    } else if (code === '82' || code === '32' || code === '77') {
      if (!section || CHILD[section.kind] !== code) throw fileError('file-layout', l.no);
      const d = readDebit(l, code);
      if (!sameGiro(d.bankgiro, ourBankgiro)) throw fileError('file-other-payee', l.no);
      // Refunds always count; debits and payouts only when carried out.
      if (code === '77' || d.status === '0') {
        section.seenCount++;
        section.seenAmount += d.amount;
        counted[section.kind]++;
      }
      debits.push(d);
    } else if (code === '09') {
      closeSection(section);
      section = null;
      if (field(l, 11, 14) !== '9900') throw fileError('file-field', l.no);
      const expected = [sections['15'], counted['15'], sections['16'], counted['16'], sections['17'], counted['17']];
      const given = [numberField(l, 15, 20), numberField(l, 21, 32), numberField(l, 33, 38), numberField(l, 39, 50), numberField(l, 51, 56), numberField(l, 57, 68)];
      if (expected.some((n, i) => n !== given[i])) throw fileError('file-count-mismatch', l.no);
      closed = true;
    } else {
      throw fileError('file-record-unknown', l.no);
    }
  }
  if (!closed) throw fileError('file-truncated', lines[lines.length - 1].no + 1);
  return { bankgiro, debits };
}
