import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keyGroups, keyLayout, RECOVERY_SHEET_TEXTS, recoverySheetPdf, type SheetLanguage } from './recovery-sheet';

const dir = mkdtempSync(join(tmpdir(), 'kansli-sheet-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function run(cmd: 'pdftotext' | 'pdffonts' | 'pdfinfo', pdf: Buffer): string {
  const file = join(dir, `sheet-${++n}.pdf`);
  writeFileSync(file, pdf);
  const args = cmd === 'pdffonts' ? [file] : ['-enc', 'UTF-8', file, ...(cmd === 'pdftotext' ? ['-'] : [])];
  return execFileSync(cmd, args, { encoding: 'utf8' });
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ');
const pages = (pdf: Buffer) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', pdf))?.[1]);

const KEY = 'K7QX-M2PD-9RWF-T4HN-B8ZC-6JVL-E3YS-A5GU';
const CASES: { language: SheetLanguage; association: string; date: string }[] = [
  { language: 'sv', association: 'Föreningen Åsa & Öländska Vänner', date: '14 mars 2026' },
  { language: 'nb', association: 'Ærøy og Østre Bygdelag', date: '14. mars 2026' },
  { language: 'en', association: 'Bygdelaget Ærø – Åland, Öland, Østfold', date: '14 March 2026' },
];

describe('recoverySheetPdf', () => {
  for (const { language, association, date } of CASES) {
    it(`prints title, association, file name, date and key (${language})`, async () => {
      const t = RECOVERY_SHEET_TEXTS[language];
      const pdf = await recoverySheetPdf({
        associationName: association,
        registerFileName: '/home/lindqvist/Dokument/Föreningen/medlemmar.kansli',
        recoveryKey: KEY,
        createdAt: new Date('2026-03-14T12:00:00Z'),
        language,
      });
      const text = oneLine(run('pdftotext', pdf));
      expect(text).toContain(t.title);
      expect(text).toContain(association);
      expect(text).toContain('medlemmar.kansli');
      expect(text).not.toContain('lindqvist');
      expect(text).not.toContain('Dokument');
      expect(text).toContain(date);
      expect(text).toContain(KEY); // the one-line copy
      for (const group of KEY.split('-')) expect(text).toContain(group); // the boxes
      expect(text).toContain(t.storeLines[0]);

      const info = run('pdfinfo', pdf);
      expect(info).toContain(`Title:           ${t.title}`);
      expect(info).toContain(`Author:          ${association}`);
      expect(info).toMatch(/Creator:\s+Kansli\n/);
      expect(info).toMatch(/Pages:\s+1\n/);

      const fonts = run('pdffonts', pdf).split('\n').slice(2).filter((l) => l.trim());
      expect(fonts.length).toBeGreaterThanOrEqual(2);
      for (const line of fonts) {
        const cols = line.trim().split(/\s+/);
        expect(cols[0]).toMatch(/^[A-Z]{6}\+DejaVuSans/);
        expect(cols[cols.length - 5]).toBe('yes'); // emb
      }
      expect(fonts.some((l) => l.includes('DejaVuSansMono-Bold'))).toBe(true);
    });
  }

  it('takes only the file name from a Windows path too', async () => {
    const pdf = await recoverySheetPdf({
      associationName: 'Lag',
      registerFileName: 'C:\\Users\\lindqvist\\Documents\\lag.kansli',
      recoveryKey: KEY,
      createdAt: new Date('2026-03-14T12:00:00Z'),
      language: 'sv',
    });
    const text = run('pdftotext', pdf);
    expect(text).toContain('lag.kansli');
    expect(text).not.toContain('Users');
  });

  it('stays on one page with a very long name and a very long key', async () => {
    for (const recoveryKey of [
      '3f9a0c1e7b2d4f6a8c0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e',
      'ABCDE-FGHJK-LMNPQ-RSTVW-XYZ01-23456-789AB-CDEFG-HJKLM-NPQRS-TVWXY-Z0123',
    ]) {
      const pdf = await recoverySheetPdf({
        associationName:
          'Riksförbundet för Åländska, Öländska och Ærøske Hembygdsföreningars Samarbetsråd i Norden och Østersjøregionen',
        registerFileName: 'riksförbundets-medlemsregister-för-hela-norden-2026.kansli',
        recoveryKey,
        createdAt: new Date('2026-11-23T12:00:00Z'),
        language: 'nb',
      });
      expect(pages(pdf)).toBe(1);
      expect(oneLine(run('pdftotext', pdf)).replace(/ /g, '')).toContain(recoveryKey.slice(0, 20));
    }
  });

  it('gives identical bytes for identical input', async () => {
    const input = {
      associationName: 'Ærøy',
      registerFileName: 'a.kansli',
      recoveryKey: KEY,
      createdAt: new Date('2026-03-14T12:00:00Z'),
      language: 'nb' as const,
    };
    expect((await recoverySheetPdf(input)).equals(await recoverySheetPdf(input))).toBe(true);
  });
});

describe('key layout', () => {
  it('splits at dashes and spaces, or in fours', () => {
    expect(keyGroups(KEY)).toEqual(KEY.split('-'));
    expect(keyGroups('  abcd efgh  ijkl ')).toEqual(['abcd', 'efgh', 'ijkl']);
    expect(keyGroups('ABCDEFGHIJKLMN')).toEqual(['ABCD', 'EFGH', 'IJKL', 'MN']);
    expect(keyGroups('ABC123')).toEqual(['ABC123']);
  });

  it('prints a usual key large, in two balanced rows', () => {
    const layout = keyLayout(keyGroups(KEY));
    expect(layout.fontSize).toBeGreaterThanOrEqual(24);
    expect(layout.rows.map((r) => r.length)).toEqual([4, 4]);
  });
});
