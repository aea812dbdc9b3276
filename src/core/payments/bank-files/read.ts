import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute } from 'node:path';
import type { BankFileFormat, CsvMapping } from '../../../shared/contract/payments';
import { csvMappingSchema } from '../../../shared/contract/payments';
import { KansliError } from '../../../shared/result';
import { detectHeaderRow, readTable } from '../../imports/parse';
import { invalid } from '../../members/errors';
import { parseBgMax } from './bgmax';
import { parseCamt053 } from './camt053';
import { parseCamt054 } from './camt054';
import { parseCsvReport } from './csv-report';
import { parseNetsOcr } from './nets-ocr';
import type { ParsedBankFile, PayeeSettings } from './types';

/** Bank files are small (a year of BgMax files for a large association: a few MB); larger is not one. */
const MAX_BYTES = 30 * 1024 * 1024;

export interface BankFileBytes {
  path: string;
  name: string;
  bytes: Uint8Array;
  hash: string;
}

export async function readBankFile(path: string): Promise<BankFileBytes> {
  if (!isAbsolute(path)) throw invalid('path', 'path-not-absolute');
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw invalid('path', 'file-not-found');
    size = s.size;
  } catch (e) {
    if (e instanceof KansliError) throw e;
    throw invalid('path', 'file-not-found');
  }
  // Refused before reading: a huge file picked by mistake never enters memory.
  if (size > MAX_BYTES) throw invalid('path', 'file-too-large');
  try {
    const bytes = new Uint8Array(await readFile(path));
    return { path, name: basename(path), bytes, hash: createHash('sha256').update(bytes).digest('hex') };
  } catch (e) {
    throw new KansliError('io', (e as Error).message);
  }
}

/**
 * How far into an XML file the message element is looked for: it comes right after the XML
 * declaration and Document's start tag (namespace and schema-location attributes), normally in
 * the first kilobyte; the rest leaves room for a long comment or generator banner before it.
 */
const XML_HEAD = 64 * 1024;

/**
 * A camt.053 statement by its message element (BkToCstmrStmt, with any namespace prefix); any
 * other XML goes to the camt.054 reader, which takes notifications and refuses the rest as
 * `file-layout` at its line. NULs are dropped so a UTF-16 file is still named and then refused for its encoding.
 */
function xmlMessageOf(bytes: Uint8Array): BankFileFormat {
  const head = Buffer.from(bytes.subarray(0, XML_HEAD)).toString('latin1').replace(/\0/g, '');
  return /<(?:[\w.-]+:)?BkToCstmrStmt[\s>]/.test(head) ? 'camt053' : 'camt054';
}

/** The format by the content, never the name: the first record or element says what a file is. */
export function detectFormat(bytes: Uint8Array): BankFileFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'csv'; // an Excel report
  let head = Buffer.from(bytes.subarray(0, 64)).toString('latin1');
  head = head.replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '').replace(/\0/g, '').trimStart();
  if (head.startsWith('<')) return xmlMessageOf(bytes);
  if (head.startsWith('01BGMAX')) return 'bgmax';
  if (head.startsWith('NY00')) return 'nets-ocr';
  return 'csv';
}

/** Reads a CSV/Excel report as a table, as the member import does. */
export async function readCsvTable(path: string, mapping: Pick<CsvMapping, 'encoding' | 'delimiter' | 'headerRow'> = {}) {
  const table = await readTable(path, { encoding: mapping.encoding, delimiter: mapping.delimiter });
  const headerRow = mapping.headerRow ?? detectHeaderRow(table.rows);
  return { table, headerRow };
}

/** Parses and checks the file (any refusal names its line); the CSV through its mapping. */
export async function parseBankFile(file: BankFileBytes, payee: PayeeSettings, csv: CsvMapping | undefined): Promise<ParsedBankFile> {
  const format = detectFormat(file.bytes);
  if (format === 'bgmax') return parseBgMax(file.bytes, payee);
  if (format === 'nets-ocr') return parseNetsOcr(file.bytes, payee);
  if (format === 'camt054') return parseCamt054(file.bytes, payee);
  if (format === 'camt053') return parseCamt053(file.bytes, payee);
  if (!csv) throw new KansliError('validation', 'a CSV report needs its column mapping', { fields: [{ field: 'csv', code: 'csv-mapping-required' }] });
  const m = csvMappingSchema.parse(csv);
  const { table, headerRow } = await readCsvTable(file.path, m);
  return parseCsvReport(table.rows, headerRow, m.columns, m.method, payee);
}
