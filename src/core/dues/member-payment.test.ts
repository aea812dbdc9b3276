import { afterEach, describe, expect, it } from 'vitest';
import { ADDRESS, duesTest, SE_PAYMENT, type DuesTest } from './test-fixtures';

let d: DuesTest;
afterEach(() => d?.t.dispose());

/**
 * A payment on the member without an invoice, for a dues year (the member drawer's "Register
 * payment"). Money on account used by the next run is in credit-use.test.ts, the roll's "paid"
 * rule in paid.test.ts.
 */
describe('a payment for a dues year without an invoice', () => {
  it('shows on the account as that year’s dues (not as credit), keeps the member out of the run, and removed lets them in again', async () => {
    d = await duesTest('SE', '2026-05-01');
    await d.call('dues.saveSettings', { ...SE_PAYMENT, associationName: 'Föreningen' });
    await d.call('dues.saveFees', { year: 2026, fees: [{ membershipTypeId: 1, amount: 30000, dueOn: '2026-06-30' }] });
    const maja = await d.member({ firstName: 'Maja', lastName: 'Nyström', ...ADDRESS.SE });

    const p = await d.call('dues.recordPayment', { memberId: maja, paidOn: '2026-04-20', amount: 30000, method: 'cash', year: 2026, reference: '', note: 'Årsmötet' });
    expect(p).toMatchObject({ invoiceId: null, invoiceNumber: null, memberId: maja, year: 2026, amount: 30000, method: 'cash', reference: null, note: 'Årsmötet' });
    const account = await d.call('dues.account', { memberId: maja });
    expect(account.payments.map((x) => x.id)).toEqual([p.id]);
    expect(account.balance).toBe(0); // the year's dues, not money to use later

    const preview = await d.call('dues.preview', { year: 2026, invoiceDate: '2026-05-01' });
    expect(preview.excluded.find((e) => e.memberId === maja)?.reason).toBe('already-paid');
    expect(preview.invoices).toEqual([]);

    await d.call('dues.removePayment', { id: p.id });
    expect((await d.call('dues.account', { memberId: maja })).payments).toEqual([]);
    expect((await d.call('dues.preview', { year: 2026, invoiceDate: '2026-05-01' })).invoices.map((i) => [i.member.memberId, i.total, i.creditUsed])).toEqual([
      [maja, 30000, undefined],
    ]);
  });
});
