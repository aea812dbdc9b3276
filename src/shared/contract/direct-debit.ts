import { z } from 'zod';
import type { FieldIssue } from '../result';
import { handler } from './define';
import type { InvoicePersonRef } from './dues';
import { yearSchema } from './dues';
import { idSchema, isoDateSchema } from './types';

/**
 * Direct debit (issue 6): Swedish Autogiro through Bankgirot's files (mandates, payment orders,
 * the mandate advice and the payment specification) and Norwegian AvtaleGiro through Nets'
 * files (payment claims out, the OCR giro file back).
 *
 * How direct-debit dues are kept: a member on direct debit gets no letter, but the year's dues
 * are still an invoice (with number, reference, lines from the fee schedule) marked as a
 * direct-debit order. So payments, statuses, reminders after a failed debit, reports and the
 * bookkeeping treat them like any other invoice. The order says which file carried it and what
 * the bank answered.
 *
 * File errors: `validation` with `fields: [{ field: 'file', code }]` and `details.line` (the
 * 1-based line, as text). Codes: `file-empty`, `file-encoding` (not ISO-8859-1 text: UTF-8,
 * UTF-16 or binary), `file-record-length`, `file-record-unknown`, `file-layout` (not the file
 * this import expects), `file-other-payee` (another bankgiro / agreement), `file-truncated` (no
 * closing record), `file-count-mismatch`, `file-sum-mismatch`, `file-field` (a field that is
 * not what the layout says, e.g. letters in an amount). Nothing is booked when a file is refused.
 * The same file imported twice: conflict `file-already-imported`.
 */

export const MANDATE_STATUSES = ['requested', 'active', 'cancelled', 'rejected'] as const;
export type MandateStatus = (typeof MANDATE_STATUSES)[number];

/** An Autogiro mandate: the payer number is the member number. */
export interface MandateEntity extends InvoicePersonRef {
  payerNumber: string;
  status: MandateStatus;
  /** What the next mandate file will send: a new mandate (TK04), a cancellation (TK03), or nothing. */
  pending: 'new' | 'cancel' | null;
  /** Clearing number (4 digits) + account number zero-padded to 12; null for a mandate given in the internet bank. */
  account: string | null;
  /** YYYYMMDDNNNC, or 00 + organisation number. */
  idNumber: string | null;
  /** Bankgirot's last answer about it (TK73 status code, e.g. "32" new mandate) and its date. */
  statusCode: string | null;
  statusOn: string | null;
  /** When a file last carried a request for it. */
  sentOn: string | null;
}

export interface MandatesList {
  mandates: MandateEntity[];
  /** Members set to pay by autogiro (dues) without a requested or active mandate: they get neither invoice nor debit. */
  withoutMandate: InvoicePersonRef[];
}

