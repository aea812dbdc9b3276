import type { Language } from '../../../shared/contract';
import type { LetterKind, ReferenceKind } from './types';

/**
 * Every word printed on a dues letter, in the register's language. The UI's i18n lives in the
 * renderer; these are the core's own printed texts (like exports/texts.ts).
 */
export interface LetterTexts {
  title: Record<LetterKind, string>;
  /** "Påminnelse 2" — the title of a reminder with its round. */
  reminderTitle: (round: number) => string;
  invoiceNumber: string;
  date: string;
  dueDate: string;
  memberNumber: string;
  credits: string;
  description: string;
  amount: string;
  total: string;
  paid: string;
  owed: string;
  creditTotal: string;
  /**
   * A reminder's first line (set bold, above the round's own text): the facts, so the round's text
   * only greets and asks. `owed` and `dueOn` come formatted; `partlyPaid` when something was paid.
   */
  reminderIntro: (f: { invoiceNumber: string; owed: string; dueOn: string; partlyPaid: boolean }) => string;
  creditIntro: (invoiceNumber: string) => string;
  creditNote: string;
  payment: string;
  payTo: string;
  bankgiro: string;
  plusgiro: string;
  account: string;
  iban: string;
  bic: string;
  reference: Record<ReferenceKind, string>;
  referenceHint: Record<ReferenceKind, string>;
  toPay: string;
  payBy: string;
  swishCaption: (number: string) => string;
  orgNumber: string;
  continued: string;
  page: (n: number, of: number) => string;
}

