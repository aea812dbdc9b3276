import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fieldCodes } from '../../test-support';
import { duesTest, type DuesTest } from '../../dues/test-fixtures';
import { bookedYear } from './fixtures';

let d: DuesTest;
afterEach(() => d?.t.dispose());

describe('treasurer’s reports', () => {
  it('the ledger of receivables: every invoice of the year, totals that add up and equal the invoices and payments', async () => {
    d = await duesTest('SE', '2026-11-15');
    const { m } = await bookedYear(d);
    const r = await d.call('reports.receivables', { year: 2026 });
    const by = (id: number) => r.rows.find((x) => x.member.memberId === id)!;
    expect([m.paid, m.partly, m.over, m.credited, m.writtenOff, m.open].map((id) => [by(id).status, by(id).total, by(id).paid, by(id).owed])).toEqual([
      ['paid', 30000, 30000, 0],
      ['partlyPaid', 32500, 20000, 12500],
      ['overPaid', 30000, 35000, 0],
      ['credited', 30000, 30000, 0],
      ['writtenOff', 32500, 0, 0],
      ['open', 32500, 0, 32500],
    ]);
    expect(r.rows.map((x) => x.member.memberId)).not.toContain(m.cash); // paid without an invoice
    expect(by(m.partly).reminders).toBe(1);
    const t = r.totals;
    expect(t).toEqual({ invoices: 7, invoiced: 220000, paid: 115000, outstanding: 77500, writtenOff: 32500, carried: 0, credited: 30000, overpaid: 35000 });
    expect(t.invoiced).toBe(t.paid + t.outstanding + t.writtenOff + t.carried + t.credited - t.overpaid);

    // The same sums from the dues side: the invoice list and the year summary.
    const { rows } = await d.call('dues.invoices', { year: 2026, kind: 'invoice' });
    expect(rows.reduce((n, i) => n + i.total, 0)).toBe(t.invoiced);
    expect(rows.reduce((n, i) => n + i.paid, 0)).toBe(t.paid);
    expect(rows.reduce((n, i) => n + i.owed, 0)).toBe(t.outstanding);
    expect((await d.call('dues.years', {})).find((y) => y.year === 2026)).toMatchObject({ paidTotal: t.paid, owedTotal: t.outstanding });
  });

  it('payments per day and method, refunds included, summing to what was recorded', async () => {
    d = await duesTest('SE', '2026-11-15');
    await bookedYear(d);
    const r = await d.call('reports.payments', { from: '2026-01-01', to: '2026-12-31' });
    expect(r.days).toEqual([
      { date: '2026-01-20', method: 'cash', count: 1, amount: 30000 },
      { date: '2026-02-10', method: 'bank', count: 1, amount: 35000 },
      { date: '2026-02-10', method: 'bankgiro', count: 1, amount: 30000 },
      { date: '2026-02-12', method: 'bankgiro', count: 1, amount: 30000 },
      { date: '2026-02-15', method: 'swish', count: 1, amount: 40000 },
      { date: '2026-04-20', method: 'swish', count: 1, amount: 20000 },
    ]);
    expect(r.methods).toEqual([
      { method: 'bankgiro', count: 2, amount: 60000 },
      { method: 'swish', count: 2, amount: 60000 },
      { method: 'bank', count: 1, amount: 35000 },
      { method: 'cash', count: 1, amount: 30000 },
    ]);
    expect(r).toMatchObject({ count: 6, total: 185000 });
    expect((await d.call('reports.payments', { from: '2026-02-10', to: '2026-02-10' })).total).toBe(65000);
    expect(fieldCodes(await d.result('reports.payments', { from: '2026-03-01', to: '2026-02-01' }))).toEqual({ to: 'period-reversed' });
  });

  it('members with credit, as their account balance says', async () => {
    d = await duesTest('SE', '2026-11-15');
    const { m } = await bookedYear(d);
    const r = await d.call('reports.credits', {});
    expect(r.rows.map((x) => [x.member.memberId, x.credit, x.overpaid, x.creditedPaid, x.onAccount, x.owed])).toEqual([
      [m.over, 5000, 5000, 0, 0, 0],
      [m.credited, 30000, 0, 30000, 0, 0],
      [m.onAccount, 7500, 0, 0, 40000, 32500],
    ]);
    expect(r.total).toBe(42500);
    for (const row of r.rows) expect((await d.call('dues.account', { memberId: row.member.memberId })).balance).toBe(-row.credit);
  });

  it('exports each report as CSV for Excel and as a PDF table', async () => {
    d = await duesTest('SE', '2026-11-15');
    await bookedYear(d);
    const csv = await d.call('reports.export', { choice: { report: 'receivables', year: 2026 }, format: 'csv', path: join(d.t.dir, 'reskontra') });
    expect(csv).toEqual({ path: join(d.t.dir, 'reskontra.csv'), rows: 8 });
    const text = await readFile(csv.path, 'utf8');
    expect(text.startsWith('\uFEFFFaktura;Medlemsnr;Namn;Fakturadatum;Förfallodag;Belopp;Betalt;Kvar att betala;Status;Autogiro;Påminnelser\r\n')).toBe(true);
    // Amounts as numbers Excel reads in Swedish (quoted only because of the decimal comma).
    expect(text).toContain(';Bo Berg;2026-02-01;2026-03-31;"325,00";"200,00";"125,00";Delbetald;;1\r\n');
    expect(text.trimEnd().split('\r\n').at(-1)).toBe('Summa;;;;;"2200,00";"1150,00";"775,00";;;');

    const pdf = await d.call('reports.export', { choice: { report: 'payments', from: '2026-01-01', to: '2026-12-31' }, format: 'pdf', path: join(d.t.dir, 'inbetalningar.pdf'), language: 'en' });
    const pdfText = execFileSync('pdftotext', ['-layout', pdf.path, '-']).toString();
    expect(pdfText).toContain('Payments 2026-01-01 – 2026-12-31');
    expect(pdfText).toMatch(/Total\s+6\s+SEK\s*1,850\.00/);
    // A Norwegian reader's PDF: dates as 31.03.2026 (the CSV above keeps ISO), headings whole words.
    const nb = await d.call('reports.export', { choice: { report: 'receivables', year: 2026 }, format: 'pdf', path: join(d.t.dir, 'reskontro.pdf'), language: 'nb' });
    const nbText = execFileSync('pdftotext', ['-layout', nb.path, '-']).toString();
    expect(nbText).toMatch(/Bo Berg\s+01\.02\.2026\s+31\.03\.2026/);
    expect(nbText).not.toContain('2026-03-31');
    expect(nbText).toMatch(/Medlemsnr\s/);
    expect(nbText).toMatch(/AvtaleGiro\s/);
    const credits = await d.call('reports.export', { choice: { report: 'credits' }, format: 'pdf', path: join(d.t.dir, 'tillgodo.pdf') });
    expect(execFileSync('pdftotext', [credits.path, '-']).toString()).toContain('Medlemmar med tillgodohavande');
    expect(fieldCodes(await d.result('reports.export', { choice: { report: 'credits' }, format: 'csv', path: 'relativ.csv' }))).toEqual({ path: 'path-not-absolute' });
  });
});
