import { z } from 'zod';
import { handler } from './define';
import { PAYMENT_METHODS, type InvoicePersonRef, type PaymentMethod } from './dues';
import { IMPORT_DELIMITERS, IMPORT_ENCODINGS, type ImportDelimiter, type ImportEncoding } from './imports';
import { idSchema } from './types';

/**
 * Bank files imported and matched (issue 6): Bankgirot's BgMax (SE), Nets' OCR giro file (NO),
 * ISO 20022 camt.054 credit notifications and camt.053 account statements (booked credits only),
 * and a bank's or Swish/Vipps CSV report read through a column mapping.
 *
 * How it works
 * - The core reads the file from the path the user picked, on every call (nothing is kept
 *   between preview and import; the import checks the file is still the one previewed).
 * - The file's own controls are checked before anything else (BgMax deposit and trailer records,
 *   Nets assignment and transmission end records, camt's transaction summary), and the payee
 *   (bankgiro, account, IBAN) must be the register's (dues settings).
 * - Matching: a payment whose OCR/KID/RF reference is an invoice that is still owed is booked on
 *   it; what it pays beyond what is owed is booked on the member as credit, never lost. Every
 *   other payment goes to review with suggestions (same amount and name, the member number or
 *   an invoice reference in the message, an invoice already paid).
 * - The same file (by its SHA-256) is refused the second time; a transaction already imported
 *   from another file, or already recorded by hand on the invoice the same day, is recognised
 *   and not booked again (a "duplicate").
 * - An import is one transaction, undone in one step while nothing later depends on its payments.
 *
 * Refusals of a file: `validation` with `fields: [{ field: 'file', code }]` and `details.line`
 * (1-based, as text). Codes: `file-empty`, `file-encoding` (UTF-16, binary, control
 * characters), `file-record-length`, `file-record-unknown` (`details.record`),
 * `file-record-order`, `file-layout` (not a file of that kind), `file-test` (a BgMax test file),
 * `file-other-payee` (`details.payee`: another bankgiro/account), `payee-not-set` (the dues
 * settings lack the bankgiro / bank account to check against), `file-truncated` (no closing
 * record), `file-count-mismatch` (`details.expected`, `details.found`), `file-sum-mismatch`,
 * `file-field` (a field that is not what the layout says; `details.columns` when known),
 * `file-xml` (malformed XML, or a DOCTYPE). CSV: `csv-mapping-required`, `csv-column-missing`
 * (date or amount not mapped), and the import wizard's `file-too-large`, `not-tabular`,
 * `too-many-rows`. Field "path": `path-not-absolute`, `file-not-found`, `file-too-large`.
 */

export const BANK_FILE_FORMATS = ['bgmax', 'nets-ocr', 'camt054', 'camt053', 'csv'] as const;
export type BankFileFormat = (typeof BANK_FILE_FORMATS)[number];

/** The columns a CSV report is read through. i18n keys under "payments.csvFields.". */
export const CSV_PAYMENT_FIELDS = ['date', 'amount', 'reference', 'name', 'message', 'transactionId'] as const;
export type CsvPaymentField = (typeof CSV_PAYMENT_FIELDS)[number];

const column = z.number().int().min(0).max(199);

export const csvMappingSchema = z.object({
  encoding: z.enum(IMPORT_ENCODINGS).optional(),
  delimiter: z.enum(IMPORT_DELIMITERS).optional(),
  /** 1-based row of the column names; detected when left out. */
  headerRow: z.number().int().min(1).max(50).optional(),
  /** 0-based column per field; date and amount are required. */
  columns: z.object({
    date: column.nullable().default(null),
    amount: column.nullable().default(null),
    reference: column.nullable().default(null),
    name: column.nullable().default(null),
    message: column.nullable().default(null),
    /** The bank's own id of the transaction: the surest way to recognise it in a later report. */
    transactionId: column.nullable().default(null),
  }),
  /** How these payments came in (Swish report → swish, Vipps report → vipps). */
  method: z.enum(PAYMENT_METHODS).default('bank'),
});
export type CsvMapping = z.input<typeof csvMappingSchema>;

const pathSchema = z.string().min(1).max(4096);
const fileArgs = z.object({ path: pathSchema, csv: csvMappingSchema.optional() });

