import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { ADDRESS, duesTest, SE_PAYMENT, type DuesTest } from './test-fixtures';

let d: DuesTest;
let dir: string | undefined;
afterEach(() => {
  d?.t.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const A = ADDRESS.SE;

describe('the roll with "paid the year\'s dues"', () => {
  it('keeps the paid, the exempt and those on direct debit; leaves out the unpaid, the partly paid and the credited', async () => {
    d = await duesTest('SE', '2026-05-01');
    dir = mkdtempSync(join(tmpdir(), 'kansli-paid-'));
    await d.call('dues.saveSettings', { ...SE_PAYMENT, associationName: 'Föreningen Ödegård' });
    await d.call('dues.saveFees', {
      year: 2026,
      fees: [
        { membershipTypeId: 1, amount: 30000, dueOn: '2026-03-31' },
        { membershipTypeId: 4, amount: 0, free: true, dueOn: '2026-03-31' },
      ],
    });
    const m = {
      paid: await d.member({ firstName: 'Åsa', lastName: 'Ödegård', ...A }),
      unpaid: await d.member({ firstName: 'Bo', lastName: 'Berg', ...A }),
      partly: await d.member({ firstName: 'Cecilia', lastName: 'Ek', ...A }),
      credited: await d.member({ firstName: 'Dan', lastName: 'Ek', ...A }),
      free: await d.member({ firstName: 'Erik', lastName: 'Fors', membershipTypeId: 4, ...A }),
      debit: await d.member({ firstName: 'Gustav', lastName: 'Holm', ...A }),
      cash: await d.member({ firstName: 'Maja', lastName: 'Nyström', ...A }),
    };
    await d.call('dues.setDirectDebit', { memberId: m.debit, kind: 'autogiro' });
    await d.call('dues.recordPayment', { memberId: m.cash, paidOn: '2026-01-20', amount: 30000, method: 'cash', year: 2026 });
    await d.call('dues.run', { year: 2026, invoiceDate: '2026-02-01' });
    const invoices = (await d.call('dues.invoices', { year: 2026 })).rows;
    const invoiceOf = (memberId: number) => invoices.find((i) => i.member.memberId === memberId)!.id;
    await d.call('dues.recordPayment', { invoiceId: invoiceOf(m.paid), paidOn: '2026-02-20', amount: 30000, method: 'bankgiro' });
    await d.call('dues.recordPayment', { invoiceId: invoiceOf(m.partly), paidOn: '2026-02-20', amount: 10000, method: 'swish' });
    await d.call('dues.credit', { invoiceId: invoiceOf(m.credited) });

    const everyone = await d.call('exports.roll', { path: join(dir, 'alla.csv'), on: '2026-04-01', format: 'csv' });
    expect(everyone.people).toBe(7);
    const paid = await d.call('exports.roll', { path: join(dir, 'betalda.csv'), on: '2026-04-01', format: 'csv', paidFor: 2026 });
    const rows = Papa.parse<string[]>((await readFile(paid.path, 'utf8')).slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    const names = rows.slice(1).map((row) => row[2]);
    expect(names.sort()).toEqual(['Fors, Erik', 'Holm, Gustav', 'Nyström, Maja', 'Ödegård, Åsa'].sort());
    // Another year's dues say nothing about this one.
    expect((await d.call('exports.roll', { path: join(dir, 'ifjol.csv'), on: '2026-04-01', format: 'csv', paidFor: 2025 })).people).toBe(1); // only on direct debit
  });
});
