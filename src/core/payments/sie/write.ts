import iconv from 'iconv-lite';
import type { BookAccount } from '../../../shared/contract/reports';
import { foldText } from '../plain-text';
import type { Entry } from './entries';

/**
 * SIE 4 (the SIE group's "SIE filformat, utgåva 4B"), written as an import file for a
 * bookkeeping program (type 4 without balances — "4I" — which is what a subsystem such as a
 * dues register produces): identification records, the chart of the accounts used, then one
 * #VER per verification with its #TRANS rows in braces.
 *
 * Format rules followed: one record per line (CRLF); fields separated by blanks; text fields
 * in quotes with `\"` for a quote inside; dates YYYYMMDD; amounts with a point and two
 * decimals, debit positive and credit negative; the file in PC8, i.e. IBM code page 437.
 */
export interface SieHead {
  program: string;
  version: string;
  generatedOn: string;
  company: string;
  /** SE organisation number as NNNNNN-NNNN, or null. */
  orgNumber: string | null;
  yearStart: string;
  yearEnd: string;
  currency: 'SEK' | 'NOK';
  /** BAS2014 in Sweden; omitted elsewhere. */
  chart: string | null;
  series: string;
}

const ymd = (iso: string) => iso.replace(/-/g, '');

/** The characters code page 437 has above ASCII (å ä ö Å Ä Ö æ Æ é ü …, but no Ø/ø). */
const PC8_UPPER = new Set(iconv.decode(Buffer.from(Array.from({ length: 128 }, (_, i) => 128 + i)), 'cp437'));

/** Letters CP437 lacks lose their marks (Ø → O, ł → l), dashes and quotes their typography; control characters become blanks. */
function pc8Safe(s: string): string {
  return foldText(s.replace(/Ø/g, 'O').replace(/ø/g, 'o'), (ch) => ch.charCodeAt(0) < 128 || PC8_UPPER.has(ch))
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, ' ');
}

/** A text field: always quoted, quotes and backslashes escaped. */
export function quote(s: string): string {
  return `"${pc8Safe(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export const amountText = (minor: number): string => {
  const sign = minor < 0 ? '-' : '';
  const a = Math.abs(minor);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
};

/** Account type from the account class (BAS and NS 4102 alike): 1 asset, 2 liability, 3 income, 4–8 cost. */
export function accountType(number: string): 'T' | 'S' | 'I' | 'K' {
  const c = number[0];
  return c === '1' ? 'T' : c === '2' ? 'S' : c === '3' ? 'I' : 'K';
}

export function sieText(head: SieHead, entries: Entry[]): string {
  const accounts = new Map<string, BookAccount>();
  for (const e of entries) for (const r of e.rows) if (!accounts.has(r.account.number)) accounts.set(r.account.number, r.account);
  const lines = [
    '#FLAGGA 0',
    `#PROGRAM ${quote(head.program)} ${quote(head.version)}`,
    '#FORMAT PC8',
    `#GEN ${ymd(head.generatedOn)}`,
    '#SIETYP 4',
    `#FNAMN ${quote(head.company)}`,
    ...(head.orgNumber ? [`#ORGNR ${head.orgNumber}`] : []),
    `#RAR 0 ${ymd(head.yearStart)} ${ymd(head.yearEnd)}`,
    ...(head.chart ? [`#KPTYP ${head.chart}`] : []),
    `#VALUTA ${head.currency}`,
  ];
  for (const a of [...accounts.values()].sort((x, y) => x.number.localeCompare(y.number))) {
    lines.push(`#KONTO ${a.number} ${quote(a.name)}`, `#KTYP ${a.number} ${accountType(a.number)}`);
  }
  entries.forEach((e, i) => {
    lines.push(`#VER ${quote(head.series)} ${i + 1} ${ymd(e.date)} ${quote(e.text)} ${ymd(head.generatedOn)}`, '{');
    for (const r of e.rows) lines.push(`   #TRANS ${r.account.number} {} ${amountText(r.amount)}`);
    lines.push('}');
  });
  return lines.join('\r\n') + '\r\n';
}

export const encodePc8 = (text: string): Buffer => iconv.encode(text, 'cp437');
