/**
 * The CSV export as a spreadsheet reads it: LibreOffice Calc opens the file with formula
 * evaluation switched on (the risky setting) and writes back what its cells show. Runs where
 * LibreOffice is installed (`soffice`); elsewhere it reports itself skipped. Excel cannot run
 * here; LibreOffice with evaluation on is the closest stand-in for "a spreadsheet that evaluates".
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

const SOFFICE = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));

describe.skipIf(!SOFFICE)('CSV export in LibreOffice Calc with formulas evaluated', () => {
  it('shows phone numbers as written and hostile cells as text, never as a result', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kansli-csv-calc-'));
    try {
      const cells = [
        ['Åsa Öberg', '+46 70 123 45 67', '=1+1', '-5'],
        ['Bjørn Ærø', '+47 412 34 567', '+46701234567', '@SUM(A1)'],
        ['Kalle', '+1=2', '=HYPERLINK("https://example.com","x")', '\t=1+1'],
      ];
      const csv = toCsv(['Namn', 'Mobil', 'Not', 'Belopp'], cells, 'sv', ['text', 'phone', 'text', 'text']);
      await writeFile(join(dir, 'lista.csv'), csv);
      // Import: ';', '"', UTF-8, from line 1, …, token 13 "evaluate formulas" = true.
      // Export: ',', '"', UTF-8, cells as shown.
      await promisify(execFile)(SOFFICE!, [
        '--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--infilter=CSV:59,34,76,1,,1053,false,false,false,false,false,-1,true',
        '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true',
        '--outdir', join(dir, 'out'), join(dir, 'lista.csv'),
      ], { timeout: 120_000 });
      const shown = Papa.parse<string[]>((await readFile(join(dir, 'out', 'lista.csv'), 'utf8')).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
      expect(shown).toEqual([
        ['Namn', 'Mobil', 'Not', 'Belopp'],
        ['Åsa Öberg', '+46 70 123 45 67', "'=1+1", "'-5"],
        ['Bjørn Ærø', '+47 412 34 567', "'+46701234567", "'@SUM(A1)"],
        ['Kalle', "'+1=2", `'=HYPERLINK("https://example.com","x")`, "'\t=1+1"],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
