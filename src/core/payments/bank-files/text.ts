import { decode, detectEncoding, looksBinary } from '../../imports/decode';
import { fileError } from './errors';

/**
 * The text of a bank file. Bankgirot and Nets write ISO-8859-1 (read as Windows-1252 through
 * iconv-lite, which agrees on every printable Latin-1 byte; Node 20's TextDecoder does not for
 * 0x80–0x9F). A file that is valid UTF-8 is read as UTF-8: Bankgirot's own example file is
 * passed around re-encoded that way, and a Latin-1 file of Nordic names is practically never
 * valid UTF-8 by chance. UTF-16 and binary files are refused as the wrong encoding (line 1).
 */
export function bankFileText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw fileError('file-empty', 1);
  const encoding = detectEncoding(bytes);
  if (encoding === 'utf-16le' || encoding === 'utf-16be' || looksBinary(bytes, encoding)) throw fileError('file-encoding', firstBadLine(bytes));
  return decode(bytes, encoding);
}

/** The line of the first NUL or stray control byte, for the message. */
function firstBadLine(bytes: Uint8Array): number {
  let line = 1;
  for (const b of bytes) {
    if (b === 0x0a) line++;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0c) return line;
  }
  return 1;
}

export interface FileLine {
  /** 1-based line number in the file. */
  no: number;
  text: string;
}

// Control characters have no place in a record (tab excepted: it is expanded below).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0B-\x1F\x7F-\x9F]/;

/** Tabs to blanks at 8-column stops: Bankgirot's example file has tabs where blanks belong, and this puts its columns back. */
function expandTabs(s: string): string {
  if (!s.includes('\t')) return s;
  let out = '';
  for (const ch of s) out += ch === '\t' ? ' '.repeat(8 - (out.length % 8)) : ch;
  return out;
}

/**
 * Fixed-width records of `width` characters. `exact`: every record must have exactly that
 * length (Nets); otherwise shorter records are blank-padded (Bankgirot's files and examples
 * trim trailing blanks) and only longer ones refused. Blank lines at the end are ignored; a
 * blank line inside is a record of the wrong length. A trailing Ctrl-Z (DOS end of file) is dropped.
 */
export function fixedLines(text: string, width: number, exact: boolean): FileLine[] {
  // eslint-disable-next-line no-control-regex
  const raw = text.replace(/\x1a+\s*$/, '').split(/\r\n|\n|\r/);
  while (raw.length && raw[raw.length - 1].trim() === '') raw.pop();
  if (!raw.length) throw fileError('file-empty', 1);
  return raw.map((line, i) => {
    const no = i + 1;
    if (CONTROL.test(line)) throw fileError('file-encoding', no);
    const t = expandTabs(line);
    if (t.trim() === '' || t.length > width || (exact && t.length !== width)) throw fileError('file-record-length', no, { length: String(t.length), expected: String(width) });
    return { no, text: t.padEnd(width, ' ') };
  });
}

/** Columns are 1-based and inclusive, as the manuals print them. */
export function field(l: FileLine, from: number, to: number): string {
  return l.text.slice(from - 1, to);
}

/** A field of digits only; anything else stops the import at this line. */
export function digits(l: FileLine, from: number, to: number): string {
  const s = field(l, from, to);
  if (!/^\d+$/.test(s)) throw fileError('file-field', l.no, { columns: `${from}–${to}` });
  return s;
}

export function numberField(l: FileLine, from: number, to: number): number {
  const n = Number(digits(l, from, to));
  if (!Number.isSafeInteger(n)) throw fileError('file-field', l.no, { columns: `${from}–${to}` });
  return n;
}

function realDay(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/** YYYYMMDD as an ISO date, checked to be a real day. */
export function dateField(l: FileLine, from: number, to: number): string {
  const s = digits(l, from, to);
  const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
  if (!realDay(iso)) throw fileError('file-field', l.no, { columns: `${from}–${to}` });
  return iso;
}

/**
 * DDMMYY as an ISO date. The century is the one that puts the year no more than ten years
 * ahead of today (Nets' own example file is from 1992).
 */
export function ddmmyyField(l: FileLine, from: number, to: number, today: string): string {
  const s = digits(l, from, to);
  const yy = Number(s.slice(4, 6));
  const thisYear = Number(today.slice(0, 4));
  let year = Math.floor(thisYear / 100) * 100 + yy;
  if (year > thisYear + 10) year -= 100;
  const iso = `${year}-${s.slice(2, 4)}-${s.slice(0, 2)}`;
  if (!realDay(iso)) throw fileError('file-field', l.no, { columns: `${from}–${to}` });
  return iso;
}
