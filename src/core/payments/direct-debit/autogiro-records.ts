import { dateField, field, numberField, record, zeros, type FileLine } from './file-lines';

/**
 * Bankgirot's Autogiro records (Bg Autogiro technical manual; positions as read by
 * byrokrat/autogiro's grammar and checked against Bankgirot's example files — the vectors in
 * reference/vectors.json). Files to Bankgirot: TK01 opening, TK03 cancel mandate, TK04 new
 * mandate, TK82 payment order. Files from Bankgirot in the new layout: the mandate advice
 * (TK01 "AG-MEDAVI", TK73, TK09) and the payment specification (TK01 "BET. SPEC & STOPP TK",
 * TK15/82, TK16/32, TK17/77, TK09).
 */

/** Positions 1–2 of a record. */
export const tk = (l: FileLine): string => l.text.slice(0, 2);

/** TK01 of a file to Bankgirot: date, "AUTOGIRO", Bankgirot customer number, payee bankgiro. */
export function openingRecord(date: string, bgcCustomerNumber: string, bankgiro: string): string {
  return record(`01${date.replace(/-/g, '')}AUTOGIRO${' '.repeat(44)}${zeros(bgcCustomerNumber, 6)}${zeros(bankgiro, 10)}`);
}

/** TK03: cancel the mandate of a payer number. */
export function cancelMandateRecord(bankgiro: string, payerNumber: string): string {
  return record(`03${zeros(bankgiro, 10)}${zeros(payerNumber, 16)}`);
}

/**
 * TK04: a new mandate. With the account (clearing + 12 digits) and the person or organisation
 * number from a paper mandate; without both, it accepts a mandate given in the internet bank.
 */
export function newMandateRecord(bankgiro: string, payerNumber: string, account: string | null, idNumber: string | null): string {
  const base = `04${zeros(bankgiro, 10)}${zeros(payerNumber, 16)}`;
  return record(account && idNumber ? `${base}${zeros(account, 16)}${zeros(idNumber, 12)}` : base);
}

/**
 * TK82: one debit on a date (interval 0 = once, no repetitions), in öre, with a reference of at
 * most 16 characters that comes back in the payment specification.
 */
export function paymentOrderRecord(o: { date: string; payerNumber: string; amount: number; bankgiro: string; reference: string }): string {
  if (o.reference.length > 16) throw new RangeError('reference longer than 16');
  return record(`82${o.date.replace(/-/g, '')}0    ${zeros(o.payerNumber, 16)}${zeros(o.amount, 12)}${zeros(o.bankgiro, 10)}${o.reference.padEnd(16, ' ')}`);
}

/** The payer number as written: digits, leading zeros dropped (member number 101 = "0000000000000101"). */
export const payerNumberOf = (l: FileLine, from: number, to: number): string => String(numberField(l, from, to));

export interface MandateAdvice {
  line: number;
  bankgiro: string;
  payerNumber: string;
  account: string;
  idNumber: string;
  /** Information code (e.g. 04 new mandate initiated by the payee, 03 cancelled by the payee, 46 by the payer or bank). */
  info: string;
  /** Status code (e.g. 32 new mandate, 33 cancelled, 05 wrong account or person number). */
  status: string;
  date: string;
}

/** TK73 of the mandate advice. */
export function readMandateAdvice(l: FileLine): MandateAdvice {
  return {
    line: l.no,
    bankgiro: field(l, 3, 12),
    payerNumber: payerNumberOf(l, 13, 28),
    account: field(l, 29, 44).trim(),
    idNumber: field(l, 45, 56).trim(),
    info: field(l, 62, 63),
    status: field(l, 64, 65),
    date: dateField(l, 66, 73),
  };
}

export interface ReportedDebit {
  line: number;
  /** 82 debit, 32 payout, 77 refund of an earlier debit. */
  tk: '82' | '32' | '77';
  date: string;
  payerNumber: string;
  amount: number;
  bankgiro: string;
  reference: string;
  /** 82/32: "0" approved, "1" no cover, "2" no connection to Autogiro, "9" renewed cover. 77: the refund code ("01"–"03"). */
  status: string;
  /** 77: the day the payer's bank refunded it. */
  refundedOn: string | null;
}
