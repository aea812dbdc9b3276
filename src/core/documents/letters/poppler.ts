import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * For the letter tests: what poppler (pdftotext, pdftoppm) and zbar (zbarimg) read from a
 * rendered PDF — text, word positions, the QR code — the way a reader, a printer and a phone do.
 */

export function hasTool(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function withFile<T>(pdf: Uint8Array, fn: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'kansli-letter-'));
  try {
    const file = join(dir, 'letter.pdf');
    writeFileSync(file, pdf);
    return fn(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text, with no-break spaces as plain spaces and runs of white space as one. */
export function pdfText(pdf: Uint8Array, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  const raw = withFile(pdf, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', ...range, file, '-'], { encoding: 'utf8' }));
  return raw.replace(/[\u00a0\s]+/g, ' ');
}

export function pageCount(pdf: Uint8Array): number {
  return withFile(pdf, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })).split('\f').length - 1;
}

export interface Word {
  text: string;
  page: number;
  /** Points from the page's top-left corner. */
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Every word with its box (pdftotext -bbox). */
export function pdfWords(pdf: Uint8Array): Word[] {
  const html = withFile(pdf, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', '-bbox', file, '-'], { encoding: 'utf8' }));
  const words: Word[] = [];
  let page = 0;
  for (const m of html.matchAll(/<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (m[0] === '<page ') {
      page++;
      continue;
    }
    words.push({ page, xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], text: unescape(m[5]) });
  }
  return words;
}

/** The QR codes zbarimg finds on `page` rendered at `dpi`. */
export function qrCodes(pdf: Uint8Array, page = 1, dpi = 200): string[] {
  return withFile(pdf, (file, dir) => {
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-f', String(page), '-l', String(page), '-singlefile', file, join(dir, 'page')]);
    const r = spawnSync('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', join(dir, 'page.png')], { encoding: 'utf8' });
    // Exit status 4: no code found on the page.
    if (r.status === 4) return [];
    if (r.status !== 0) throw new Error(`zbarimg failed (${r.status}): ${r.stderr}`);
    return r.stdout.split('\n').filter(Boolean);
  });
}
