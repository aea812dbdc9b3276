import type { DebitReportResult } from '../../../shared/contract/direct-debit';
import { isoTime, type RegisterContext } from '../../register/context';
import type { BankTransaction } from '../bank-files/types';
import { applyAnswers, type BankAnswer } from './apply-report';
import { readBankFile, recordFile, refuseImportedTwice } from './files';

/** The bank-file import's Nets OCR parser (it checks the file's record counts and sums), bound to the register's payee. */
export type OcrParser = (ctx: RegisterContext, bytes: Uint8Array) => BankTransaction[];

/**
 * AvtaleGiro claims come back in the OCR giro file as transactions (type 15) carrying the
 * claim's KID; a reversal takes the money back. An ordinary OCR payment with a claim's KID (the
 * member paid it by hand) pays the claim just the same.
 */
export function answersFromOcr(transactions: BankTransaction[]): BankAnswer[] {
  return transactions.map((t) => ({
    line: t.line,
    kind: t.kind === 'payment' ? 'debit' : 'refund',
    date: t.paidOn,
    payerNumber: null,
    reference: t.references[0]?.reference ?? '',
    amount: Math.abs(t.amount),
    outcome: 'paid',
    code: t.kind === 'payment' ? null : t.kind,
  }));
}

/**
 * The OCR giro file for AvtaleGiro: transactions whose KID is one of our claims are booked on
 * their invoices; the others (ordinary OCR payments) are listed as unmatched and left for the
 * bank-file import. One transaction; the same file twice is refused.
 */
export async function importAvtaleGiroOcr(ctx: RegisterContext, path: string, parse: OcrParser): Promise<DebitReportResult> {
  const file = await readBankFile(path);
  const transactions = parse(ctx, file.bytes);
  return ctx.write(() => {
    refuseImportedTwice(ctx.db, file.hash);
    const outcome = applyAnswers(ctx, 'avtalegiro', answersFromOcr(transactions));
    const total = transactions.reduce((n, t) => n + t.amount, 0);
    const fileId = recordFile(ctx.db, { kind: 'avtalegiro-ocr', direction: 'import', fileName: file.name, hash: file.hash, records: transactions.length, amount: total, at: isoTime(ctx.now()) });
    return { fileId, ...outcome };
  });
}
