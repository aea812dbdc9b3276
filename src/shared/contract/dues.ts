import { z } from 'zod';
import type { FieldIssue } from '../result';
import { handler } from './define';
import { LANGUAGES, type RegisterCountry } from './register';
import { STRIKE_OFF_REASONS, type StrikeOffReason } from './members';
import { idSchema, isoDateSchema } from './types';

/**
 * The treasurer's year (issue 5): dues settings, the fee schedule, invoice runs, payments (a
 * minimal manual record so "paid" exists), reminder rounds, strike-off, credit notes and
 * write-offs, and the PDF letters.
 *
 * Conventions
 * - Money is an integer in minor units (öre / øre): 25000 = 250,00 kr. The currency follows the
 *   register's country (SE → SEK, NO → NOK) and is given in the answers that carry amounts.
 * - Dates are ISO `YYYY-MM-DD`; times ISO with zone.
 * - A "dues year" is a calendar year number (2026).
 * - Refusals: `validation` with `details.fields = [{ field, code }]` (codes are i18n keys under
 *   "errors."), `conflict` with `details.reason` (an i18n key) for state problems, `not-found`.
 *   Codes each handler may answer are listed on it.
 * - Line descriptions on invoices are written by the core, in the register's language, when the
 *   invoice is created, and stored: a printed invoice never changes text afterwards.
 */

// ---------------------------------------------------------------------------------------------
// Enumerations

