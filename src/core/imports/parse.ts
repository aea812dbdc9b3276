import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { IMPORT_LIMITS, type ImportDelimiter, type ImportEncoding } from '../../shared/contract/imports';
import { KansliError } from '../../shared/result';
import { decode, detectEncoding, looksBinary } from './decode';

export interface Table {
  fileName: string;
  format: 'csv' | 'xlsx';
  size: number;
  encoding: ImportEncoding | null;
  delimiter: ImportDelimiter | null;
  /** Every row of the file, empty rows included (so row numbers match the file). */
  rows: string[][];
}

const refuse = (code: string, extra: Record<string, unknown> = {}) =>
  new KansliError('validation', code, { fields: [{ field: 'path', code }], ...extra });

/** The delimiter that splits the first lines most evenly into more than one column. */
export function detectDelimiter(text: string): ImportDelimiter {
  const lines = text.slice(0, 64 * 1024).split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, 20);
  let best: ImportDelimiter = ';';
  let bestScore = -1;
  for (const d of [';', ',', '\t'] as const) {
    // Outside quotes only: "Berg, Anna" must not make a comma file of a semicolon file.
    const counts = lines.map((l) => l.replace(/"[^"]*"/g, '').split(d).length - 1);
    if (!counts.length || counts[0] === 0) continue;
    const same = counts.filter((c) => c === counts[0]).length;
    const score = same * 1000 + counts[0];
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

export function parseCsvText(text: string, delimiter: ImportDelimiter): string[][] {
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const rows = result.data;
  // A trailing newline gives one empty last row.
  if (rows.length && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === '') rows.pop();
  return rows;
}

function checkLimits(rows: string[][]) {
  if (rows.length > IMPORT_LIMITS.maxRows + 50) throw refuse('too-many-rows', { limit: IMPORT_LIMITS.maxRows, rows: rows.length });
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row.length > IMPORT_LIMITS.maxColumns) throw refuse('too-many-columns', { row: r + 1, limit: IMPORT_LIMITS.maxColumns });
    for (let c = 0; c < row.length; c++) {
      if (row[c].length > IMPORT_LIMITS.maxCellChars) throw refuse('field-too-long', { row: r + 1, column: c + 1, limit: IMPORT_LIMITS.maxCellChars });
    }
  }
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw refuse('not-tabular');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw refuse('file-empty');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cells[c - 1] = cellText(cell.value);
    });
    rows[n - 1] = Array.from(cells, (v) => v ?? '');
  });
  return Array.from(rows, (r) => r ?? []);
}

/** Dates as ISO, numbers as written (an Excel serial date stays a number: normalize reads it). */
function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v);
}

/** Reads and parses the file at `path`; limits enforced before anything big is built. */
export async function readTable(path: string, options: { encoding?: ImportEncoding; delimiter?: ImportDelimiter } = {}): Promise<Table> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw refuse('not-tabular');
    size = s.size;
  } catch (e) {
    if (e instanceof KansliError) throw e;
    throw new KansliError('io', 'cannot read the file', { fields: [{ field: 'path', code: 'file-unreadable' }] });
  }
  if (size > IMPORT_LIMITS.maxBytes) throw refuse('file-too-large', { limit: IMPORT_LIMITS.maxBytes, size });
  if (size === 0) throw refuse('file-empty');
  const bytes = await readFile(path);
  const fileName = basename(path);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const rows = await readXlsx(bytes);
    checkLimits(rows);
    if (!rows.some((r) => r.some((c) => c.trim()))) throw refuse('file-empty');
    return { fileName, format: 'xlsx', size, encoding: null, delimiter: null, rows };
  }
  const encoding = options.encoding ?? detectEncoding(bytes);
  if (looksBinary(bytes, encoding)) throw refuse('not-tabular');
  const text = decode(bytes, encoding);
  if (!text.trim()) throw refuse('file-empty');
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const rows = parseCsvText(text, delimiter);
  checkLimits(rows);
  return { fileName, format: 'csv', size, encoding, delimiter, rows };
}

export const isEmptyRow = (r: string[]) => r.every((c) => c.trim() === '');

/** The header row: the first of the first rows with the most non-empty cells. */
export function detectHeaderRow(rows: string[][]): number {
  let best = 0;
  let bestCount = 0;
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const n = rows[i].filter((c) => c.trim() !== '').length;
    if (n > bestCount) {
      best = i;
      bestCount = n;
    }
  }
  return best + 1;
}

