import type { Language, RegisterCountry } from '../../../shared/contract';

/**
 * What a dues letter (invoice, reminder, credit note) is made from: plain data, already merged
 * and computed by the dues domain, so the documents layer only lays it out and can run in a
 * worker thread (everything here survives structured clone).
 *
 * Money is always in minor units (öre / øre) as integers: 25000 = 250,00 kr.
 */

export type LetterKind = 'invoice' | 'reminder' | 'creditNote';
export type ReferenceKind = 'ocr' | 'kid' | 'rf';

/** The association as the letters' sender and payee (from the dues settings). */
export interface LetterIssuer {
  name: string;
  /** Postal address lines of the association (street, "postcode city"), may be empty. */
  addressLines: string[];
  orgNumber: string | null;
  /** A contact line such as "kassor@exempel.se, 070-123 45 67". */
  contact: string | null;
  /** PNG or JPEG bytes, already size-checked; drawn top left, at most 40 × 20 mm. */
  logo: { mime: 'image/png' | 'image/jpeg'; bytes: Uint8Array } | null;
  country: RegisterCountry;
  currency: 'SEK' | 'NOK';
  /** Payment details as they are printed (already validated). */
  bankgiro: string | null;
  plusgiro: string | null;
  swishNumber: string | null;
  /** Norwegian bank account, 11 digits, printed as 1234.56.78903. */
  bankAccount: string | null;
  iban: string | null;
  bic: string | null;
}

export interface LetterLine {
  /** "Medlemsavgift 2026 – Ordinarie", "Obetald avgift 2025", "Påminnelseavgift". */
  description: string;
  amount: number;
}

export interface LetterData {
  kind: LetterKind;
  /** The language the letter is written in (the register's language). */
  language: Language;
  /** The file name stem for the per-member PDF (already sanitised), e.g. "1042-Andersson-Asa". */
  fileStem: string;
  invoiceNumber: string;
  /** ISO dates. For a reminder: issuedOn = the reminder's date, dueOn = its new due date. */
  issuedOn: string;
  dueOn: string;
  memberNumber: number;
  recipient: {
    name: string;
    /** Lines below the name for the envelope window; null = no postal address (not printable). */
    addressLines: string[] | null;
    email: string | null;
  };
  /** Credit notes: amounts may be given positive or negative; they are printed negative. */
  lines: LetterLine[];
  total: number;
  /** Reminders: what has been paid already and what is still owed (owed = total − paid). */
  paid: number;
  owed: number;
  reference: string;
  referenceKind: ReferenceKind;
  /** Reminder round 1..n; null otherwise. */
  reminderRound: number | null;
  /** Credit note: the invoice it credits. */
  creditsInvoiceNumber: string | null;
  /** The board's personal letter, merge fields already filled in; may be empty. */
  personalText: string;
  /** Swish C-format payload (src/shared/nordic/swish.ts) for the QR code; null = no QR. */
  swishPayload: string | null;
  /** Optional: the name to sort by when sorting by name, e.g. "Öberg, Åsa"; recipient.name when absent. */
  sortName?: string;
}

export type LetterSort = 'postcode' | 'name';

/** What the letters job is asked to do. */
export interface LettersJob {
  issuer: LetterIssuer;
  letters: LetterData[];
  /** 'combined': one PDF for printing at `path`; 'separate': one PDF per member in the folder `path` plus index.csv. */
  mode: 'combined' | 'separate';
  path: string;
  sort: LetterSort;
}

export interface LettersJobResult {
  /** The combined PDF, or the folder of separate PDFs. */
  path: string;
  letters: number;
  /** Separate mode: the index CSV (member number, name, e-mail, file). */
  indexPath: string | null;
  /** Combined mode: letters left out because there is no postal address (they still get a separate PDF). */
  notPrintable: { memberNumber: number; name: string }[];
}
