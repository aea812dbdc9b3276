import { readMandateAdvice, tk, type MandateAdvice } from './autogiro-records';
import { dateField, field, fileError, numberField, readLines, type FileLine } from './file-lines';

/**
 * Bankgirot's mandate advice ("Medgivandeavisering", AG-MEDAVI): TK01, one TK73 per mandate
 * event, TK09 with the number of TK73 records. Both the new layout (opening with "AUTOGIRO",
 * date in 25–32, "AG-MEDAVI" in 45–53, customer number and bankgiro in 65–80) and the old one
 * ("01" date "9900" bankgiro "AG-MEDAVI") are read. The payee bankgiro must be ours, in the
 * opening and in every record; the closing count must match.
 */
export interface ParsedAdvice {
  date: string;
  bankgiro: string;
  records: MandateAdvice[];
}

function opening(l: FileLine): { date: string; bankgiro: string } {
  if (tk(l) !== '01') throw fileError('file-layout', l.no);
  if (field(l, 3, 10) === 'AUTOGIRO' && field(l, 45, 53) === 'AG-MEDAVI') {
    return { date: dateField(l, 25, 32), bankgiro: field(l, 71, 80) };
  }
  if (field(l, 11, 14) === '9900' && field(l, 25, 33) === 'AG-MEDAVI') {
    return { date: dateField(l, 3, 10), bankgiro: field(l, 15, 24) };
  }
  throw fileError('file-layout', l.no);
}

const sameGiro = (a: string, b: string) => a.replace(/^0+/, '') === b.replace(/^0+/, '');

export function parseMandateAdvice(bytes: Uint8Array, ourBankgiro: string): ParsedAdvice {
  const lines = readLines(bytes, { exact: false });
  const head = opening(lines[0]);
  if (!/^\d{10}$/.test(head.bankgiro)) throw fileError('file-field', 1);
  if (!sameGiro(head.bankgiro, ourBankgiro)) throw fileError('file-other-payee', 1);
  const records: MandateAdvice[] = [];
  let closed = false;
  for (const l of lines.slice(1)) {
    if (closed) throw fileError('file-layout', l.no);
    switch (tk(l)) {
      case '73': {
        const r = readMandateAdvice(l);
        if (!sameGiro(r.bankgiro, ourBankgiro)) throw fileError('file-other-payee', l.no);
        if (!/^\d{2}$/.test(r.info) || !/^\d{2}$/.test(r.status)) throw fileError('file-field', l.no);
        records.push(r);
        break;
      }
      case '09':
        if (field(l, 11, 14) !== '9900') throw fileError('file-field', l.no);
        if (numberField(l, 15, 21) !== records.length) throw fileError('file-count-mismatch', l.no);
        closed = true;
        break;
      default:
        throw fileError('file-record-unknown', l.no);
    }
  }
  if (!closed) throw fileError('file-truncated', lines[lines.length - 1].no + 1);
  return { date: head.date, bankgiro: head.bankgiro, records };
}
