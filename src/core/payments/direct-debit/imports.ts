import type { DebitReportResult, MandateAdviceResult } from '../../../shared/contract/direct-debit';
import { isoTime, type RegisterContext } from '../../register/context';
import { invalid } from '../../members/errors';
import { readDuesSettings } from '../../dues/settings';
import { parseMandateAdvice } from './autogiro-advice';
import { parsePaymentReport } from './autogiro-report';
import type { ReportedDebit } from './autogiro-records';
import { applyAnswers, type BankAnswer } from './apply-report';
import { readBankFile, recordFile, refuseImportedTwice } from './files';
import { applyMandateAdvice } from './mandates';

function ourBankgiro(ctx: RegisterContext): string {
  const bg = readDuesSettings(ctx).bankgiro;
  if (!bg) throw invalid('bankgiro', 'bankgiro-required');
  return bg;
}

/** Bankgirot's AG-MEDAVI: checked whole, then applied in one transaction with the file recorded. */
export async function importMandateAdvice(ctx: RegisterContext, path: string): Promise<MandateAdviceResult> {
  const file = await readBankFile(path);
  const parsed = parseMandateAdvice(file.bytes, ourBankgiro(ctx));
  return ctx.write(() => {
    refuseImportedTwice(ctx.db, file.hash);
    const outcome = applyMandateAdvice(ctx, parsed.records);
    const fileId = recordFile(ctx.db, { kind: 'ag-advice', direction: 'import', fileName: file.name, hash: file.hash, records: parsed.records.length, amount: 0, at: isoTime(ctx.now()) });
    return { fileId, ...outcome };
  });
}

/** Bankgirot's codes in TK82: 0 carried out; 1 no cover and 2 no connection to Autogiro fail; 9 = cover checked again later. */
export function answerOf(d: ReportedDebit): BankAnswer {
  const base = { line: d.line, date: d.date, payerNumber: d.payerNumber, reference: d.reference, amount: d.amount };
  if (d.tk === '77') return { ...base, kind: 'refund', outcome: 'paid', code: d.status };
  if (d.tk === '32') return { ...base, kind: 'other', outcome: 'paid', code: null };
  if (d.status === '0') return { ...base, kind: 'debit', outcome: 'paid', code: null };
  return { ...base, kind: 'debit', outcome: d.status === '9' ? 'retrying' : 'failed', code: d.status };
}

/** The Autogiro payment specification: every check passes before anything is booked, in one transaction. */
export async function importAutogiroReport(ctx: RegisterContext, path: string): Promise<DebitReportResult> {
  const file = await readBankFile(path);
  const parsed = parsePaymentReport(file.bytes, ourBankgiro(ctx));
  return ctx.write(() => {
    refuseImportedTwice(ctx.db, file.hash);
    const outcome = applyAnswers(ctx, 'autogiro', parsed.debits.map(answerOf));
    const total = parsed.debits.filter((d) => d.tk === '82' && d.status === '0').reduce((n, d) => n + d.amount, 0);
    const fileId = recordFile(ctx.db, { kind: 'ag-report', direction: 'import', fileName: file.name, hash: file.hash, records: parsed.debits.length, amount: total, at: isoTime(ctx.now()) });
    return { fileId, ...outcome };
  });
}
