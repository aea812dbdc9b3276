import { parseNetsOcr } from '../bank-files/nets-ocr';
import { payeeOf } from '../imports/payee';
import type { OcrParser } from './avtalegiro-import';

/**
 * The AvtaleGiro answer is read with the bank-file import's Nets OCR parser (which checks the
 * file's record counts and sums and that it is for the register's account), never a second one.
 */
export const netsOcrTransactions: OcrParser = (ctx, bytes) => parseNetsOcr(bytes, payeeOf(ctx)).transactions;
