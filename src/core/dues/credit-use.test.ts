import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from '../db/sql';
import { fieldCodes } from '../test-support';
import { ADDRESS, duesTest, SE_PAYMENT, type DuesTest } from './test-fixtures';

let d: DuesTest;
afterEach(() => d?.t.dispose());

const fee = (year: number) => [{ membershipTypeId: 1, amount: 30000, dueOn: `${year}-03-31` }];

async function setUp() {
  d = await duesTest('SE', '2027-06-01');
  await d.call('dues.saveSettings', { ...SE_PAYMENT, associationName: 'Föreningen' });
  await d.call('dues.saveFees', { year: 2026, fees: fee(2026) });
  await d.call('dues.saveFees', { year: 2027, fees: fee(2027) });
  const m = {
    over: await d.member({ firstName: 'Åsa', lastName: 'Berg', ...ADDRESS.SE }),
    part: await d.member({ firstName: 'Bo', lastName: 'Ek', ...ADDRESS.SE }),
    full: await d.member({ firstName: 'Cilla', lastName: 'Fors', ...ADDRESS.SE }),
  };
  await d.call('dues.run', { year: 2026, invoiceDate: '2026-02-01' });
  const inv2026 = async (memberId: number) => (await d.call('dues.invoices', { year: 2026, memberId })).rows[0];
  // Over-paid by 100 kr; 100 kr on account (less than the fee); 500 kr on account (more).
  await d.call('dues.recordPayment', { invoiceId: (await inv2026(m.over)).id, paidOn: '2026-03-01', amount: 40000, method: 'bankgiro' });
  await d.call('dues.recordPayment', { invoiceId: (await inv2026(m.part)).id, paidOn: '2026-03-01', amount: 30000, method: 'bankgiro' });
  await d.call('dues.recordPayment', { memberId: m.part, paidOn: '2026-03-02', amount: 10000, method: 'swish' });
  await d.call('dues.recordPayment', { invoiceId: (await inv2026(m.full)).id, paidOn: '2026-03-01', amount: 30000, method: 'bankgiro' });
  await d.call('dues.recordPayment', { memberId: m.full, paidOn: '2026-03-02', amount: 50000, method: 'cash' });
  return { m, inv2026 };
}

const balance = async (memberId: number) => (await d.call('dues.account', { memberId })).balance;
const paymentsSum = () => d.t.core.context().db.column(sql`SELECT coalesce(sum(amount), 0) FROM payments`)[0];

describe('credit used by the invoice run', () => {
  it('uses over-payments and money on account on the next invoice, moving it without changing any sum', async () => {
    const { m, inv2026 } = await setUp();
    expect([await balance(m.over), await balance(m.part), await balance(m.full)]).toEqual([-10000, -10000, -50000]);

    const p = await d.call('dues.preview', { year: 2027, invoiceDate: '2027-02-01' });
    expect(p.invoices.map((i) => [i.member.memberId, i.total, i.creditUsed])).toEqual([
      [m.over, 30000, 10000],
      [m.part, 30000, 10000],
      [m.full, 30000, 30000],
    ]);

    const before = paymentsSum();
    const run = await d.call('dues.run', { year: 2027, invoiceDate: '2027-02-01' });
    expect(paymentsSum()).toEqual(before);

    const inv2027 = async (memberId: number) => (await d.call('dues.invoices', { year: 2027, memberId })).rows[0];
    expect(await inv2026(m.over)).toMatchObject({ status: 'paid', paid: 30000 });
    expect(await inv2027(m.over)).toMatchObject({ status: 'partlyPaid', paid: 10000, owed: 20000 });
    expect(await inv2027(m.part)).toMatchObject({ status: 'partlyPaid', paid: 10000, owed: 20000 });
    expect(await inv2027(m.full)).toMatchObject({ status: 'paid', paid: 30000, owed: 0 });
    // Each balance is what it was plus the new invoice's 300 kr.
    expect([await balance(m.over), await balance(m.part), await balance(m.full)]).toEqual([20000, 20000, -20000]);
    const moved = (await d.call('dues.account', { memberId: m.full })).payments.filter((x) => x.method === 'credit');
    expect(moved.map((x) => [x.invoiceNumber === null, x.amount]).sort()).toEqual([[false, 30000], [true, -30000]]);

    // The invoice paid by credit gets no letter; the others ask for what is left.
    await d.call('dues.letters', { source: { kind: 'run', runId: run.id }, mode: 'combined', path: join(d.t.dir, 'l.pdf'), jobId: 'j' });
    const letters = d.jobs.letters[0].job.letters;
    expect(letters.map((l) => [l.recipient.name, l.total, l.paid, l.owed])).toEqual([
      ['Åsa Berg', 30000, 10000, 20000],
      ['Bo Ek', 30000, 10000, 20000],
    ]);

  });
});