/** How a payment reference is made: Swedish OCR (Luhn), Norwegian KID, or ISO 11649 RF. */
export const REFERENCE_KINDS = ['ocr', 'kid', 'rf'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

/** Bankgirot's OCR control levels: soft/hard = Luhn check digit; variable = + length digit; fixed = + agreed length. */
export const OCR_LEVELS = ['soft', 'hard', 'variable', 'fixed'] as const;
export type DuesOcrLevel = (typeof OCR_LEVELS)[number];

export const KID_MODES = ['MOD10', 'MOD11'] as const;
export type DuesKidMode = (typeof KID_MODES)[number];

/** Direct debit per member: autogiro (SE) or AvtaleGiro (NO). Members on direct debit get no invoice. */
export const DIRECT_DEBIT_KINDS = ['none', 'autogiro', 'avtalegiro'] as const;
export type DirectDebitKind = (typeof DIRECT_DEBIT_KINDS)[number];

/** How a payment came in. i18n keys under "dues.paymentMethods.". */
export const PAYMENT_METHODS = ['bankgiro', 'plusgiro', 'swish', 'vipps', 'bank', 'cash', 'autogiro', 'avtalegiro', 'other', 'credit'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/**
 * An invoice's status, derived (never stored) from its payments and what happened to it:
 * - open: nothing paid; partlyPaid: 0 < paid < total; paid: paid = total; overPaid: paid > total
 * - credited: a credit note cancels it (owes nothing; anything paid is owed back)
 * - writtenOff: the association gave up the rest (owes nothing more)
 * - carried: what was still owed moved as a line onto a later year's invoice (`carriedTo`), so it
 *   is not owed twice
 * - creditNote: the document is itself a credit note
 * i18n keys under "dues.status.".
 */
export const INVOICE_STATUSES = ['open', 'partlyPaid', 'paid', 'overPaid', 'credited', 'writtenOff', 'carried', 'creditNote'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** Statuses in which an invoice is still owed (reminders, strike-off, carry-over look at these). */
export const OWED_STATUSES: readonly InvoiceStatus[] = ['open', 'partlyPaid'];

/**
 * Kinds of invoice lines:
 * - fee: the type's fee for the year; intro: the introductory fee instead of it
 * - household: the household's one fee for a per-household (family) type
 * - carried: last year's unpaid amount, moved onto this invoice
 * - reminderFee: the fee a reminder round added
 * - credit: a credit note's (negative) lines
 */
export const INVOICE_LINE_KINDS = ['fee', 'intro', 'household', 'carried', 'reminderFee', 'credit'] as const;
export type InvoiceLineKind = (typeof INVOICE_LINE_KINDS)[number];

/**
 * Why a member gets no invoice in a run. i18n keys under "dues.excluded.".
 * - direct-debit: pays by autogiro / AvtaleGiro
 * - free-type: the member's type is free this year (free flag, or a type that does not pay dues)
 * - already-invoiced: has an invoice for the year already (also: covered by a household's invoice)
 * - already-paid: a payment for the year is recorded without an invoice (e.g. cash at a meeting)
 * - credited: the year's invoice was credited (include them again with `includeCredited`)
 * - left / struck-off / archived: not a current member
 * - not-yet-member: joined after the invoice date
 * - no-address: neither a postal address nor an e-mail address, so the invoice cannot reach them
 * - no-membership-type: the member has no type, so there is no fee to charge
 * - no-fee: the member's type has no fee in the year's schedule (also a blocking issue of the run)
 */
export const EXCLUSION_REASONS = [
  'direct-debit',
  'free-type',
  'already-invoiced',
  'already-paid',
  'credited',
  'left',
  'struck-off',
  'archived',
  'not-yet-member',
  'no-address',
  'no-membership-type',
  'no-fee',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/**
 * Merge fields in the personal letter and the reminder texts: `{firstName}` etc.; `{{` and `}}`
 * write a literal brace. Any other `{name}` is refused with `merge-field-unknown`, a `{` that
 * does not close a field with `merge-field-unclosed` (see src/shared/text/merge-fields.ts).
 * - firstName, lastName, memberNumber: the addressee
 * - activities: the settings' "activities coming up" text
 * - year: the dues year; association: the association's name
 */
export const DUES_MERGE_FIELDS = ['firstName', 'lastName', 'memberNumber', 'activities', 'year', 'association'] as const;
export type DuesMergeField = (typeof DUES_MERGE_FIELDS)[number];

// ---------------------------------------------------------------------------------------------
// Settings

/** Logo limits: PNG or JPEG (checked by its bytes, not its name), at most this big. */
export const LOGO_MAX_BYTES = 300 * 1024;
export const LOGO_MAX_PIXELS = 4000;

export interface DuesLogoInfo {
  mime: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  bytes: number;
  /** `data:image/png;base64,...` for showing it in the settings form. */
  dataUrl: string;
}

/**
 * The association as payee and the payment details. Stored in the register. Values are stored
 * normalised (digits only for giro and account numbers; IBAN/BIC upper-case without spaces).
 */
export interface DuesSettingsEntity {
  country: RegisterCountry;
  currency: 'SEK' | 'NOK';
  /** Defaults to the register's association name until set here. */
  associationName: string;
  /** The association's postal address as printed, one line each (street, "postcode city"). */
  addressLines: string[];
  /** SE: 10 digits (Luhn); NO: 9 digits (MOD11). Stored as digits. */
  orgNumber: string | null;
  /** A contact line printed on the letters: "kassor@exempel.se, 070-123 45 67". */
  contact: string | null;
  logo: DuesLogoInfo | null;
  /** SE: 7–8 digits (Luhn). At least one of bankgiro / plusgiro for OCR references. */
  bankgiro: string | null;
  plusgiro: string | null;
  /** SE: a Swish number (123 xxx xx xx) or a Swedish mobile number; digits only. Gives the letters a QR code. */
  swishNumber: string | null;
  /** NO: 11 digits (MOD11). Required in Norway. */
  bankAccount: string | null;
  /** Optional international details; needed when references are RF. */
  iban: string | null;
  bic: string | null;
  /** SE: 'ocr' or 'rf'; NO: 'kid' or 'rf'. */
  referenceKind: ReferenceKind;
  /** SE OCR control level agreed with Bankgirot; 'variable' adds the length digit. */
  ocrLevel: DuesOcrLevel;
  /** 'fixed': the agreed total length of every OCR reference (5–25). */
  ocrLength: number | null;
  kidMode: DuesKidMode;
  /** NO: the agreed KID length (5–25), zero-padded; null = as long as needed. */
  kidLength: number | null;
  /** The number the next invoice or credit note gets (e.g. to continue the old system's series). */
  nextInvoiceNumber: number;
  /** The board's personal letter printed on every invoice, with merge fields. */
  letterText: string;
  /** "Activities coming up", put into the letter by `{activities}`. */
  activitiesText: string;
  /**
   * What must be filled in or corrected before an invoice run (empty = ready), e.g.
   * `{ field: 'bankgiro', code: 'bankgiro-or-plusgiro-required' }`, `{ field: 'associationName', code: 'required' }`.
   */
  missing: FieldIssue[];
}

const text = (max: number) => z.string().max(max).transform((s) => s.trim());
const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.trim() || null)
    .nullable()
    .default(null);

/**
 * What the settings form sends (the whole form; the logo has its own handlers). Formats are
 * checked in the core. Field codes: `orgnr-format`, `orgnr-check-digit`, `giro-format`,
 * `giro-length`, `giro-check-digit` (bankgiro, plusgiro), `swish-number-format`, `account-format`,
 * `account-check-digit` (bankAccount), `iban-format`, `iban-check-digits`, `bic-format`,
 * `reference-kind-country` (ocr in Norway / kid in Sweden), `ocr-length-required`,
 * `length-out-of-range` (ocrLength, kidLength), `merge-field-unknown`, `merge-field-unclosed`
 * (letterText).
 */
export const duesSettingsInputSchema = z.object({
  associationName: text(200),
  addressLines: z.array(text(100)).max(4).default([]),
  orgNumber: optionalText(20),
  contact: optionalText(200),
  bankgiro: optionalText(20),
  plusgiro: optionalText(20),
  swishNumber: optionalText(20),
  bankAccount: optionalText(20),
  iban: optionalText(42),
  bic: optionalText(20),
  referenceKind: z.enum(REFERENCE_KINDS),
  ocrLevel: z.enum(OCR_LEVELS).default('hard'),
  ocrLength: z.number().int().nullable().default(null),
  kidMode: z.enum(KID_MODES).default('MOD10'),
  kidLength: z.number().int().nullable().default(null),
  nextInvoiceNumber: z.number().int().min(1).max(99_999_999).default(1),
  letterText: z.string().max(4000).default(''),
  activitiesText: z.string().max(2000).default(''),
});
export type DuesSettingsInput = z.input<typeof duesSettingsInputSchema>;

// ---------------------------------------------------------------------------------------------
// Fee schedule and direct debit

export interface IntroFee {
  /** Members who joined in [from, to] (inclusive) pay `amount` instead of the fee. */
  from: string;
  to: string;
  amount: number;
}

/** One membership type's fee in one dues year. */
export interface DuesFeeEntity {
  year: number;
  membershipTypeId: number;
  /** Minor units; 0 when free. */
  amount: number;
  /** Free this year (honorary, youth when so decided): members of the type get no invoice. */
  free: boolean;
  /** One invoice per household for members of this type (family membership), addressed to one member. */
  perHousehold: boolean;
  dueOn: string;
  intro: IntroFee | null;
}

const amountSchema = z.number().int().min(-100_000_000).max(100_000_000);
export const yearSchema = z.number().int().min(2000).max(2100);

export const duesFeeInputSchema = z.object({
  membershipTypeId: idSchema,
  amount: amountSchema,
  free: z.boolean().default(false),
  perHousehold: z.boolean().default(false),
  dueOn: isoDateSchema,
  intro: z.object({ from: isoDateSchema, to: isoDateSchema, amount: amountSchema }).nullable().default(null),
});
export type DuesFeeInput = z.input<typeof duesFeeInputSchema>;

export interface DirectDebitEntity {
  memberId: number;
  kind: DirectDebitKind;
  /** Since when (null when unknown or 'none'). */
  since: string | null;
  /** The payer number / mandate reference at the bank, if the treasurer keeps it. */
  payerNumber: string | null;
}

// ---------------------------------------------------------------------------------------------
// Invoices and payments

export interface InvoiceLineEntity {
  id: number;
  kind: InvoiceLineKind;
  /** Written in the register's language when the line was made ("Medlemsavgift 2026 – Familj"). */
  description: string;
  amount: number;
  /** carried: the older invoice whose unpaid amount this line carries. */
  carriedInvoiceId: number | null;
  /** reminderFee: the round that added it. */
  reminderRoundId: number | null;
}

export interface InvoicePersonRef {
  memberId: number;
  memberNumber: number;
  firstName: string;
  lastName: string;
}

export interface PaymentEntity {
  id: number;
  /** The invoice paid, or null for a payment recorded on the member only. */
  invoiceId: number | null;
  invoiceNumber: string | null;
  memberId: number | null;
  paidOn: string;
  amount: number;
  method: PaymentMethod;
  /** The reference the payer gave (OCR/KID/RF or message), if any. */
  reference: string | null;
  note: string | null;
  /** A member-only payment of a whole year's dues (keeps the member out of that year's run). */
  year: number | null;
  createdAt: string;
}

/** An invoice or a credit note. Credit notes have negative lines and total. */
export interface InvoiceEntity {
  id: number;
  kind: 'invoice' | 'creditNote';
  /** Sequential, shared by invoices and credit notes. */
  number: string;
  year: number;
  runId: number | null;
  /** The addressee. */
  member: InvoicePersonRef;
  /** Everyone the invoice is for: the addressee and, for a household fee, the others. */
  covers: InvoicePersonRef[];
  householdId: number | null;
  issuedOn: string;
  dueOn: string;
  /** The payment reference (compact); a credit note carries the reference of the invoice it credits. */
  reference: string;
  referenceKind: ReferenceKind;
  lines: InvoiceLineEntity[];
  total: number;
  paid: number;
  /** What is still owed now: 0 for paid, credited, written off, carried and credit notes. */
  owed: number;
  status: InvoiceStatus;
  /** Credit note: the invoice it credits. Invoice: the credit note that credited it. */
  creditsInvoiceId: number | null;
  creditedById: number | null;
  /** carried: the newer invoice that took over what was owed. */
  carriedToId: number | null;
  writtenOffOn: string | null;
  note: string | null;
  /** Reminder rounds (1..n) this invoice was included in. */
  reminderRounds: number[];
  createdAt: string;
}

/** A row of the invoice list (lines not included). */
export type InvoiceRow = Omit<InvoiceEntity, 'lines'>;

export interface InvoiceWithPayments extends InvoiceEntity {
  payments: PaymentEntity[];
}

export const invoiceListQuerySchema = z.object({
  year: yearSchema.optional(),
  runId: idSchema.optional(),
  memberId: idSchema.optional(),
  status: z.array(z.enum(INVOICE_STATUSES)).max(INVOICE_STATUSES.length).optional(),
  kind: z.enum(['invoice', 'creditNote']).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(10_000).default(200),
});
export type InvoiceListQuery = z.input<typeof invoiceListQuerySchema>;

export const paymentInputSchema = z
  .object({
    invoiceId: idSchema.nullable().default(null),
    memberId: idSchema.nullable().default(null),
    paidOn: isoDateSchema,
    amount: amountSchema,
    method: z.enum(PAYMENT_METHODS),
    reference: optionalText(35),
    note: optionalText(1000),
    /** Member-only payments: the dues year the payment is for (null = just money on account). */
    year: yearSchema.nullable().default(null),
  })
  .refine((p) => p.invoiceId !== null || p.memberId !== null, { message: 'invoice-or-member-required', path: ['invoiceId'] });
export type PaymentInput = z.input<typeof paymentInputSchema>;

/** Money paid back to a member out of their credit (see 'dues.refund'). */
export const refundInputSchema = z.object({
  memberId: idSchema,
  paidOn: isoDateSchema,
  /** What is paid back, positive (booked as a negative payment on the member). */
  amount: amountSchema,
  method: z.enum(PAYMENT_METHODS).refine((m) => m !== 'credit', { message: 'method-not-allowed' }),
  note: optionalText(1000),
});
export type RefundInput = z.input<typeof refundInputSchema>;

// ---------------------------------------------------------------------------------------------
// Invoice runs

export interface PreviewLine {
  kind: InvoiceLineKind;
  description: string;
  amount: number;
  carriedInvoiceId: number | null;
}

/** One invoice the run would create. */
export interface PreviewInvoice {
  member: InvoicePersonRef;
  /** Everyone it is for (household invoices list the others too). */
  covers: InvoicePersonRef[];
  householdId: number | null;
  membershipTypeId: number;
  lines: PreviewLine[];
  total: number;
  /**
   * Credit on account or over-paid by the members it covers, used on it (absent = none). The run
   * books it as 'credit' payments; an invoice fully covered is created paid and gets no letter.
   */
  creditUsed?: number;
  dueOn: string;
  /** false: no postal address; the letter goes by e-mail only (a per-member PDF). */
  printable: boolean;
  email: string | null;
}

export interface PreviewExclusion extends InvoicePersonRef {
  reason: ExclusionReason;
}

export interface InvoiceRunPreview {
  year: number;
  invoiceDate: string;
  currency: 'SEK' | 'NOK';
  invoiceCount: number;
  /** Sum of all the invoices' totals, carried amounts included. */
  total: number;
  /** Of which carried from last year. */
  carriedTotal: number;
  /** Invoices without a postal address (e-mail only). */
  notPrintableCount: number;
  excludedCount: number;
  /** How many members each reason leaves out (reasons with none are absent). */
  byReason: Partial<Record<ExclusionReason, number>>;
  /** The first `limit` of each list, in name order. */
  invoices: PreviewInvoice[];
  excluded: PreviewExclusion[];
  /**
   * What stops the run (empty = it may run): missing or invalid payment details (as in
   * settings' `missing`), and schedule problems: `{ field: 'fees.<typeId>', code: 'fee-missing' }`
   * for a type in use without a fee, `due-before-invoice-date`, `no-fees-for-year`.
   */
  blocking: FieldIssue[];
}

export interface InvoiceRunEntity {
  id: number;
  year: number;
  invoiceDate: string;
  createdAt: string;
  invoices: number;
  total: number;
  firstNumber: string | null;
  lastNumber: string | null;
}

const runArgs = z.object({
  year: yearSchema,
  invoiceDate: isoDateSchema,
  /** Invoice again members whose only invoice of the year was credited. */
  includeCredited: z.boolean().default(false),
  /**
   * The due date of this run's invoices instead of the schedule's (a later run for new members
   * needs a later date). Before the invoice date: blocking `due-before-invoice-date` at "dueOn".
   */
  dueOn: isoDateSchema.optional(),
});

// ---------------------------------------------------------------------------------------------
// Reminder rounds

export interface ReminderRoundEntity {
  id: number;
  year: number;
  /** 1..n in date order. */
  round: number;
  /** The reminder's date (printed as its date). */
  remindOn: string;
  /** The new due date printed on the reminder. */
  dueOn: string;
  /** Optional reminder fee (minor units), added as a line to each reminded invoice; 0 = none. */
  fee: number;
  /** The reminder's text (merge fields allowed); printed instead of the personal letter. */
  text: string;
  /** When it was run; null = not yet. */
  runAt: string | null;
  /** Invoices the run included. */
  reminded: number;
  /** What those invoices owed at the run (before the fee). */
  owedTotal: number;
}

export const reminderRoundInputSchema = z.object({
  remindOn: isoDateSchema,
  dueOn: isoDateSchema,
  fee: amountSchema.default(0),
  text: z.string().max(4000).default(''),
});
export type ReminderRoundInput = z.input<typeof reminderRoundInputSchema>;

export interface ReminderPreviewRow {
  invoiceId: number;
  invoiceNumber: string;
  member: InvoicePersonRef;
  total: number;
  paid: number;
  owed: number;
  printable: boolean;
  email: string | null;
}

export interface ReminderPreview {
  round: ReminderRoundEntity;
  currency: 'SEK' | 'NOK';
  count: number;
  owedTotal: number;
  /** Fee lines the run would add in all. */
  feeTotal: number;
  rows: ReminderPreviewRow[];
}

// ---------------------------------------------------------------------------------------------
// Strike-off

export interface StrikeOffProposalRow {
  member: InvoicePersonRef;
  /** The member's invoices of the year still owed (household invoices count for everyone they cover). */
  invoiceNumbers: string[];
  owed: number;
  /** The last reminder round the member's invoice got. */
  lastRound: number;
}

export interface StrikeOffProposal {
  year: number;
  currency: 'SEK' | 'NOK';
  /** The latest round run; the proposal is members still owing after it. */
  afterRound: number;
  rows: StrikeOffProposalRow[];
  owedTotal: number;
}

export interface StrikeOffEntity {
  id: number;
  year: number;
  on: string;
  reason: StrikeOffReason;
  note: string | null;
  members: InvoicePersonRef[];
  createdAt: string;
  undoneAt: string | null;
  /** Only while every member is still struck off by it (no later status change). */
  undoable: boolean;
}

// ---------------------------------------------------------------------------------------------
// Letters

/** Which letters to make. */
export const letterSourceSchema = z.discriminatedUnion('kind', [
  /** Every invoice of an invoice run. */
  z.object({ kind: z.literal('run'), runId: idSchema }),
  /** The reminders of a round that has been run. */
  z.object({ kind: z.literal('round'), roundId: idSchema }),
  /** Chosen invoices and credit notes, each as its own kind of letter. */
  z.object({ kind: z.literal('invoices'), invoiceIds: z.array(idSchema).min(1).max(100_000) }),
]);
export type LetterSource = z.input<typeof letterSourceSchema>;

export interface LettersPreview {
  letters: number;
  /** Letters without a postal address: left out of the combined PDF (they still get a separate PDF). */
  notPrintable: InvoicePersonRef[];
  /** Letters without an e-mail address (print these). */
  withoutEmail: InvoicePersonRef[];
}

export interface LettersResult {
  /** The combined PDF, or the folder of separate PDFs. */
  path: string;
  letters: number;
  /** Separate mode: the index CSV (member number, name, e-mail, file). */
  indexPath: string | null;
  /** Combined mode: letters left out because there is no postal address. */
  notPrintable: { memberNumber: number; name: string }[];
}

// ---------------------------------------------------------------------------------------------
// Member account and the dues log

export interface DuesAccount {
  memberId: number;
  currency: 'SEK' | 'NOK';
  directDebit: DirectDebitEntity;
  /** Invoices and credit notes that are for the member (as addressee or in a household), newest first. */
  invoices: InvoiceRow[];
  /** Payments on those invoices and on the member, newest first. */
  payments: PaymentEntity[];
  /** What the member owes now (positive) or is owed back (negative). */
  balance: number;
}

/** An entry of the register's dues history. i18n keys under "dues.log.". */
export interface DuesLogEntry {
  at: string;
  kind: 'run' | 'reminder' | 'strikeOff' | 'strikeOffUndone' | 'credit' | 'writeOff';
  year: number;
  /** How many invoices / members it concerned. */
  count: number;
  amount: number;
  /** The run, round, strike-off or invoice it is about. */
  refId: number;
  /** Invoice or credit-note number, round number, ... for the text. */
  label: string | null;
}

export interface DuesYearSummary {
  year: number;
  /** A fee schedule is saved for the year. */
  hasFees: boolean;
  runs: number;
  /** Invoices (credit notes not counted). */
  invoices: number;
  /** Net: invoice totals (reminder fees and carried amounts included) minus credit notes. */
  invoicedTotal: number;
  /** Paid on the year's invoices. */
  paidTotal: number;
  /** Still owed on the year's invoices now. */
  owedTotal: number;
  roundsRun: number;
  roundsTotal: number;
}

// ---------------------------------------------------------------------------------------------

const yearArgs = z.object({ year: yearSchema });
const onNote = { on: isoDateSchema.optional(), note: optionalText(1000) };

export const duesContract = {
  /** The settings, with `missing` (what an invoice run still needs). */
  'dues.settings': handler<DuesSettingsEntity>()(z.object({})),
  /** Saves the whole form. Codes: see duesSettingsInputSchema. */
  'dues.saveSettings': handler<DuesSettingsEntity>()(duesSettingsInputSchema),
  /**
   * Reads the logo from the file the user picked. Field "path" codes: `logo-format` (not PNG or
   * JPEG by its bytes), `logo-too-large` (over LOGO_MAX_BYTES or LOGO_MAX_PIXELS wide/high),
   * `file-not-found`; `io` when unreadable.
   */
  'dues.setLogo': handler<DuesSettingsEntity>()(z.object({ path: z.string().min(1).max(4096) })),
  'dues.removeLogo': handler<DuesSettingsEntity>()(z.object({})),

  /** Years with a schedule or invoices, newest first, with totals. */
  'dues.years': handler<DuesYearSummary[]>()(z.object({})),
  /** The year's fee schedule (one entry per type that has a fee). */
  'dues.fees': handler<DuesFeeEntity[]>()(yearArgs),
  /**
   * Replaces the year's schedule. Field codes (field `fees.<index>.<name>`): `amount-not-positive`
   * (not free and amount ≤ 0; intro amount < 0), `intro-period-reversed`, `type-duplicate`;
   * `type-not-found`. The first save of a year also creates its three default reminder rounds.
   * Changing a schedule affects later runs only.
   */
  'dues.saveFees': handler<DuesFeeEntity[]>()(z.object({ year: yearSchema, fees: z.array(duesFeeInputSchema).max(200) })),

  'dues.directDebit': handler<DirectDebitEntity>()(z.object({ memberId: idSchema })),
  /** Refused: `direct-debit-country` (autogiro outside Sweden, AvtaleGiro outside Norway). */
  'dues.setDirectDebit': handler<DirectDebitEntity>()(
    z.object({ memberId: idSchema, kind: z.enum(DIRECT_DEBIT_KINDS), since: isoDateSchema.nullable().default(null), payerNumber: optionalText(35) }),
  ),
  /** Every member on direct debit. */
  'dues.directDebits': handler<(DirectDebitEntity & InvoicePersonRef)[]>()(z.object({})),

  /** Who would be invoiced and for how much, who not and why; changes nothing. */
  'dues.preview': handler<InvoiceRunPreview>()(runArgs.extend({ limit: z.number().int().min(0).max(100_000).default(1000) })),
  /**
   * Creates the invoices of the preview in one transaction: sequential numbers, a unique
   * reference each, last year's unpaid invoices carried onto the new one (and marked carried).
   * A member already invoiced for the year is never invoiced again. Refused: `validation` with
   * the preview's `blocking` issues as fields; conflict `nothing-to-invoice`.
   */
  'dues.run': handler<InvoiceRunEntity>()(runArgs),
  'dues.runs': handler<InvoiceRunEntity[]>()(z.object({ year: yearSchema.optional() })),

  'dues.invoices': handler<{ total: number; rows: InvoiceRow[] }>()(invoiceListQuerySchema),
  'dues.invoice': handler<InvoiceWithPayments>()(z.object({ id: idSchema })),
  /**
   * Records a manual payment on an invoice or a member. Field codes: `amount-not-positive`,
   * `date-in-future`, `invoice-or-member-required`, `member-not-on-invoice` (both given and the
   * member is not covered by the invoice); `not-found`. Paying a credit note is refused
   * (`invoice-is-credit-note`).
   */
  'dues.recordPayment': handler<PaymentEntity>()(paymentInputSchema),
  /**
   * Removes a payment recorded by mistake. A 'credit' payment (one half of credit moved by the
   * invoice run or a refund) is refused: conflict `payment-is-credit-use` at `id`.
   */
  'dues.removePayment': handler<{ removed: true }>()(z.object({ id: idSchema })),
  /**
   * Pays money back to a member out of their credit (the account's negative balance). Field codes:
   * `amount-not-positive`, `refund-exceeds-credit`, `date-in-future`, `method-not-allowed`.
   */
  'dues.refund': handler<PaymentEntity>()(refundInputSchema),

  /**
   * Credits an invoice in full: a credit note with its own number and negated lines. Invoices it
   * had carried become owed again on their own. Conflict `invoice-not-creditable` (already
   * credited, written off, carried, or a credit note).
   */
  'dues.credit': handler<InvoiceEntity>()(z.object({ invoiceId: idSchema, ...onNote })),
  /** Writes off what is still owed. Conflict `invoice-not-open` (nothing owed). */
  'dues.writeOff': handler<InvoiceEntity>()(z.object({ invoiceId: idSchema, ...onNote })),

  /** The year's reminder rounds in order. */
  'dues.rounds': handler<ReminderRoundEntity[]>()(yearArgs),
  /**
   * Replaces the year's rounds (in date order → numbered 1..n). Rounds already run must be kept
   * as they were (only their text may change): conflict `round-already-run`. Field codes
   * (`rounds.<index>.<name>`): `due-before-reminder`, `amount-not-positive` (fee < 0),
   * `merge-field-unknown`, `merge-field-unclosed`.
   */
  'dues.saveRounds': handler<ReminderRoundEntity[]>()(z.object({ year: yearSchema, rounds: z.array(reminderRoundInputSchema).max(12) })),
  /** The invoices still owed that the round would remind (due before the round's date). */
  'dues.reminderPreview': handler<ReminderPreview>()(z.object({ roundId: idSchema, limit: z.number().int().min(0).max(100_000).default(1000) })),
  /** Records the round for those invoices and adds the fee line. Conflict `round-already-run`, `previous-round-not-run`, `nothing-to-remind`. */
  'dues.runReminder': handler<ReminderRoundEntity>()(z.object({ roundId: idSchema })),

  /** Members still owing after the latest round run. Conflict `no-reminder-round-run`. */
  'dues.strikeOffProposal': handler<StrikeOffProposal>()(yearArgs),
  /** The proposal as a PDF list for the board. Field "path": `path-not-absolute`; `io`. */
  'dues.strikeOffPdf': handler<{ path: string; people: number }>()(
    z.object({ year: yearSchema, path: z.string().min(1).max(4096), language: z.enum(LANGUAGES).optional() }),
  ),
  /**
   * The board approved: the chosen members (all in the proposal) are struck off on `on` with the
   * reason, through the member life cycle, in one step. Field codes (`memberIds`):
   * `member-not-in-proposal`; (`on`) `date-in-future`, `date-before-last-event`.
   */
  'dues.strikeOff': handler<StrikeOffEntity>()(
    z.object({
      year: yearSchema,
      memberIds: z.array(idSchema).min(1).max(100_000),
      on: isoDateSchema,
      reason: z.enum(STRIKE_OFF_REASONS).default('unpaid'),
      note: optionalText(1000),
    }),
  ),
  /** Puts the members back as they were. Conflict `strike-off-already-undone`, `strike-off-changed-since`. */
  'dues.undoStrikeOff': handler<StrikeOffEntity>()(z.object({ id: idSchema })),
  'dues.strikeOffs': handler<StrikeOffEntity[]>()(z.object({ year: yearSchema.optional() })),

  /** What `dues.letters` would make: counts, not printable, without e-mail. */
  'dues.lettersPreview': handler<LettersPreview>()(z.object({ source: letterSourceSchema })),
  /**
   * Renders the letters in a worker: 'combined' = one PDF at `path` (sorted by postcode or name,
   * letters without a postal address left out and listed); 'separate' = one PDF per letter in
   * the folder `path`, plus index.csv. Progress: event 'job.progress' with this `jobId`; cancel
   * with 'jobs.cancel' (then refused with `cancelled`). Refused: `path-not-absolute`,
   * `nothing-to-print`, and the settings' missing issues.
   */
  'dues.letters': handler<LettersResult>()(
    z.object({
      source: letterSourceSchema,
      mode: z.enum(['combined', 'separate']),
      path: z.string().min(1).max(4096),
      sort: z.enum(['postcode', 'name']).default('postcode'),
      jobId: z.string().min(1).max(100),
    }),
  ),

  /** The member page's dues tab: invoices, payments, balance, direct debit. */
  'dues.account': handler<DuesAccount>()(z.object({ memberId: idSchema })),
  /** Runs, reminder rounds, strike-offs, credits and write-offs, newest first. */
  'dues.log': handler<DuesLogEntry[]>()(z.object({ year: yearSchema.optional(), limit: z.number().int().min(1).max(1000).default(200) })),
} as const;
