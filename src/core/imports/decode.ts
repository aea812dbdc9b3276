import iconv from 'iconv-lite';
import type { ImportEncoding } from '../../shared/contract/imports';

/**
 * The text of a CSV file. BOMs decide first; then a strict UTF-8 decode that fails means the
 * file is 8-bit, which for Nordic spreadsheets is Windows-1252 (a superset of ISO-8859-1 in the
 * printable range). iconv-lite, not TextDecoder: Node 20's 'windows-1252' mis-decodes 0x80–0x9F (€, “, ”).
 */
export function detectEncoding(bytes: Uint8Array): ImportEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

export function decode(bytes: Uint8Array, encoding: ImportEncoding): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text: string;
  if (encoding === 'utf-8') text = buf.toString('utf8');
  else if (encoding === 'utf-16le') text = buf.toString('utf16le');
  else if (encoding === 'utf-16be') text = iconv.decode(buf, 'utf-16be');
  else text = iconv.decode(buf, 'win1252');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * A file that is not text: NUL bytes (outside UTF-16) or many control characters near its start.
 * Catches images, PDFs and executables renamed .csv before they reach the parser.
 */
export function looksBinary(bytes: Uint8Array, encoding: ImportEncoding): boolean {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return false;
  const n = Math.min(bytes.length, 64 * 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > n / 100;
}