describe('credit on an invoice later credited', () => {
  it('is the member\'s again, and the next run uses all of it', async () => {
    const { m } = await setUp();
    await d.call('dues.run', { year: 2027, invoiceDate: '2027-02-01' });
    const inv2027 = (await d.call('dues.invoices', { year: 2027, memberId: m.full })).rows[0];
    expect(inv2027).toMatchObject({ status: 'paid', paid: 30000 });
    // The 2027 dues are forgiven: the 300 kr of credit it took are the member's again, beside the 200 kr left on account.
    await d.call('dues.credit', { invoiceId: inv2027.id });
    expect(await balance(m.full)).toBe(-50000);
    await d.call('dues.saveFees', { year: 2028, fees: [{ membershipTypeId: 1, amount: 45000, dueOn: '2028-03-31' }] });
    const p = await d.call('dues.preview', { year: 2028, invoiceDate: '2027-06-01' });
    expect(p.invoices.find((i) => i.member.memberId === m.full)?.creditUsed).toBe(45000);
    const before = paymentsSum();
    await d.call('dues.run', { year: 2028, invoiceDate: '2027-06-01' });
    expect(paymentsSum()).toBe(before);
    expect((await d.call('dues.invoices', { year: 2028, memberId: m.full })).rows[0]).toMatchObject({ status: 'paid', paid: 45000 });
    expect(await balance(m.full)).toBe(-5000);
  });

  it('is not offered again when an older refund already paid it back from the account', async () => {
    const { m } = await setUp();
    await d.call('dues.run', { year: 2027, invoiceDate: '2027-02-01' });
    const inv2027 = (await d.call('dues.invoices', { year: 2027, memberId: m.full })).rows[0];
    await d.call('dues.credit', { invoiceId: inv2027.id });
    // As refunds were booked before they moved invoice credit to the account: all 500 kr paid back
    // as one negative payment on the account, the credited invoice still holding its 300 kr.
    const ctx = d.t.core.context();
    ctx.write(() => ctx.db.run(sql`INSERT INTO payments (invoice_id, member_id, paid_on, amount, method, reference, note, year, created_at)
      VALUES (NULL, ${m.full}, '2027-05-01', -50000, 'bank', NULL, NULL, NULL, '2027-05-01T10:00:00.000Z')`));
    expect(await balance(m.full)).toBe(0);
    await d.call('dues.saveFees', { year: 2028, fees: [{ membershipTypeId: 1, amount: 45000, dueOn: '2028-03-31' }] });
    const p = await d.call('dues.preview', { year: 2028, invoiceDate: '2027-06-01' });
    const full = p.invoices.find((i) => i.member.memberId === m.full)!;
    expect([full.total, full.creditUsed ?? 0]).toEqual([45000, 0]);
  });
});

describe('refunds', () => {
  it('pays back credit on account, and refuses more than the credit', async () => {
    const { m } = await setUp();
    expect(fieldCodes(await d.result('dues.refund', { memberId: m.full, paidOn: '2027-05-01', amount: 50001, method: 'bank' }))).toEqual({ amount: 'refund-exceeds-credit' });
    expect(fieldCodes(await d.result('dues.refund', { memberId: m.full, paidOn: '2027-05-01', amount: 0, method: 'bank' }))).toEqual({ amount: 'amount-not-positive' });
    expect(fieldCodes(await d.result('dues.refund', { memberId: m.full, paidOn: '2027-05-01', amount: 100, method: 'credit' }))).toEqual({ method: 'method-not-allowed' });
    const r = await d.call('dues.refund', { memberId: m.full, paidOn: '2027-05-01', amount: 20000, method: 'bank', note: 'Återbetalt' });
    expect(r).toMatchObject({ invoiceId: null, memberId: m.full, amount: -20000, method: 'bank', note: 'Återbetalt', year: null });
    expect(await balance(m.full)).toBe(-30000);
    expect(fieldCodes(await d.result('dues.refund', { memberId: m.full, paidOn: '2027-05-01', amount: 30001, method: 'bank' }))).toEqual({ amount: 'refund-exceeds-credit' });
    // The rest of the credit is still used by the next run.
    const p = await d.call('dues.preview', { year: 2027, invoiceDate: '2027-02-01' });
    expect(p.invoices.find((i) => i.member.memberId === m.full)?.creditUsed).toBe(30000);
  });

  it('pays back an over-payment: the over-paid invoice becomes paid and nothing is left to use', async () => {
    const { m, inv2026 } = await setUp();
    await d.call('dues.refund', { memberId: m.over, paidOn: '2027-05-01', amount: 10000, method: 'swish' });
    expect(await balance(m.over)).toBe(0);
    expect(await inv2026(m.over)).toMatchObject({ status: 'paid', paid: 30000 });
    const account = await d.call('dues.account', { memberId: m.over });
    expect(account.payments.filter((x) => x.invoiceId === null).map((x) => [x.method, x.amount]).sort()).toEqual([['credit', 10000], ['swish', -10000]]);
    const p = await d.call('dues.preview', { year: 2027, invoiceDate: '2027-02-01' });
    expect(p.invoices.find((i) => i.member.memberId === m.over)?.creditUsed).toBeUndefined();
  });
});
