import iconv from 'iconv-lite';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fieldCodes } from '../../test-support';
import { duesTest, type DuesTest } from '../../dues/test-fixtures';
import { bookedYear } from '../reports/fixtures';
import { readSie, type SieFile } from './read';
import { encodePc8, quote } from './write';

let d: DuesTest;
afterEach(() => d?.t.dispose());

/** Net (debit − credit) per account over every verification. */
function net(f: SieFile): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of f.verifications) for (const t of v.trans) out[t.account] = (out[t.account] ?? 0) + t.amount;
  return out;
}

describe('SIE 4 export', () => {
  it('writes a PC8 file a bookkeeping program reads: identification, accounts, balanced verifications', async () => {
    d = await duesTest('SE', '2026-11-15');
    await bookedYear(d);
    const r = await d.call('bookkeeping.sieExport', { from: '2026-01-01', to: '2026-12-31', path: join(d.t.dir, 'Föreningen 2026') });
    expect(r.path).toBe(join(d.t.dir, 'Föreningen 2026.si'));
    const bytes = await readFile(r.path);
    // PC8 = code page 437: "Ö" is one byte 0x99, never UTF-8's two.
    expect(bytes.includes(Buffer.from([0x99]))).toBe(true);
    expect(bytes.includes(Buffer.from('Ö', 'utf8'))).toBe(false);
    const text = iconv.decode(bytes, 'cp437');
    expect(text.split('\r\n').slice(0, 11)).toEqual([
      '#FLAGGA 0',
      '#PROGRAM "Kansli" "1.0"',
      '#FORMAT PC8',
      '#GEN 20261115',
      '#SIETYP 4',
      '#FNAMN "Föreningen Ödegård"',
      '#ORGNR 802002-4280',
      '#RAR 0 20260101 20261231',
      '#KPTYP BAS2014',
      '#VALUTA SEK',
      '#KONTO 1510 "Kundfordringar"',
    ]);

    const f = readSie(bytes); // throws on any verification that does not balance
    expect(f.verifications).toHaveLength(r.verifications);
    for (const v of f.verifications) expect(v.trans.reduce((n, t) => n + t.amount, 0)).toBe(0);
    expect([...f.accounts.keys()]).toEqual(['1510', '1910', '1930', '2420', '3890', '6351']);
    expect(f.verifications.map((v) => v.number)).toEqual(f.verifications.map((_, i) => String(i + 1)));
    expect(f.verifications.map((v) => v.date)).toEqual([...f.verifications.map((v) => v.date)].sort());

    const receivables = await d.call('reports.receivables', { year: 2026 });
    const t = receivables.totals;
    const n = net(f);
    // Receivable: invoiced − credited − written off − paid on invoices = what is owed − what was over-paid.
    expect(n['1510']).toBe(t.outstanding - t.overpaid);
    // Income: fees invoiced and paid without invoice, less the credit note.
    expect(n['3890']).toBe(-(t.invoiced - t.credited + 30000));
    expect(n['6351']).toBe(t.writtenOff);
    expect(n['2420']).toBe(-40000); // paid on a member alone
    expect(n['1930'] + n['1910']).toBe((await d.call('reports.payments', { from: '2026-01-01', to: '2026-12-31' })).total);

    const first = f.verifications.find((v) => v.text.startsWith('Faktura'))!;
    expect(first).toMatchObject({ series: 'M', date: '2026-02-01', trans: [{ account: '1510', amount: 30000 }, { account: '3890', amount: -30000 }] });
    expect(f.verifications.map((v) => v.text)).toContain('Påminnelseavgift faktura 1 Bo Berg');
    expect(f.verifications.find((v) => v.text.startsWith('Kreditfaktura'))!.trans).toEqual([
      { account: '3890', amount: 30000 },
      { account: '1510', amount: -30000 },
    ]);
  });

  it('the preview sums per account, balanced; one verification per day and kind on request; chosen accounts', async () => {
    d = await duesTest('SE', '2026-11-15');
    await bookedYear(d);
    const p = await d.call('bookkeeping.siePreview', { from: '2026-01-01', to: '2026-12-31' });
    expect(p.debit).toBe(p.credit);
    expect(p.accounts.find((a) => a.number === '1930')).toMatchObject({ name: 'Företagskonto', debit: 155000, credit: 0 });

    const s = await d.call('bookkeeping.settings', {});
    expect(s.methodAccounts.plusgiro.number).toBe('1920');
    expect(fieldCodes(await d.result('bookkeeping.saveSettings', { ...s, series: '', accounts: { ...s.accounts, income: { number: '38', name: '' } } }))).toEqual({
      'accounts.income.number': 'account-format',
      'accounts.income.name': 'required',
      series: 'series-format',
    });
    await d.call('bookkeeping.saveSettings', { ...s, grouping: 'day', series: 'K', accounts: { ...s.accounts, income: { number: '3010', name: 'Medlemsavgifter' } } });
    const grouped = readSie(await readFile((await d.call('bookkeeping.sieExport', { from: '2026-01-01', to: '2026-12-31', path: join(d.t.dir, 'dag.si') })).path));
    expect(grouped.verifications.length).toBeLessThan(p.verifications);
    const invoiced = grouped.verifications.find((v) => v.date === '2026-02-01')!;
    expect(invoiced).toMatchObject({ series: 'K', text: 'Medlemsavgifter fakturerade 2026-02-01 (7 st)', trans: [{ account: '1510', amount: 210000 }, { account: '3010', amount: -210000 }] });
    const again = await d.call('bookkeeping.siePreview', { from: '2026-01-01', to: '2026-12-31' });
    expect(again.debit).toBe(again.credit);

    // A period with nothing in it.
    expect(fieldCodes(await d.result('bookkeeping.sieExport', { from: '2025-01-01', to: '2025-12-31', path: join(d.t.dir, 'tom') }))).toBe('conflict:nothing-to-book');
  });

  it('writes text fields CP437 can hold: quotes escaped, dashes plain, Ø without its stroke', () => {
    expect(quote('Medlemsavgift 2026 – Familj "Åberg"')).toBe('"Medlemsavgift 2026 - Familj \\"Åberg\\""');
    expect(quote('Øvrebø\tkontor')).toBe('"Ovrebo kontor"');
    expect(iconv.decode(encodePc8(quote('Ærlig Åsa Müller')), 'cp437')).toBe('"Ærlig Åsa Müller"');
  });

  it('the reader refuses what a bookkeeping program would refuse', () => {
    const file = (body: string) => iconv.encode(`#FLAGGA 0\r\n#KONTO 1510 "Kundfordringar"\r\n#KONTO 3890 "Medlemsavgifter"\r\n${body}`, 'cp437');
    expect(readSie(file('#VER "M" 1 20260201 "Faktura"\r\n{\r\n#TRANS 1510 {} 300.00\r\n#TRANS 3890 {} -300.00\r\n}\r\n')).verifications).toHaveLength(1);
    expect(() => readSie(file('#VER "M" 1 20260201 "x"\r\n{\r\n#TRANS 1510 {} 300.00\r\n#TRANS 3890 {} -299.99\r\n}\r\n'))).toThrow(/line 8: verification M 1 does not balance/);
    expect(() => readSie(file('#VER "M" 1 20260201 "x"\r\n{\r\n#TRANS 1930 {} 1.00\r\n'))).toThrow(/account 1930 not declared/);
    expect(() => readSie(file('#VER "M" 1 20260201 "x"\r\n{\r\n#TRANS 1510 {} 1.00\r\n#TRANS 3890 {} -1.00\r\n'))).toThrow(/ends inside a verification/);
    expect(() => readSie(file('#TRANS 1510 {} 1.00\r\n'))).toThrow(/outside a verification/);
  });
});
