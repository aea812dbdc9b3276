import iconv from 'iconv-lite';
import { KansliError } from '../../../shared/result';
import { foldText } from '../plain-text';

/**
 * Fixed-width bank files (Bankgirot's Autogiro, Nets' OCR/AvtaleGiro): 80-character records,
 * ISO-8859-1, CRLF. Reading is strict about what would make a booking wrong (encoding, record
 * lengths, fields) and says on which line; writing pads every record to its full width.
 */

export interface FileLine {
  /** 1-based line number in the file. */
  no: number;
  text: string;
}

export const RECORD_LENGTH = 80;

/** A refused file: `validation` at the field "file" with the line, so the UI can say where. */
export function fileError(code: string, line: number, extra: Record<string, string> = {}): KansliError {
  return new KansliError('validation', `${code} at line ${line}`, { fields: [{ field: 'file', code }], line: String(line), ...extra });
}

// A UTF-8 multi-byte sequence read as Latin-1 ("Ã¥" for "å"), a UTF-8 byte-order mark included.
const UTF8_SEQUENCE = /[\xC2-\xDF][\x80-\xBF]|[\xE0-\xEF][\x80-\xBF]{2}|[\xF0-\xF4][\x80-\xBF]{3}/;
// Control characters have no place in these records (tab excepted: some banks pad with it).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/;

/**
 * The file's records. `exact`: every record must be exactly 80 characters (Nets); otherwise
 * shorter records are accepted and blank-padded (Bankgirot's files and examples trim trailing
 * blanks). Blank lines at the end are ignored; a blank line inside is a record of the wrong length.
 */
export function readLines(bytes: Uint8Array, options: { exact: boolean }): FileLine[] {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) throw fileError('file-encoding', 1);
  let text = iconv.decode(Buffer.from(bytes), 'latin1');
  // A trailing Ctrl-Z (the DOS end-of-file mark some bank programs still write) is not a record.
  if (text.endsWith('\x1a')) text = text.slice(0, -1);
  const raw = text.split(/\r?\n/);
  while (raw.length && raw[raw.length - 1].trim() === '') raw.pop();
  if (!raw.length) throw fileError('file-empty', 1);
  return raw.map((line, i) => {
    const no = i + 1;
    const t = line.replace(/\r$/, '');
    if (UTF8_SEQUENCE.test(t) || CONTROL.test(t)) throw fileError('file-encoding', no);
    if (t.length > RECORD_LENGTH || (options.exact && t.length !== RECORD_LENGTH) || t.trim() === '') throw fileError('file-record-length', no);
    return { no, text: t.padEnd(RECORD_LENGTH, ' ') };
  });
}

/** Positions are 1-based and inclusive, as the manuals print them. */
export function field(l: FileLine, from: number, to: number): string {
  return l.text.slice(from - 1, to);
}

/** A numeric field; anything else stops the import at this line. */
export function numberField(l: FileLine, from: number, to: number): number {
  const s = field(l, from, to);
  if (!/^\d+$/.test(s)) throw fileError('file-field', l.no);
  return Number(s);
}

/** A YYYYMMDD field as an ISO date, checked to be a real day. */
export function dateField(l: FileLine, from: number, to: number, form: 'YYYYMMDD' | 'DDMMYY' = 'YYYYMMDD'): string {
  const s = field(l, from, to);
  if (!/^\d+$/.test(s)) throw fileError('file-field', l.no);
  const iso = form === 'YYYYMMDD' ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}` : `20${s.slice(4, 6)}-${s.slice(2, 4)}-${s.slice(0, 2)}`;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) throw fileError('file-field', l.no);
  return iso;
}

/** One record, blank-padded to 80; a longer one is a bug in the writer, never written. */
export function record(text: string): string {
  if (text.length > RECORD_LENGTH) throw new Error(`Record longer than ${RECORD_LENGTH}: ${text}`);
  return text.padEnd(RECORD_LENGTH, ' ');
}

export const zeros = (value: number | string, width: number): string => {
  const s = String(value);
  if (s.length > width) throw new RangeError(`${s} does not fit ${width} digits`);
  return s.padStart(width, '0');
};

/**
 * Text for a record in ISO-8859-1: dashes and quotes become their plain forms, letters outside
 * Latin-1 lose their marks (ř → r), and anything still outside becomes "?", so the bank's
 * parser never meets a byte it does not expect.
 */
export function latin1Text(s: string, width: number): string {
  const folded = foldText(s, (ch) => ch.charCodeAt(0) <= 0xff && ch !== '\u00a0').replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
  return folded.slice(0, width).padEnd(width, ' ');
}

/** The whole file: records joined by CRLF (with a final CRLF), encoded ISO-8859-1. */
export function encodeFile(records: string[]): Buffer {
  return iconv.encode(records.join('\r\n') + '\r\n', 'latin1');
}