/** Order states; i18n keys under "treasury.orderStatus.". */
export const ORDER_STATUSES = ['notSent', 'sent', 'paid', 'failed', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface DirectDebitOrderEntity {
  id: number;
  kind: 'autogiro' | 'avtalegiro';
  invoiceId: number;
  invoiceNumber: string;
  year: number;
  member: InvoicePersonRef;
  /** Autogiro payer number, or the AvtaleGiro KID. */
  payerReference: string;
  amount: number;
  debitOn: string;
  status: OrderStatus;
  /** The bank's code when it failed or was refunded (Autogiro: 1 no cover, 2 no connection, 9 renewed cover; refund 01–03). */
  resultCode: string | null;
  resultOn: string | null;
}

/** Why a member on direct debit gets no order. i18n keys under "treasury.orderExcluded.". */
export type OrderExclusionReason =
  | 'no-active-mandate'
  | 'already-invoiced'
  | 'already-paid'
  | 'credited'
  | 'free-type'
  | 'no-fee'
  | 'no-membership-type'
  | 'left'
  | 'struck-off'
  | 'archived'
  | 'not-yet-member';

export interface OrdersPreview {
  kind: 'autogiro' | 'avtalegiro';
  year: number;
  debitOn: string;
  currency: 'SEK' | 'NOK';
  count: number;
  total: number;
  orders: { member: InvoicePersonRef; amount: number; lines: { description: string; amount: number }[] }[];
  excluded: (InvoicePersonRef & { reason: OrderExclusionReason })[];
  /** Orders created earlier that no file has carried yet (they go into the next file). */
  unsent: number;
  /** What stops the export: settings (as in `settings.missing`), the fee schedule, the debit date. */
  blocking: FieldIssue[];
}

export interface DirectDebitFileEntity {
  id: number;
  kind: 'ag-mandates' | 'ag-payments' | 'ag-advice' | 'ag-report' | 'avtalegiro-claims' | 'avtalegiro-ocr';
  direction: 'export' | 'import';
  fileName: string;
  records: number;
  amount: number;
  at: string;
}

export interface MandateAdviceResult {
  fileId: number;
  activated: number;
  rejected: number;
  cancelled: number;
  /** Advice records that changed nothing (already in that state, or information only). */
  unchanged: number;
  /** Payer numbers the register has no mandate for. */
  unknown: string[];
}

export interface DebitReportResult {
  fileId: number;
  paid: number;
  paidTotal: number;
  failed: number;
  refunded: number;
  refundedTotal: number;
  /** Already booked by an earlier file (or by the bank-file import). */
  alreadyBooked: number;
  /** Transactions that match no order: left for the bank-file import or a manual payment. */
  unmatched: { reference: string; amount: number; date: string; line: number }[];
}

export interface DirectDebitSettingsEntity {
  country: 'SE' | 'NO';
  /** From the dues settings (the payee): the bankgiro (SE) or bank account (NO). */
  bankgiro: string | null;
  bankAccount: string | null;
  /** SE: Bankgirot's customer number for Autogiro (6 digits). */
  bgcCustomerNumber: string | null;
  /** NO: Nets' id of the data sender (8 digits) and the AvtaleGiro agreement id (9 digits). */
  netsDataSender: string | null;
  avtaleGiroAgreementId: string | null;
  /** NO: the KID agreed with Nets = member number in this many digits + invoice number + check digit. */
  kidCustomerDigits: number;
  /** The whole KID's length (from the dues settings' KID length, else 15). */
  kidLength: number;
  /** NO: Nets notifies the payer through the bank (transaction type 21) or the association does (02). */
  bankNotifies: boolean;
  /** What an export still needs. */
  missing: FieldIssue[];
}

const optionalDigits = (max: number) =>
  z
    .string()
    .max(max + 10)
    .transform((s) => s.replace(/[\s-]+/g, '') || null)
    .nullable()
    .default(null);

/** Field codes: `digits-length` (wrong number of digits), `length-out-of-range`. */
export const directDebitSettingsInputSchema = z.object({
  bgcCustomerNumber: optionalDigits(6),
  netsDataSender: optionalDigits(8),
  avtaleGiroAgreementId: optionalDigits(9),
  kidCustomerDigits: z.number().int().min(1).max(15).default(7),
  bankNotifies: z.boolean().default(true),
});
export type DirectDebitSettingsInput = z.input<typeof directDebitSettingsInputSchema>;

const pathSchema = z.string().min(1).max(4096);

export const directDebitContract = {
  'directDebit.settings': handler<DirectDebitSettingsEntity>()(z.object({})),
  'directDebit.saveSettings': handler<DirectDebitSettingsEntity>()(directDebitSettingsInputSchema),

  /** Autogiro mandates and members on autogiro without one. */
  'directDebit.mandates': handler<MandatesList>()(z.object({})),
  /** One member's Autogiro mandate (the member page), or null. */
  'directDebit.mandate': handler<MandateEntity | null>()(z.object({ memberId: idSchema })),
  /**
   * Asks for a new mandate for the member (sent with the next mandate file) and sets the member
   * to pay by autogiro. Clearing + account and person/organisation number come from a paper
   * mandate; both empty = accept a mandate the member gave in the internet bank. Field codes:
   * `clearing-format`, `account-format`, `mandate-account-and-id` (only one given), the identity
   * number's codes (idNumber); conflict `mandate-exists`; `direct-debit-country` outside Sweden.
   */
  'directDebit.requestMandate': handler<MandateEntity>()(
    z.object({
      memberId: idSchema,
      clearing: z.string().max(10).default(''),
      account: z.string().max(30).default(''),
      idNumber: z.string().max(20).default(''),
    }),
  ),
  /** Cancels it: an unsent request is simply dropped; an active mandate is cancelled in the next file. Conflict `no-mandate`. */
  'directDebit.cancelMandate': handler<MandateEntity>()(z.object({ memberId: idSchema })),
  /** Writes the mandate file (TK01, TK04, TK03). Conflict `nothing-to-send`; validation with the settings' missing fields; `io`. */
  'directDebit.mandateFile': handler<{ path: string; created: number; cancelled: number }>()(z.object({ path: pathSchema })),
  /** Reads Bankgirot's mandate advice (AG-MEDAVI, TK73): mandates become active, rejected or cancelled. */
  'directDebit.importMandateAdvice': handler<MandateAdviceResult>()(z.object({ path: pathSchema })),

  /** The year's direct-debit orders that an export would create (members on the country's direct debit). */
  'directDebit.ordersPreview': handler<OrdersPreview>()(z.object({ year: yearSchema, debitOn: isoDateSchema })),
  /**
   * Creates the year's orders (invoices marked direct debit, due on the debit date, never
   * printed) and writes them, with any earlier unsent ones, to the country's file: Autogiro
   * payment orders (TK82) or AvtaleGiro payment claims. Refused: validation with the preview's
   * blocking issues; conflict `nothing-to-send`; `io` (the orders stay unsent and go into the
   * next file).
   */
  'directDebit.exportOrders': handler<{ path: string; count: number; total: number }>()(
    z.object({ year: yearSchema, debitOn: isoDateSchema, path: pathSchema }),
  ),
  /**
   * Reads the bank's answer: Autogiro payment specification ("BET. SPEC & STOPP TK") in Sweden,
   * the Nets OCR giro file in Norway. Paid orders get a payment; failed ones stay owed; refunds
   * make them owed again. One transaction: a refused file books nothing.
   */
  'directDebit.importReport': handler<DebitReportResult>()(z.object({ path: pathSchema })),

  'directDebit.orders': handler<DirectDebitOrderEntity[]>()(z.object({ year: yearSchema.optional() })),
  'directDebit.files': handler<DirectDebitFileEntity[]>()(z.object({ limit: z.number().int().min(1).max(1000).default(100) })),
} as const;
