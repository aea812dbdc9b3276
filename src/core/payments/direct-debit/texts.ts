import type { Language } from '../../../shared/contract';
import type { MandateStatus } from '../../../shared/contract/direct-debit';

/** Text the core writes into member history, in the register's language (like the dues' payment entries). */
export interface DirectDebitTexts {
  mandate: Record<MandateStatus | 'cancelRequested', string>;
  refundNote: (code: string) => string;
  /** First line of an AvtaleGiro claim's specification in the payer's bank. */
  claimHeading: (invoiceNumber: string) => string;
}

export const DIRECT_DEBIT_TEXTS: Record<Language, DirectDebitTexts> = {
  sv: {
    mandate: {
      requested: 'Autogiromedgivande begärt',
      active: 'Autogiromedgivande aktivt',
      cancelled: 'Autogiromedgivande makulerat',
      rejected: 'Autogiromedgivande avvisat',
      cancelRequested: 'Makulering av autogiromedgivande begärd',
    },
    refundNote: (code) => `Återbetald av betalarens bank (kod ${code})`,
    claimHeading: (n) => `Faktura ${n}`,
  },
  nb: {
    mandate: {
      requested: 'Autogiro-fullmakt bedt om',
      active: 'Autogiro-fullmakt aktiv',
      cancelled: 'Autogiro-fullmakt slettet',
      rejected: 'Autogiro-fullmakt avvist',
      cancelRequested: 'Sletting av autogiro-fullmakt bedt om',
    },
    refundNote: (code) => `Tilbakebetalt av betalers bank (kode ${code})`,
    claimHeading: (n) => `Faktura ${n}`,
  },
  en: {
    mandate: {
      requested: 'Autogiro mandate requested',
      active: 'Autogiro mandate active',
      cancelled: 'Autogiro mandate cancelled',
      rejected: 'Autogiro mandate rejected',
      cancelRequested: 'Autogiro mandate cancellation requested',
    },
    refundNote: (code) => `Refunded by the payer's bank (code ${code})`,
    claimHeading: (n) => `Invoice ${n}`,
  },
};
