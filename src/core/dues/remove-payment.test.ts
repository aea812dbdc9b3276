import { afterEach, describe, expect, it } from 'vitest';
import { sql } from '../db/sql';
import { fieldCodes } from '../test-support';
import { ADDRESS, duesTest, SE_PAYMENT, type DuesTest } from './test-fixtures';

let d: DuesTest;
afterEach(() => d?.t.dispose());

const fee = (year: number) => [{ membershipTypeId: 1, amount: 30000, dueOn: `${year}-03-31` }];

/** Every payment row and how many history rows there are: a refusal must change neither. */
function snapshot() {
  const db = d.t.core.context().db;
  return { payments: db.all(sql`SELECT * FROM payments ORDER BY id`), history: db.column(sql`SELECT count(*) FROM member_history`)[0] };
}

const account = (memberId: number) => d.call('dues.account', { memberId });

/**
 * 'credit' payments come in pairs (credit-balance.ts moveCredit): removing one half alone would
 * make or lose money, so 'dues.removePayment' refuses them; ordinary payments still go.
 */
describe('removing a payment', () => {
  it('refuses either half of credit moved by the invoice run, changing nothing; the payment that made the credit can still go', async () => {
    d = await duesTest('SE', '2027-06-01');
    await d.call('dues.saveSettings', { ...SE_PAYMENT, associationName: 'Föreningen' });
    await d.call('dues.saveFees', { year: 2027, fees: fee(2027) });
    const m = await d.member({ firstName: 'Åsa', lastName: 'Berg', ...ADDRESS.SE });
    const cash = await d.call('dues.recordPayment', { memberId: m, paidOn: '2026-03-02', amount: 50000, method: 'cash' });
    await d.call('dues.run', { year: 2027, invoiceDate: '2027-02-01' });
    const inv = (await d.call('dues.invoices', { year: 2027, memberId: m })).rows[0];
    expect(inv).toMatchObject({ status: 'paid', paid: 30000 });
    const moved = (await account(m)).payments.filter((p) => p.method === 'credit');
    expect(moved.map((p) => [p.invoiceId, p.amount]).sort((a, b) => a[1]! - b[1]!)).toEqual([[null, -30000], [inv.id, 30000]]);
    expect((await account(m)).balance).toBe(-20000);

    const before = snapshot();
    for (const p of moved) {
      const r = await d.result('dues.removePayment', { id: p.id });
      expect(fieldCodes(r)).toEqual({ id: 'payment-is-credit-use' });
      expect(r.ok ? null : r.error.code).toBe('conflict');
    }
    expect(snapshot()).toEqual(before);
    expect(await d.call('dues.invoice', { id: inv.id })).toMatchObject({ status: 'paid', paid: 30000 });
    expect((await account(m)).balance).toBe(-20000);

    // The cash recorded by mistake is removed instead: the 300 kr moved onto the invoice is owed again on account.
    await d.call('dues.removePayment', { id: cash.id });
    const after = await account(m);
    expect(after.payments.some((p) => p.id === cash.id)).toBe(false);
    expect(after.payments.filter((p) => p.method === 'credit')).toHaveLength(2);
    expect(after.balance).toBe(30000);
    expect(fieldCodes(await d.result('dues.removePayment', { id: cash.id }))).toEqual({ id: 'payment-not-found' });
  });

  it('refuses the credit a refund moved off an over-paid invoice; removing the refund itself gives the credit back', async () => {
    d = await duesTest('SE', '2027-06-01');
    await d.call('dues.saveSettings', { ...SE_PAYMENT, associationName: 'Föreningen' });
    await d.call('dues.saveFees', { year: 2026, fees: fee(2026) });
    const m = await d.member({ firstName: 'Bo', lastName: 'Ek', ...ADDRESS.SE });
    await d.call('dues.run', { year: 2026, invoiceDate: '2026-02-01' });
    const inv = (await d.call('dues.invoices', { year: 2026, memberId: m })).rows[0];
    await d.call('dues.recordPayment', { invoiceId: inv.id, paidOn: '2026-03-01', amount: 40000, method: 'bankgiro' });
    const refund = await d.call('dues.refund', { memberId: m, paidOn: '2027-05-01', amount: 10000, method: 'swish' });
    expect((await account(m)).balance).toBe(0);

    const before = snapshot();
    for (const p of (await account(m)).payments.filter((x) => x.method === 'credit')) {
      expect(fieldCodes(await d.result('dues.removePayment', { id: p.id }))).toEqual({ id: 'payment-is-credit-use' });
    }
    expect(snapshot()).toEqual(before);

    await d.call('dues.removePayment', { id: refund.id });
    expect((await account(m)).balance).toBe(-10000);
    expect(await d.call('dues.invoice', { id: inv.id })).toMatchObject({ status: 'paid', paid: 30000 });
    // Still refundable, once.
    await d.call('dues.refund', { memberId: m, paidOn: '2027-05-02', amount: 10000, method: 'bank' });
    expect((await account(m)).balance).toBe(0);
  });
});
