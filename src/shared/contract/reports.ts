import { z } from 'zod';
import { handler } from './define';
import { PAYMENT_METHODS, yearSchema, type InvoicePersonRef, type InvoiceStatus, type PaymentMethod } from './dues';
import { LANGUAGES } from './register';
import { isoDateSchema } from './types';

/**
 * The treasurer's reports and books (issue 6): the ledger of receivables per dues year,
 * payments per day and method, members with credit — on screen, as CSV and as PDF — and the
 * SIE 4 file a bookkeeping program imports. Money in minor units.
 */

// ---------------------------------------------------------------------------------------------
// Reports

export interface ReceivableRow {
  invoiceId: number;
  number: string;
  member: InvoicePersonRef;
  issuedOn: string;
  dueOn: string;
  total: number;
  paid: number;
  owed: number;
  status: InvoiceStatus;
  /** Dues paid by direct debit (the invoice was an order, never printed). */
  directDebit: 'autogiro' | 'avtalegiro' | null;
  /** Reminder rounds it was in. */
  reminders: number;
}

/**
 * The year's invoices (credit notes not listed as rows), with totals that always add up:
 * invoiced = paid + outstanding + writtenOff + carried + credited − overpaid.
 */
export interface ReceivablesReport {
  year: number;
  currency: 'SEK' | 'NOK';
  rows: ReceivableRow[];
  totals: {
    invoices: number;
    /** Σ invoice totals (reminder fees and carried amounts included). */
    invoiced: number;
    /** Σ paid on the year's invoices. */
    paid: number;
    /** Σ still owed (open and partly paid). */
    outstanding: number;
    /** Σ what was given up on written-off invoices. */
    writtenOff: number;
    /** Σ what moved onto a later year's invoice. */
    carried: number;
    /** Σ totals of credited invoices. */
    credited: number;
    /** Σ paid beyond the total (over-paid invoices) and paid on credited invoices: owed back or kept as credit. */
    overpaid: number;
  };
}

export interface PaymentsReport {
  from: string;
  to: string;
  currency: 'SEK' | 'NOK';
  /** One row per day and method, in date order. Refunds count with their negative amounts. */
  days: { date: string; method: PaymentMethod; count: number; amount: number }[];
  methods: { method: PaymentMethod; count: number; amount: number }[];
  count: number;
  total: number;
}

export interface CreditRow {
  member: InvoicePersonRef;
  /** What the association owes the member (their balance below zero). */
  credit: number;
  /** Of which: paid beyond invoice totals; paid on invoices later credited; paid on the member without an invoice. */
  overpaid: number;
  creditedPaid: number;
  onAccount: number;
  /** Still owed on other invoices (set against the credit). */
  owed: number;
}

export interface CreditsReport {
  currency: 'SEK' | 'NOK';
  rows: CreditRow[];
  total: number;
}

const periodSchema = z
  .object({ from: isoDateSchema, to: isoDateSchema })
  .refine((p) => p.from <= p.to, { message: 'period-reversed', path: ['to'] });

export const reportChoiceSchema = z.discriminatedUnion('report', [
  z.object({ report: z.literal('receivables'), year: yearSchema }),
  z.object({ report: z.literal('payments'), from: isoDateSchema, to: isoDateSchema }),
  z.object({ report: z.literal('credits') }),
]);
export type ReportChoice = z.input<typeof reportChoiceSchema>;

// ---------------------------------------------------------------------------------------------
// Bookkeeping (SIE 4)

/** Accounts the dues and payments are booked on. i18n keys under "treasury.sie.accounts.". */
export const BOOK_ACCOUNT_KEYS = ['receivable', 'income', 'reminderFees', 'writeOff', 'prepaid'] as const;
export type BookAccountKey = (typeof BOOK_ACCOUNT_KEYS)[number];

export interface BookAccount {
  /** 4 digits (BAS in Sweden, NS 4102 in Norway). */
  number: string;
  /** Written to the file with #KONTO, used by the program only for an account it does not have. */
  name: string;
}

export interface BookkeepingSettingsEntity {
  accounts: Record<BookAccountKey, BookAccount>;
  /** Where money paid by each method lands (bank account, plusgiro, cash). */
  methodAccounts: Record<PaymentMethod, BookAccount>;
  /** The verification series letter(s) in the bookkeeping program. */
  series: string;
  /** One verification per invoice and payment, or one per day and kind. */
  grouping: 'each' | 'day';
}

const bookAccountSchema = z.object({ number: z.string().max(10).transform((s) => s.trim()), name: z.string().max(100).transform((s) => s.trim()) });

/** Field codes (`accounts.<key>.number`, `methodAccounts.<method>.number`, `series`): `account-format` (4 digits), `required`, `series-format`. */
export const bookkeepingSettingsInputSchema = z.object({
  accounts: z.object(Object.fromEntries(BOOK_ACCOUNT_KEYS.map((k) => [k, bookAccountSchema])) as Record<BookAccountKey, typeof bookAccountSchema>),
  methodAccounts: z.object(Object.fromEntries(PAYMENT_METHODS.map((m) => [m, bookAccountSchema])) as Record<PaymentMethod, typeof bookAccountSchema>),
  series: z.string().max(10).transform((s) => s.trim()),
  grouping: z.enum(['each', 'day']),
});
export type BookkeepingSettingsInput = z.input<typeof bookkeepingSettingsInputSchema>;

export interface SiePreview {
  from: string;
  to: string;
  verifications: number;
  /** Debit and credit per account over the period; debit total = credit total. */
  accounts: { number: string; name: string; debit: number; credit: number }[];
  debit: number;
  credit: number;
}

export const reportsContract = {
  'reports.receivables': handler<ReceivablesReport>()(z.object({ year: yearSchema })),
  /** Refused: field "to" `period-reversed`. */
  'reports.payments': handler<PaymentsReport>()(periodSchema),
  'reports.credits': handler<CreditsReport>()(z.object({})),
  /** The report as CSV (Excel-ready) or PDF (A4 table). Field "path": `path-not-absolute`; `io`. */
  'reports.export': handler<{ path: string; rows: number }>()(
    z.object({ choice: reportChoiceSchema, format: z.enum(['csv', 'pdf']), path: z.string().min(1).max(4096), language: z.enum(LANGUAGES).optional() }),
  ),

  'bookkeeping.settings': handler<BookkeepingSettingsEntity>()(z.object({})),
  'bookkeeping.saveSettings': handler<BookkeepingSettingsEntity>()(bookkeepingSettingsInputSchema),
  /** What the SIE file for the period would hold, per account. */
  'bookkeeping.siePreview': handler<SiePreview>()(periodSchema),
  /**
   * Writes the SIE 4 file (PC8 / CP437) of dues invoiced, credited, written off and payments
   * received in the period, as balanced verifications. Conflict `nothing-to-book`; `io`.
   */
  'bookkeeping.sieExport': handler<{ path: string; verifications: number }>()(
    z.object({ from: isoDateSchema, to: isoDateSchema, path: z.string().min(1).max(4096) }).refine((p) => p.from <= p.to, { message: 'period-reversed', path: ['to'] }),
  ),
} as const;
