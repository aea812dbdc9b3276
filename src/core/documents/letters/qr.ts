import { createRequire } from 'node:module';
import { encodePng } from './png';

/**
 * The Swish QR code as a small black-and-white PNG, encoded by pdfmake's own QR encoder.
 *
 * Why not pdfmake's `qr` node directly: it draws every dark module as a rectangle of its own
 * (~450 for a Swish payload), and pdfmake sets line width, dash, join, cap and colour for each —
 * about a third of a letter's rendering time, which put 1,000 letters past the limits.
 * One image per letter draws the same modules, from the same encoder (pdfmake/js/qrEnc.js, the
 * module behind the `qr` node), at a fraction of the cost; PDFKit embeds the PNG's compressed data
 * as it is. The tests decode the printed code with zbarimg, so a pdfmake upgrade that moves the
 * encoder fails loudly.
 */

interface QrEnc {
  measure(node: { qr: string; eccLevel?: string }): { _canvas: { x: number; y: number; w: number; h: number }[] };
}

const requireHere = createRequire(import.meta.url);
let encoder: QrEnc | undefined;

/** The QR modules, true = dark, from pdfmake's encoder (it lays them out as 5-point squares). */
export function qrMatrix(payload: string, eccLevel: 'L' | 'M' | 'Q' | 'H' = 'M'): boolean[][] {
  encoder ??= (requireHere('pdfmake/js/qrEnc.js') as { default: QrEnc }).default;
  const [background, ...modules] = encoder.measure({ qr: payload, eccLevel })._canvas;
  const unit = modules[0]?.w ?? 5;
  const n = Math.round(background.w / unit);
  const matrix = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  for (const m of modules) matrix[Math.round(m.y / unit)][Math.round(m.x / unit)] = true;
  return matrix;
}

/** Quiet zone the QR specification asks for, in modules, on every side. */
const QUIET = 4;

/**
 * The QR as a 1-bit PNG with its quiet zone, `scale` pixels per module (8: sharp at the printed
 * size even where a viewer smooths scaled images).
 */
export function qrPng(payload: string, scale = 8): { png: Buffer; modules: number } {
  const matrix = qrMatrix(payload);
  const modules = matrix.length + 2 * QUIET;
  const side = modules * scale;
  const bytesPerRow = Math.ceil(side / 8);
  const white = Buffer.alloc(bytesPerRow, 0xff);
  const rows: Buffer[] = [];
  // One scanline per module row, repeated `scale` times.
  for (let my = -QUIET; my < matrix.length + QUIET; my++) {
    let row = white;
    if (my >= 0 && my < matrix.length) {
      row = Buffer.from(white);
      matrix[my].forEach((dark, mx) => {
        if (!dark) return;
        for (let x = (mx + QUIET) * scale, end = x + scale; x < end; x++) row[x >> 3] &= ~(0x80 >> (x & 7));
      });
    }
    for (let k = 0; k < scale; k++) rows.push(row);
  }
  return { png: encodePng(side, side, rows, 'gray1'), modules };
}

export function qrDataUrl(payload: string): string {
  return `data:image/png;base64,${qrPng(payload).png.toString('base64')}`;
}
