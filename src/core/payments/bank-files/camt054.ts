import { parseCamtMessage } from './camt-report';
import type { ParsedBankFile, PayeeSettings } from './types';

/**
 * ISO 20022 camt.054 (bank-to-customer debit/credit notification), the versions banks send
 * (001.02 to 001.08 share these paths; nordic-formats.md §6): Document/BkToCstmrDbtCdtNtfctn/
 * Ntfctn/Ntry. Booked credit entries become payments, one per transaction detail; structured
 * creditor references (RmtInf/Strd/CdtrRefInf/Ref: RF, OCR, KID) are the references,
 * unstructured text the message. Checked: the summary's counts and sums when given, that the
 * details of a batched entry add up to it, and the account against the register's. The entries
 * are read as in a camt.053 statement (camt-entries.ts).
 */
export function parseCamt054(bytes: Uint8Array, payee: PayeeSettings): ParsedBankFile {
  return parseCamtMessage(bytes, payee, { format: 'camt054', message: 'BkToCstmrDbtCdtNtfctn', report: 'Ntfctn' });
}
