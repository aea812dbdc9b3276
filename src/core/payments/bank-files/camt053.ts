import { parseCamtMessage } from './camt-report';
import type { ParsedBankFile, PayeeSettings } from './types';

/**
 * ISO 20022 camt.053 (bank-to-customer statement), what many Swedish and Norwegian banks give
 * for the association's account: Document/BkToCstmrStmt/Stmt/Ntry, versions 001.02 to 001.08
 * (the namespace differs; the paths are those of camt.054, nordic-formats.md §6). A statement
 * lists every entry of the account — the association's own payments and fees (DBIT), reversals
 * (RvslInd), entries not yet booked — of which only booked credits are payments to match; the
 * rest is left out and counted by why. Checked as a camt.054: the statement's account against
 * the register's, TxsSummry's counts and sums, batched entries against their details.
 */
export function parseCamt053(bytes: Uint8Array, payee: PayeeSettings): ParsedBankFile {
  return parseCamtMessage(bytes, payee, { format: 'camt053', message: 'BkToCstmrStmt', report: 'Stmt' });
}