/** What a picked file is; for a CSV report also its columns, to map. */
export interface BankFileInspection {
  fileName: string;
  format: BankFileFormat;
  csv: {
    encoding: ImportEncoding | null;
    delimiter: ImportDelimiter | null;
    headerRow: number;
    headers: string[];
    /** The first data rows. */
    preview: string[][];
    /** The column each field most likely is in (by its header), or null. */
    suggested: Record<CsvPaymentField, number | null>;
  } | null;
}

/** What became of a transaction. i18n keys under "payments.outcome.". */
export const ITEM_STATUSES = ['matched', 'review', 'assigned', 'left', 'duplicate'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** Why a transaction is a duplicate: an earlier import had it, or a payment was recorded by hand. */
export type PaymentDuplicateReason = 'imported' | 'recorded';

/** One part of a transaction booked on an invoice, or on the member as credit (`invoiceId` null). */
export interface Allocation {
  invoiceId: number | null;
  invoiceNumber: string | null;
  member: InvoicePersonRef;
  amount: number;
}

/**
 * Why a suggestion is made. i18n keys under "payments.reason.".
 * - reference: the payer's reference is this invoice (a payment of several invoices that does not pay them all)
 * - reference-not-open: the reference is an invoice that owes nothing now (paid, credited, written off)
 * - reference-in-message: an invoice's reference written in the message or the wrong field
 * - member-number: the member number in the message or reference
 * - name: the payer's name is the member's
 * - amount: the amount is what the invoice still owes
 */
export const SUGGESTION_REASONS = ['reference', 'reference-not-open', 'reference-in-message', 'member-number', 'name', 'amount'] as const;
export type SuggestionReason = (typeof SUGGESTION_REASONS)[number];

export interface Suggestion {
  /** The invoice to book on, or null: book on the member as credit. */
  invoiceId: number | null;
  invoiceNumber: string | null;
  /** What the invoice still owes (0 when not open); null for the member. */
  owed: number | null;
  year: number | null;
  member: InvoicePersonRef;
  reasons: SuggestionReason[];
}

/**
 * Why a transaction cannot be booked as it is. i18n keys under "payments.blocked.":
 * - negative: a deduction or reversal (money out) — left for the treasurer to handle by hand
 * - currency: not in the register's currency
 */
export type BlockedReason = 'negative' | 'currency';

/** A transaction of a file, as previewed or as imported. */
export interface BankTransactionRow {
  /** The item's id once imported; null in a preview. */
  id: number | null;
  line: number;
  kind: 'payment' | 'deduction' | 'reversal';
  paidOn: string;
  amount: number;
  currency: string;
  references: string[];
  payerName: string | null;
  message: string;
  method: PaymentMethod;
  status: ItemStatus;
  duplicateReason: PaymentDuplicateReason | null;
  blocked: BlockedReason | null;
  /** Where the money went (matched / assigned). */
  allocations: Allocation[];
  note: string | null;
}

export interface BankFileTotals {
  count: number;
  amount: number;
}

/** What importing the file would do; changes nothing. */
export interface BankFilePreview {
  fileName: string;
  format: BankFileFormat;
  /** SHA-256 of the bytes: pass it to `payments.import` so a file changed since is refused. */
  hash: string;
  /** The payee the file is for (bankgiro, account or IBAN as written), when it says. */
  payee: string | null;
  currency: string;
  /** What the file's own control records declared and were found to agree with (null: a CSV has none). */
  control: { sections: number; count: number; total: number } | null;
  /** Rows or entries not taken as incoming payments (CSV outgoing rows, camt debits, pending entries). */
  skipped: number;
  /**
   * `skipped` by why: money out (the association's own payments, fees, negative CSV rows),
   * reversals (camt RvslInd: a payment returned or a debit undone), entries the bank has not
   * booked yet (camt status other than BOOK; a later file has them booked).
   */
  leftOut: { outgoing: number; reversals: number; pending: number };
  /** This very file was imported before (then `payments.import` refuses it). */
  alreadyImported: { importId: number; at: string; fileName: string } | null;
  all: BankFileTotals;
  matched: BankFileTotals;
  review: BankFileTotals;
  duplicates: BankFileTotals;
  /** Paid beyond what the matched invoices owe: booked as credit on the members. */
  credit: number;
  /** Every transaction (review ones first), up to `limit`. */
  rows: BankTransactionRow[];
}

export interface PaymentImportEntity {
  id: number;
  format: BankFileFormat;
  fileName: string;
  at: string;
  payee: string | null;
  currency: string;
  all: BankFileTotals;
  matched: BankFileTotals;
  /** Still waiting in review. */
  review: BankFileTotals;
  assigned: BankFileTotals;
  left: BankFileTotals;
  duplicates: BankFileTotals;
  /** Booked on members as credit (over-payments and payments assigned to a member). */
  credit: number;
  undoneAt: string | null;
  /**
   * Null when it can be undone; else why not (i18n keys under "payments.undoBlocked."):
   * `undone`, `later-payments` (payments booked later on the same invoices or members),
   * `invoice-changed` (an invoice it paid was credited, written off or carried since),
   * `direct-debit` (a direct-debit order points to one of its payments).
   */
  undoBlocked: string | null;
  /** The invoice numbers `undoBlocked` is about. */
  blockedBy: string[];
}

/** A transaction waiting for (or given) the treasurer's decision, with suggestions. */
export interface ReviewItem extends BankTransactionRow {
  id: number;
  importId: number;
  fileName: string;
  suggestions: Suggestion[];
}

/** A match the treasurer can search for: an open invoice or a member. */
export interface Candidate {
  invoiceId: number | null;
  invoiceNumber: string | null;
  owed: number | null;
  year: number | null;
  reference: string | null;
  member: InvoicePersonRef;
}

const itemArgs = z.object({ itemId: idSchema });

export const paymentsContract = {
  /** What the file is (by its content, not its name); a CSV's columns and suggested mapping. */
  'payments.inspect': handler<BankFileInspection>()(z.object({ path: pathSchema, csv: csvMappingSchema.partial({ columns: true }).optional() })),
  /** Reads, checks and matches the file; changes nothing. A CSV needs `csv` (else `csv-mapping-required`). */
  'payments.preview': handler<BankFilePreview>()(fileArgs.extend({ limit: z.number().int().min(0).max(100_000).default(2000) })),
  /**
   * Imports the file in one transaction: matched payments booked, the rest kept for review,
   * duplicates recorded and not booked. Conflict `file-already-imported` (`details.importedAt`,
   * `details.fileName`), `file-changed` (the bytes are not those previewed, when `hash` is given).
   */
  'payments.import': handler<PaymentImportEntity>()(fileArgs.extend({ hash: z.string().regex(/^[0-9a-f]{64}$/).optional() })),
  /** Imports, newest first. */
  'payments.imports': handler<PaymentImportEntity[]>()(z.object({ limit: z.number().int().min(1).max(1000).default(100) })),
  /** Transactions in review (or, with `status`, those decided), oldest first, with suggestions. */
  'payments.review': handler<ReviewItem[]>()(
    z.object({
      importId: idSchema.optional(),
      status: z.array(z.enum(['review', 'assigned', 'left'])).min(1).max(3).default(['review']),
      limit: z.number().int().min(1).max(10_000).default(500),
    }),
  ),
  /** Open invoices and members matching a text (name, member number, invoice number, reference), for the review screen. */
  'payments.candidates': handler<Candidate[]>()(z.object({ query: z.string().trim().min(1).max(100), limit: z.number().int().min(1).max(50).default(20) })),
  /**
   * Books a transaction in review on an invoice (what exceeds what it owes goes to the member as
   * credit) or on a member as credit. Conflict `item-not-in-review`, `item-blocked` (a deduction,
   * reversal or another currency cannot be booked here), `invoice-is-credit-note`; not-found.
   * Field `invoiceId` / `memberId`: `invoice-or-member-required`.
   */
  'payments.assign': handler<ReviewItem>()(
    itemArgs
      .extend({ invoiceId: idSchema.nullable().default(null), memberId: idSchema.nullable().default(null) })
      .refine((a) => a.invoiceId !== null || a.memberId !== null, { message: 'invoice-or-member-required', path: ['invoiceId'] }),
  ),
  /** Leaves a transaction unassigned (kept with the note, booked on nobody). Conflict `item-not-in-review`. */
  'payments.leave': handler<ReviewItem>()(itemArgs.extend({ note: z.string().max(500).transform((s) => s.trim() || null).nullable().default(null) })),
  /** Puts an assigned or left transaction back in review, removing what its assignment booked. Conflict `item-not-decided`, `later-payments`. */
  'payments.reopen': handler<ReviewItem>()(itemArgs),
  /**
   * Undoes an import: its payments and transactions removed in one step. Conflict with the
   * reason `undoBlocked` gives (`undone`, `later-payments`, `invoice-changed`, `direct-debit`;
   * `details.invoices` lists the invoice numbers). Nothing is removed then.
   */
  'payments.undoImport': handler<PaymentImportEntity>()(z.object({ importId: idSchema })),
} as const;
