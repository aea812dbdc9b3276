import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { FONT, MONO_FONT, mm, pdfFontStats, renderPdf, setPdfFontReuse } from './pdf';

const dir = mkdtempSync(join(tmpdir(), 'kansli-pdf-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  setPdfFontReuse(true);
});

let n = 0;
function tool(cmd: 'pdftotext' | 'pdffonts' | 'pdfinfo', pdf: Buffer): string {
  const file = join(dir, `doc-${++n}.pdf`);
  writeFileSync(file, pdf);
  const args = cmd === 'pdftotext' ? ['-enc', 'UTF-8', file, '-'] : cmd === 'pdfinfo' ? ['-enc', 'UTF-8', file] : [file];
  return execFileSync(cmd, args, { encoding: 'utf8' });
}

/** pdffonts rows as { name, emb } (columns counted from the right: name may not, type may contain spaces). */
function fonts(pdf: Buffer): { name: string; emb: string; uni: string }[] {
  return tool('pdffonts', pdf)
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      return { name: cols[0], emb: cols[cols.length - 5], uni: cols[cols.length - 3] };
    });
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ');

const NORDIC = 'å ä ö æ ø Å Ä Ö Æ Ø é ü €';
const CREATED = new Date('2026-03-14T10:30:00Z');

function sample(i: number): TDocumentDefinitions {
  return {
    info: { title: `Faktura ${i}`, author: 'Ærøy og Östra Bygdelag', creationDate: CREATED },
    language: 'sv-SE',
    content: [
      { text: `Faktura ${i}`, bold: true, fontSize: 16 },
      `Medlemsavgift för Åsa Öberg, Ærø, Østfold: 250 € — Müller, café. ${NORDIC}`,
      { text: 'Kursiv rad', italics: true },
      { text: `OCR 1234 5678 90${i}`, font: MONO_FONT },
    ],
  };
}

describe('mm', () => {
  it('converts millimetres to points', () => {
    expect(mm(25.4)).toBeCloseTo(72, 10);
    expect(mm(210)).toBeCloseTo(595.28, 2);
    expect(mm(0)).toBe(0);
  });
});

describe('renderPdf', () => {
  it('prints Nordic letters and the euro sign with embedded fonts', async () => {
    const pdf = await renderPdf(sample(1));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = tool('pdftotext', pdf).replace(/\s+/g, ' ');
    // pdftotext guesses spaces from gaps; between lone letters it may drop them.
    expect(text.replace(/ /g, '')).toContain(NORDIC.replace(/ /g, ''));
    expect(text).toContain('Åsa Öberg, Ærø, Østfold: 250 €');
    const list = fonts(pdf);
    expect(list.length).toBeGreaterThanOrEqual(3);
    for (const f of list) {
      expect(f.name).toMatch(/^[A-Z]{6}\+DejaVuSans/);
      expect(f.emb).toBe('yes');
      expect(f.uni).toBe('yes');
    }
    expect(list.map((f) => f.name.split('+')[1]).sort()).toEqual(
      ['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSans-Oblique', 'DejaVuSansMono'].sort(),
    );
  });

  it('applies the defaults: A4, metadata, creator Kansli, the title shown', async () => {
    const info = tool('pdfinfo', await renderPdf(sample(2)));
    expect(info).toMatch(/Page size:\s+595\.2\d x 841\.89 pts \(A4\)/);
    expect(info).toMatch(/Title:\s+Faktura 2/);
    expect(info).toMatch(/Author:\s+Ærøy og Östra Bygdelag/);
    expect(info).toMatch(/Creator:\s+Kansli/);
    expect(info).toMatch(/Pages:\s+1/);
  });

  it('gives identical bytes for the same definition and creation date', async () => {
    const a = await renderPdf(sample(3));
    const b = await renderPdf(sample(3));
    expect(a.equals(b)).toBe(true);
  });

  it('uses the Kansli font unless told otherwise', async () => {
    const pdf = await renderPdf({ content: 'Hej' });
    expect(fonts(pdf).map((f) => f.name.split('+')[1])).toEqual(['DejaVuSans']);
    const other = await renderPdf({ content: 'Hej', defaultStyle: { font: MONO_FONT } });
    expect(fonts(other).map((f) => f.name.split('+')[1])).toEqual(['DejaVuSansMono']);
    expect(FONT).not.toBe(MONO_FONT);
  });
});

describe('font reuse', () => {
  it('parses each font once per process and hands the parsed font to every document', async () => {
    await renderPdf(sample(0)); // fonts parsed here (once)
    const before = pdfFontStats();
    expect(before.parses).toBeGreaterThan(0);
    expect(before.parses).toBeLessThanOrEqual(before.fontFiles);

    const reads = vi.spyOn(fs, 'readFileSync');
    for (let i = 0; i < 50; i++) await renderPdf(sample(i));
    const fontReads = reads.mock.calls.filter(([p]) => /\.(ttf|otf)$/i.test(String(p)));

    const after = pdfFontStats();
    expect(fontReads).toEqual([]);
    expect(after.parses).toBe(before.parses);
    // Every document uses four faces (regular, bold, italic, mono), each a shared parsed font.
    expect(after.reuses - before.reuses).toBe(50 * 4);
  });

  it('shares fonts without changing a byte of the output (compared with a fresh parse per document)', async () => {
    for (let i = 0; i < 20; i++) await renderPdf(sample(i)); // fill fontkit's shared caches
    const shared = [await renderPdf(sample(7)), await renderPdf(sample(42))];

    setPdfFontReuse(false);
    const before = pdfFontStats();
    const fresh = [await renderPdf(sample(7)), await renderPdf(sample(42))];
    // The baseline really did not go through the shared fonts.
    expect(pdfFontStats().reuses).toBe(before.reuses);

    expect(shared[0].equals(fresh[0])).toBe(true);
    expect(shared[1].equals(fresh[1])).toBe(true);
    expect(shared[0].equals(shared[1])).toBe(false);
  });

  it('carries nothing over between documents (glyphs met first as composite parts keep their text)', async () => {
    // "ö" and "ø" contain the "o" glyph as a component; a document printing only them must not
    // spoil the "o" of the next document (copy/search text comes from the ToUnicode map).
    const texts = ['för', 'Gjenopprettingsark for', 'Ærø', 'Øst og vest', 'Åland Ångström', 'ü é € ö o', 'fi ffi fl'];
    const doc = (t: string): TDocumentDefinitions => ({
      info: { creationDate: CREATED },
      content: [
        { text: t, bold: true },
        { text: t, font: MONO_FONT },
        { text: t.split('').reverse().join(''), italics: true },
      ],
    });
    const shared: Buffer[] = [];
    for (const t of texts) shared.push(await renderPdf(doc(t)));
    setPdfFontReuse(false);
    for (const [i, t] of texts.entries()) {
      const fresh = await renderPdf(doc(t));
      expect(shared[i].equals(fresh), `document ${i}: "${t}"`).toBe(true);
    }
    setPdfFontReuse(true);
    expect(oneLine(tool('pdftotext', shared[1]))).toContain('Gjenopprettingsark for');
  });

  it('keeps documents rendered concurrently independent', async () => {
    const alone = await Promise.all([1, 2, 3].map(async (i) => renderPdf(sample(i))));
    const together = await Promise.all([1, 2, 3, 1, 2, 3].map((i) => renderPdf(sample(i))));
    expect(together.slice(0, 3).every((b, i) => b.equals(alone[i]))).toBe(true);
    expect(together.slice(3).every((b, i) => b.equals(alone[i]))).toBe(true);
  });
});
