import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import iconv from 'iconv-lite';
import type { PayeeSettings } from './types';

/** Sample bank files from shared/reference/samples (beside the repository, as vectors.json). */
export function sample(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(process.cwd(), '../shared/reference/samples', name)));
}

export const BGMAX_SAMPLE = 'bgmax_example_2004_rickardlindgren.txt';
export const NETS_SAMPLE = 'nets_ocr_giro_transactions_python-netsgiro.txt';
export const AVTALEGIRO_CLAIMS_SAMPLE = 'nets_avtalegiro_payment_request_python-netsgiro.txt';

/** The payee of Bankgirot's example file (bankgiro 991-2346) and of Nets' (account 9999.10.42764). */
export const SE_PAYEE: PayeeSettings = { country: 'SE', currency: 'SEK', bankgiro: '9912346', bankAccount: null, iban: null, today: '2026-03-01' };
export const NO_PAYEE: PayeeSettings = { country: 'NO', currency: 'NOK', bankgiro: null, bankAccount: '99991042764', iban: null, today: '2026-03-01' };

/** Records as a bank writes them: CRLF, ISO-8859-1. */
export const latin1File = (records: string[]): Uint8Array => new Uint8Array(iconv.encode(records.join('\r\n') + '\r\n', 'latin1'));

/** The lines of a text sample, to alter one and write it back. */
export const linesOf = (bytes: Uint8Array): string[] => Buffer.from(bytes).toString('utf8').split(/\r?\n/).filter((l, i, a) => l !== '' || i < a.length - 1);