export const LETTER_TEXTS: Record<Language, LetterTexts> = {
  sv: {
    title: { invoice: 'Faktura', reminder: 'Påminnelse', creditNote: 'Kreditfaktura' },
    reminderTitle: (round) => `Påminnelse ${round}`,
    invoiceNumber: 'Fakturanummer',
    date: 'Datum',
    dueDate: 'Förfallodag',
    memberNumber: 'Medlemsnummer',
    credits: 'Krediterar faktura',
    description: 'Beskrivning',
    amount: 'Belopp',
    total: 'Summa',
    paid: 'Betalt hittills',
    owed: 'Kvar att betala',
    creditTotal: 'Summa kredit',
    reminderIntro: (f) =>
      `Faktura ${f.invoiceNumber} är ${f.partlyPaid ? 'delvis betald' : 'inte registrerad som betald'}. Kvar att betala: ${f.owed}, ny förfallodag ${f.dueOn}.`,
    creditIntro: (n) => `Denna kreditfaktura krediterar faktura ${n}.`,
    creditNote: 'Du behöver inte betala något. Har du redan betalat, återbetalar vi beloppet eller räknar av det mot nästa avgift.',
    payment: 'Så betalar du',
    payTo: 'Betala till',
    bankgiro: 'Bankgiro',
    plusgiro: 'Plusgiro',
    account: 'Kontonummer',
    iban: 'IBAN',
    bic: 'BIC',
    reference: { ocr: 'OCR-nummer', kid: 'KID', rf: 'Referens' },
    referenceHint: {
      ocr: 'Ange OCR-numret när du betalar, så hamnar betalningen rätt.',
      kid: 'Ange KID-numret när du betalar, så hamnar betalningen rätt.',
      rf: 'Ange referensen när du betalar, så hamnar betalningen rätt.',
    },
    toPay: 'Att betala',
    payBy: 'Betala senast',
    swishCaption: (n) => `Swisha till ${n}: skanna koden i Swish-appen, belopp och meddelande är ifyllda.`,
    orgNumber: 'Org.nr',
    continued: 'forts.',
    page: (n, of) => `Sida ${n} av ${of}`,
  },
  nb: {
    title: { invoice: 'Faktura', reminder: 'Purring', creditNote: 'Kreditnota' },
    reminderTitle: (round) => `Purring ${round}`,
    invoiceNumber: 'Fakturanummer',
    date: 'Dato',
    dueDate: 'Forfallsdato',
    memberNumber: 'Medlemsnummer',
    credits: 'Krediterer faktura',
    description: 'Beskrivelse',
    amount: 'Beløp',
    total: 'Sum',
    paid: 'Betalt hittil',
    owed: 'Gjenstår å betale',
    creditTotal: 'Sum kreditert',
    reminderIntro: (f) =>
      `Faktura ${f.invoiceNumber} er ${f.partlyPaid ? 'delvis betalt' : 'ikke registrert som betalt'}. Gjenstår å betale: ${f.owed}, ny forfallsdato ${f.dueOn}.`,
    creditIntro: (n) => `Denne kreditnotaen krediterer faktura ${n}.`,
    creditNote: 'Du trenger ikke å betale noe. Har du allerede betalt, betaler vi beløpet tilbake eller trekker det fra neste kontingent.',
    payment: 'Slik betaler du',
    payTo: 'Betal til',
    bankgiro: 'Bankgiro',
    plusgiro: 'Plusgiro',
    account: 'Kontonummer',
    iban: 'IBAN',
    bic: 'BIC',
    reference: { ocr: 'OCR-nummer', kid: 'KID', rf: 'Referanse' },
    referenceHint: {
      ocr: 'Oppgi OCR-nummeret når du betaler, så havner betalingen riktig.',
      kid: 'Oppgi KID-nummeret når du betaler, så havner betalingen riktig.',
      rf: 'Oppgi referansen når du betaler, så havner betalingen riktig.',
    },
    toPay: 'Å betale',
    payBy: 'Betal innen',
    swishCaption: (n) => `Swish til ${n}: skann koden i Swish-appen, beløp og melding er fylt ut.`,
    orgNumber: 'Org.nr.',
    continued: 'forts.',
    page: (n, of) => `Side ${n} av ${of}`,
  },
  en: {
    title: { invoice: 'Invoice', reminder: 'Reminder', creditNote: 'Credit note' },
    reminderTitle: (round) => `Reminder ${round}`,
    invoiceNumber: 'Invoice number',
    date: 'Date',
    dueDate: 'Due date',
    memberNumber: 'Member number',
    credits: 'Credits invoice',
    description: 'Description',
    amount: 'Amount',
    total: 'Total',
    paid: 'Paid so far',
    owed: 'Still to pay',
    creditTotal: 'Total credited',
    reminderIntro: (f) =>
      `Invoice ${f.invoiceNumber} ${f.partlyPaid ? 'is partly paid' : 'has not been recorded as paid'}. Still to pay: ${f.owed}, new due date ${f.dueOn}.`,
    creditIntro: (n) => `This credit note credits invoice ${n}.`,
    creditNote: 'You do not need to pay anything. If you have already paid, we will refund the amount or deduct it from your next fee.',
    payment: 'How to pay',
    payTo: 'Pay to',
    bankgiro: 'Bankgiro',
    plusgiro: 'Plusgiro',
    account: 'Account number',
    iban: 'IBAN',
    bic: 'BIC',
    reference: { ocr: 'OCR reference', kid: 'KID', rf: 'Reference' },
    referenceHint: {
      ocr: 'Please give the OCR reference when you pay, so the payment is matched to you.',
      kid: 'Please give the KID number when you pay, so the payment is matched to you.',
      rf: 'Please give the reference when you pay, so the payment is matched to you.',
    },
    toPay: 'Amount to pay',
    payBy: 'Pay by',
    swishCaption: (n) => `Swish to ${n}: scan the code in the Swish app; amount and message are filled in.`,
    orgNumber: 'Org. no.',
    continued: 'cont.',
    page: (n, of) => `Page ${n} of ${of}`,
  },
};

/** The columns of index.csv beside the separate PDFs (for a mail-merge tool). */
export const LETTER_INDEX_HEADER: Record<Language, string[]> = {
  sv: ['Medlemsnummer', 'Namn', 'E-post', 'Fil'],
  nb: ['Medlemsnummer', 'Navn', 'E-post', 'Fil'],
  en: ['Member number', 'Name', 'Email', 'File'],
};
