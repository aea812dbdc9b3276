import type { Language } from '../../../shared/contract';
import type { InvoiceStatus, PaymentMethod } from '../../../shared/contract/dues';

/** Headings and column names the core writes into report files (the UI has its own i18n). */
export interface ReportTexts {
  receivables: (year: number) => string;
  payments: (from: string, to: string) => string;
  credits: string;
  receivableColumns: string[];
  paymentColumns: string[];
  creditColumns: string[];
  status: Record<InvoiceStatus, string>;
  method: Record<PaymentMethod, string>;
  directDebit: Record<'autogiro' | 'avtalegiro', string>;
  total: string;
  summary: (parts: { invoiced: string; paid: string; outstanding: string }) => string;
}

export const REPORT_TEXTS: Record<Language, ReportTexts> = {
  sv: {
    receivables: (y) => `Kundreskontra medlemsavgifter ${y}`,
    payments: (f, t) => `Inbetalningar ${f} – ${t}`,
    credits: 'Medlemmar med tillgodohavande',
    receivableColumns: ['Faktura', 'Medlemsnr', 'Namn', 'Fakturadatum', 'Förfallodag', 'Belopp', 'Betalt', 'Kvar att betala', 'Status', 'Autogiro', 'Påminnelser'],
    paymentColumns: ['Datum', 'Betalsätt', 'Antal', 'Belopp'],
    creditColumns: ['Medlemsnr', 'Namn', 'Tillgodo', 'Överbetalt', 'Betalt på krediterad faktura', 'Betalt utan faktura', 'Skuld på andra fakturor'],
    status: { open: 'Obetald', partlyPaid: 'Delbetald', paid: 'Betald', overPaid: 'Överbetald', credited: 'Krediterad', writtenOff: 'Avskriven', carried: 'Flyttad till nästa år', creditNote: 'Kreditnota' },
    method: { bankgiro: 'Bankgiro', plusgiro: 'Plusgiro', swish: 'Swish', vipps: 'Vipps', bank: 'Banköverföring', cash: 'Kontant', autogiro: 'Autogiro', avtalegiro: 'AvtaleGiro', other: 'Annat', credit: 'Tillgodohavande' },
    directDebit: { autogiro: 'Autogiro', avtalegiro: 'AvtaleGiro' },
    total: 'Summa',
    summary: (p) => `Fakturerat ${p.invoiced} · Betalt ${p.paid} · Kvar att betala ${p.outstanding}`,
  },
  nb: {
    receivables: (y) => `Kundereskontro kontingent ${y}`,
    payments: (f, t) => `Innbetalinger ${f} – ${t}`,
    credits: 'Medlemmer med tilgodehavende',
    receivableColumns: ['Faktura', 'Medlemsnr', 'Navn', 'Fakturadato', 'Forfallsdato', 'Beløp', 'Betalt', 'Utestående', 'Status', 'AvtaleGiro', 'Purringer'],
    paymentColumns: ['Dato', 'Betalingsmåte', 'Antall', 'Beløp'],
    creditColumns: ['Medlemsnr', 'Navn', 'Tilgode', 'Overbetalt', 'Betalt på kreditert faktura', 'Betalt uten faktura', 'Skyldig på andre fakturaer'],
    status: { open: 'Ubetalt', partlyPaid: 'Delvis betalt', paid: 'Betalt', overPaid: 'Overbetalt', credited: 'Kreditert', writtenOff: 'Avskrevet', carried: 'Flyttet til neste år', creditNote: 'Kreditnota' },
    method: { bankgiro: 'Bankgiro', plusgiro: 'Plusgiro', swish: 'Swish', vipps: 'Vipps', bank: 'Bankoverføring', cash: 'Kontant', autogiro: 'Autogiro', avtalegiro: 'AvtaleGiro', other: 'Annet', credit: 'Tilgodehavende' },
    directDebit: { autogiro: 'Autogiro', avtalegiro: 'AvtaleGiro' },
    total: 'Sum',
    summary: (p) => `Fakturert ${p.invoiced} · Betalt ${p.paid} · Utestående ${p.outstanding}`,
  },
  en: {
    receivables: (y) => `Dues receivables ${y}`,
    payments: (f, t) => `Payments ${f} – ${t}`,
    credits: 'Members with credit',
    receivableColumns: ['Invoice', 'Member no.', 'Name', 'Invoice date', 'Due date', 'Amount', 'Paid', 'Outstanding', 'Status', 'Direct debit', 'Reminders'],
    paymentColumns: ['Date', 'Method', 'Count', 'Amount'],
    creditColumns: ['Member no.', 'Name', 'Credit', 'Over-paid', 'Paid on credited invoice', 'Paid without invoice', 'Owed on other invoices'],
    status: { open: 'Unpaid', partlyPaid: 'Partly paid', paid: 'Paid', overPaid: 'Overpaid', credited: 'Credited', writtenOff: 'Written off', carried: 'Moved to next year', creditNote: 'Credit note' },
    method: { bankgiro: 'Bankgiro', plusgiro: 'Plusgiro', swish: 'Swish', vipps: 'Vipps', bank: 'Bank transfer', cash: 'Cash', autogiro: 'Autogiro', avtalegiro: 'AvtaleGiro', other: 'Other', credit: 'Credit' },
    directDebit: { autogiro: 'Autogiro', avtalegiro: 'AvtaleGiro' },
    total: 'Total',
    summary: (p) => `Invoiced ${p.invoiced} · Paid ${p.paid} · Outstanding ${p.outstanding}`,
  },
};
