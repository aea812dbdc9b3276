import { basename, extname } from 'node:path';
import type { SegmentRef } from '../../shared/contract';
import type { LoggedExportFormat, OTHER_LOGGED_KINDS } from '../../shared/contract/exports';
import type { SurveyEntity, SurveyResults } from '../../shared/contract/surveys';
import { isPrintable } from '../documents/letters/order';
import type { LettersJob, LettersJobResult } from '../documents/letters/types';
import type { RegisterContext } from '../register/context';
import { mustGetSegment } from '../segments/queries';
import { segmentLabel, type SegmentLabel } from './data';
import { logExport } from './log';

/**
 * The export log for files written outside the Exports section: one call per writer, made only
 * once its file is on disk (a failed write throws before it, so nothing is logged). What each
 * file holds is listed here, in one place, so the log says honestly what left the register.
 *
 * Files that can name nobody are not logged: blank survey forms and the payments-per-day report.
 */

export type FileKind = Exclude<(typeof OTHER_LOGGED_KINDS)[number], 'sendOut'>;

/** The kinds of data in each file (column keys the export log translates). */
export const FILE_COLUMNS = {
  surveyForms: ['memberNumber', 'name'],
  surveyResults: ['memberNumber', 'name', 'answers'],
  strikeOffList: ['memberNumber', 'name', 'invoiceNumber', 'amount'],
  /** Autogiro payment orders: the payer number is the member number; the invoice's payment reference (OCR). */
  autogiroPayments: ['memberNumber', 'amount', 'reference'],
  /** AvtaleGiro claims: the payer's name, the KID and the invoice's lines. */
  avtaleGiroClaims: ['name', 'invoiceNumber', 'amount', 'reference'],
  receivables: ['memberNumber', 'name', 'invoiceNumber', 'amount', 'directDebit'],
  credits: ['memberNumber', 'name', 'amount'],
  /** SIE: each verification's text names the member and the invoice. */
  bookkeeping: ['name', 'invoiceNumber', 'amount'],
} as const satisfies Record<string, readonly string[]>;

const FORMAT_OF_EXTENSION: Record<string, LoggedExportFormat> = { '.pdf': 'pdf', '.csv': 'csv', '.txt': 'txt', '.si': 'sie' };

/** For files that are not for an audience (a year, a period, the bank): the file name says which. */
export const NO_AUDIENCE: SegmentLabel = { id: null, name: null };

/**
 * Logs one written file (the format from its extension) or, with `folder`, a folder of PDFs
 * (logged as the folder's name with a trailing "/": one entry, not one per member).
 */
export function logFile(
  ctx: RegisterContext,
  kind: FileKind,
  path: string,
  e: { people: number; columns: readonly string[]; segment?: SegmentLabel; folder?: boolean },
): void {
  const format = e.folder ? 'pdf' : FORMAT_OF_EXTENSION[extname(path).toLowerCase()];
  if (!format) throw new Error(`No log format for ${basename(path)}`);
  logExport(ctx, {
    kind,
    format,
    segment: e.segment ?? NO_AUDIENCE,
    people: e.people,
    columns: [...e.columns],
    fileName: e.folder ? `${basename(path)}/` : basename(path),
  });
}

/**
 * A survey file's "who": the filter chosen, else the survey's own audience for forms (printed for
 * it), else everyone (the results CSV and the report's charts hold every current response, from
 * members outside the audience too).
 */
export function surveyScope(ctx: RegisterContext, segment: SegmentRef | undefined, survey?: Pick<SurveyEntity, 'audienceSegmentId'>): SegmentLabel {
  if (segment) return segmentLabel(ctx, segment);
  const id = survey?.audienceSegmentId ?? null;
  return id === null ? NO_AUDIENCE : { id, name: mustGetSegment(ctx.db, id).name };
}

/** The board's report: the counted answers, and the free-text answers with who wrote them when any are listed. */
export function surveyReportColumns(results: SurveyResults): string[] {
  const named = results.questions.some((q) => q.texts.first.length > 0);
  return named ? ['answers', 'freeText', 'name', 'memberNumber'] : ['answers'];
}

/**
 * A letters run as the log records it: the members whose letters were written (a combined PDF
 * leaves out those without a postal address), and the e-mail addresses index.csv lists beside
 * separate files. The payment reference is the OCR, KID or RF the letters print.
 */
export function logLetters(ctx: RegisterContext, job: Pick<LettersJob, 'letters' | 'mode'>, result: LettersJobResult): void {
  const written = job.mode === 'combined' ? job.letters.filter(isPrintable) : job.letters;
  logFile(ctx, 'duesLetters', result.path, {
    people: new Set(written.map((l) => l.memberNumber)).size,
    columns: ['memberNumber', 'name', 'address', ...(job.mode === 'separate' ? ['email'] : []), 'invoiceNumber', 'amount', 'reference'],
    folder: job.mode === 'separate',
  });
}

/** Autogiro mandates: new ones carry the account and the identity number when given on paper; cancellations only the payer number. */
export function mandateColumns(records: { pending: 'new' | 'cancel' | null; account: string | null; idNumber: string | null }[]): string[] {
  const created = records.filter((r) => r.pending === 'new');
  return [
    'memberNumber',
    ...(created.some((r) => r.account) ? ['account'] : []),
    ...(created.some((r) => r.idNumber) ? ['identityNumber'] : []),
  ];
}
