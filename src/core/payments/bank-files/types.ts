import type { PaymentMethod } from '../../../shared/contract/dues';
import type { BankFileFormat } from '../../../shared/contract/payments';

/** One reference the payer gave: the OCR/KID/RF, with the part of the amount it is for when the file says. */
export interface TxReference {
  reference: string;
  /** Minor units; null when the file gives one amount for all references. */
  amount: number | null;
}

/**
 * One transaction of a bank file, whatever its format. Parsers are pure: bytes in, these out,
 * or a KansliError naming the line.
 */
export interface BankTransaction {
  /** 1-based line of the record (or XML element, or CSV row) the transaction starts on. */
  line: number;
  /** payment: money in. deduction (BgMax TK21) and reversal (Nets 18/20, camt DBIT) take money back. */
  kind: 'payment' | 'deduction' | 'reversal';
  paidOn: string;
  /** Minor units; negative for deductions and reversals. */
  amount: number;
  currency: string;
  references: TxReference[];
  /** Free text the payer wrote (BgMax TK25, Nets item 3, camt Ustrd, the CSV's message). */
  message: string;
  payerName: string | null;
  method: PaymentMethod;
  /**
   * What identifies the bank's transaction across files (the BGC serial, Nets' archive
   * reference, camt's account-servicer reference …). `withOccurrence` makes it unique in a file.
   */
  key: string;
}

/** A parsed, verified bank file. */
export interface ParsedBankFile {
  format: BankFileFormat;
  /** The payee the file is for, as the file writes it (bankgiro, account, IBAN); null for CSV. */
  payee: string | null;
  currency: string;
  transactions: BankTransaction[];
  /** What the file's own control records declared and the parser verified. Null: the format has none (CSV). */
  control: { sections: number; count: number; total: number } | null;
  /** Rows or entries read but not taken as payments (CSV outgoing rows, camt debit entries …); the sum of `leftOut`. */
  skipped: number;
  /** Why they were left out. */
  leftOut: LeftOut;
}

/**
 * Rows or entries of a file that are not payments to book: money out (the association's own
 * payments, fees, CSV rows with negative amounts), reversals (camt RvslInd), and entries the bank
 * has not booked yet (camt status other than BOOK; a later file has them booked).
 */
export interface LeftOut {
  outgoing: number;
  reversals: number;
  pending: number;
}

/** Settings a parser checks the file against. */
export interface PayeeSettings {
  country: 'SE' | 'NO';
  currency: 'SEK' | 'NOK';
  bankgiro: string | null;
  bankAccount: string | null;
  iban: string | null;
  /** Today, for two-digit years (Nets DDMMYY). */
  today: string;
}

/**
 * Makes every key unique within a file: the n-th transaction with the same key gets "#n". A
 * transaction read again from another file gets the same key, so it is recognised; two equal
 * transactions in one file (two members paying the same amount with the same message by cash
 * deposit, say) both stay.
 */
export function withOccurrence<T extends { key: string }>(txs: T[]): T[] {
  const seen = new Map<string, number>();
  return txs.map((t) => {
    const n = (seen.get(t.key) ?? 0) + 1;
    seen.set(t.key, n);
    return { ...t, key: `${t.key}#${n}` };
  });
}
