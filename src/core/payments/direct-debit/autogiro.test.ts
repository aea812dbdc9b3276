import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fieldCodes } from '../../test-support';
import { adviceFile, ddTest, OUR_BG, reportFile, SE_SETTINGS, type DdTest } from './test-files';

let d: DdTest;
afterEach(() => d?.t.dispose());

const lines = async (path: string) => (await readFile(path, 'latin1')).split('\r\n').filter(Boolean);

/** A Swedish register with payee details, Bankgirot's customer number and a fee of 300 kr for 2027. */
async function setUp() {
  d = await ddTest('SE', '2027-01-10');
  await d.call('dues.saveSettings', SE_SETTINGS);
  await d.call('directDebit.saveSettings', { bgcCustomerNumber: '123456' });
  await d.call('dues.saveFees', { year: 2027, fees: [{ membershipTypeId: 1, amount: 30000, dueOn: '2027-03-31' }] });
}

describe('Autogiro: mandates, payment orders and the bank’s answers, round trip', () => {
  it('requests mandates, reads the advice, debits the year’s dues and books the payment report', async () => {
    await setUp();
    const anna = await d.member({ firstName: 'Anna', lastName: 'Åberg' });
    const bo = await d.member({ firstName: 'Bo', lastName: 'Berg' });
    await d.member({ firstName: 'Cia', lastName: 'Ek' }); // pays by invoice
    const dan = await d.member({ firstName: 'Dan', lastName: 'Falk' });

    // A paper mandate (Swedbank's five-digit clearing), a digital one, and a member on autogiro with none.
    const ma = await d.call('directDebit.requestMandate', { memberId: anna.id, clearing: '8327-9', account: '12 345 678-9', idNumber: '19880320-0016' });
    expect(ma).toMatchObject({ payerNumber: String(anna.memberNumber), status: 'requested', pending: 'new', account: '8327000123456789', idNumber: '198803200016' });
    await d.call('directDebit.requestMandate', { memberId: bo.id });
    await d.call('dues.setDirectDebit', { memberId: dan.id, kind: 'autogiro' });
    expect((await d.call('dues.directDebit', { memberId: anna.id })).kind).toBe('autogiro');
    expect(fieldCodes(await d.result('directDebit.requestMandate', { memberId: anna.id }))).toEqual({ memberId: 'mandate-exists' });

    const mandateFile = await d.call('directDebit.mandateFile', { path: join(d.t.dir, 'medgivanden') });
    expect(mandateFile).toMatchObject({ path: join(d.t.dir, 'medgivanden.txt'), created: 2, cancelled: 0 });
    expect(await lines(mandateFile.path)).toEqual([
      `0120270110AUTOGIRO${' '.repeat(44)}123456${OUR_BG}  `,
      `04${OUR_BG}${String(anna.memberNumber).padStart(16, '0')}8327000123456789198803200016`.padEnd(80),
      `04${OUR_BG}${String(bo.memberNumber).padStart(16, '0')}`.padEnd(80),
    ]);
    expect((await d.call('directDebit.mandates', {})).mandates.map((m) => [m.memberId, m.pending, m.sentOn])).toEqual([
      [bo.id, null, '2027-01-10'], // name order: Berg before Åberg
      [anna.id, null, '2027-01-10'],
    ]);
    expect(fieldCodes(await d.result('directDebit.mandateFile', { path: join(d.t.dir, 'again') }))).toBe('conflict:nothing-to-send');

    // Bankgirot: Anna's mandate is in place (32), Bo's refused (05: wrong account or person number).
    const advice = await d.file('medavi.txt', adviceFile(OUR_BG, '2027-01-14', [
      { payer: anna.memberNumber, info: '04', status: '32' },
      { payer: bo.memberNumber, info: '04', status: '05' },
      { payer: 99999, info: '04', status: '32' },
    ]));
    d.setToday('2027-01-15');
    expect(await d.call('directDebit.importMandateAdvice', { path: advice })).toMatchObject({ activated: 1, rejected: 1, cancelled: 0, unchanged: 0, unknown: ['99999'] });
    const list = await d.call('directDebit.mandates', {});
    expect(list.mandates.map((m) => [m.memberId, m.status, m.statusCode, m.statusOn])).toEqual([
      [bo.id, 'rejected', '05', '2027-01-14'],
      [anna.id, 'active', '32', '2027-01-14'],
    ]);
    expect(list.withoutMandate.map((m) => m.memberId)).toEqual([dan.id]);
    expect(await d.call('directDebit.mandate', { memberId: anna.id })).toMatchObject({ status: 'active', statusCode: '32' });
    expect(await d.call('directDebit.mandate', { memberId: dan.id })).toBeNull();
    expect(await d.call('dues.directDebit', { memberId: anna.id })).toMatchObject({ kind: 'autogiro', since: '2027-01-14' });
    expect((await d.call('dues.directDebit', { memberId: bo.id })).kind).toBe('none'); // back to paying by invoice
    expect(fieldCodes(await d.result('directDebit.importMandateAdvice', { path: advice }))).toEqual({ path: 'file-already-imported' });

    // The invoice run leaves the autogiro members out; Bo (refused) and Cia get invoices.
    const run = await d.call('dues.run', { year: 2027, invoiceDate: '2027-01-15' });
    expect(run.invoices).toBe(2);

    const preview = await d.call('directDebit.ordersPreview', { year: 2027, debitOn: '2027-02-26' });
    expect(preview).toMatchObject({ kind: 'autogiro', count: 1, total: 30000, unsent: 0, blocking: [] });
    expect(preview.orders.map((o) => o.member.memberId)).toEqual([anna.id]);
    expect(preview.excluded.map((e) => [e.memberId, e.reason])).toEqual([[dan.id, 'no-active-mandate']]);
    expect((await d.call('directDebit.ordersPreview', { year: 2027, debitOn: '2027-01-15' })).blocking).toEqual([{ field: 'debitOn', code: 'debit-date-too-early' }]);

    const exported = await d.call('directDebit.exportOrders', { year: 2027, debitOn: '2027-02-26', path: join(d.t.dir, 'betalningar.txt') });
    expect(exported).toMatchObject({ count: 1, total: 30000 });
    const [order] = await d.call('directDebit.orders', { year: 2027 });
    expect(order).toMatchObject({ kind: 'autogiro', member: { memberId: anna.id }, amount: 30000, debitOn: '2027-02-26', status: 'sent' });
    const invoice = await d.call('dues.invoice', { id: order.invoiceId });
    expect(invoice).toMatchObject({ status: 'open', total: 30000, dueOn: '2027-02-26', runId: null });
    expect(await lines(exported.path)).toEqual([
      `0120270115AUTOGIRO${' '.repeat(44)}123456${OUR_BG}  `,
      `82202702260    ${String(anna.memberNumber).padStart(16, '0')}000000030000${OUR_BG}${invoice.reference.padEnd(16)}`.padEnd(80),
    ]);
    // Exporting again creates nothing new: Anna is invoiced for the year already.
    expect(fieldCodes(await d.result('directDebit.exportOrders', { year: 2027, debitOn: '2027-02-26', path: join(d.t.dir, 'igen.txt') }))).toBe('conflict:nothing-to-send');

    // Bankgirot's payment specification after the debit day: paid.
    d.setToday('2027-02-27');
    const report = await d.file('bet-spec.txt', reportFile(OUR_BG, '2027-02-26', [{ payer: anna.memberNumber, amount: 30000, reference: invoice.reference }]));
    expect(await d.call('directDebit.importReport', { path: report })).toMatchObject({ paid: 1, paidTotal: 30000, failed: 0, alreadyBooked: 0, unmatched: [] });
    expect(await d.call('dues.invoice', { id: invoice.id })).toMatchObject({ status: 'paid', owed: 0, payments: [{ method: 'autogiro', amount: 30000, paidOn: '2027-02-26', reference: invoice.reference }] });
    expect((await d.call('directDebit.orders', { year: 2027 }))[0].status).toBe('paid');
    expect(fieldCodes(await d.result('directDebit.importReport', { path: report }))).toEqual({ path: 'file-already-imported' });

    // The same answers in another file (re-sent by the bank) are recognised, not booked twice.
    const resent = await d.file('bet-spec-2.txt', reportFile(OUR_BG, '2027-02-26', [{ payer: anna.memberNumber, amount: 30000, reference: invoice.reference }]) + '\r\n');
    expect(await d.call('directDebit.importReport', { path: resent })).toMatchObject({ paid: 0, alreadyBooked: 1 });
    expect((await d.call('dues.invoice', { id: invoice.id })).payments).toHaveLength(1);
    expect((await d.call('directDebit.files', {})).map((f) => [f.kind, f.direction, f.records, f.amount])).toEqual([
      ['ag-report', 'import', 1, 30000],
      ['ag-report', 'import', 1, 30000],
      ['ag-payments', 'export', 1, 30000],
      ['ag-advice', 'import', 3, 0],
      ['ag-mandates', 'export', 2, 0],
    ]);
  });

  it('leaves a failed debit owed, makes a refunded one owed again, and cancels mandates', async () => {
    await setUp();
    const a = await d.member({ firstName: 'Åsa', lastName: 'Nilsson' });
    const b = await d.member({ firstName: 'Björn', lastName: 'Olsson' });
    for (const m of [a, b]) await d.call('directDebit.requestMandate', { memberId: m.id });
    await d.call('directDebit.mandateFile', { path: join(d.t.dir, 'm.txt') });
    await d.call('directDebit.importMandateAdvice', {
      path: await d.file('a.txt', adviceFile(OUR_BG, '2027-01-10', [a, b].map((m) => ({ payer: m.memberNumber, info: '04', status: '32' })))),
    });
    await d.call('directDebit.exportOrders', { year: 2027, debitOn: '2027-01-28', path: join(d.t.dir, 'p.txt') });
    const orders = await d.call('directDebit.orders', { year: 2027 });
    const ref = (id: number) => orders.find((o) => o.member.memberId === id)!;
    const inv = async (id: number) => d.call('dues.invoice', { id: ref(id).invoiceId });

    d.setToday('2027-02-01');
    const report = reportFile(OUR_BG, '2027-01-28', [
      { payer: a.memberNumber, amount: 30000, reference: (await inv(a.id)).reference },
      { payer: b.memberNumber, amount: 30000, reference: (await inv(b.id)).reference, status: '1' },
    ]);
    expect(await d.call('directDebit.importReport', { path: await d.file('r1.txt', report) })).toMatchObject({ paid: 1, failed: 1 });
    expect((await inv(b.id)).status).toBe('open'); // no cover: still owed, reminders will find it
    expect((await d.call('directDebit.orders', { year: 2027 })).find((o) => o.member.memberId === b.id)).toMatchObject({ status: 'failed', resultCode: '1' });

    // Åsa's bank refunds the debit (02: mandate revoked): the invoice is owed again.
    const refund = reportFile(OUR_BG, '2027-01-31', [], { refunds: [{ payer: a.memberNumber, amount: 30000, reference: (await inv(a.id)).reference, code: '02' }] });
    expect(await d.call('directDebit.importReport', { path: await d.file('r2.txt', refund) })).toMatchObject({ refunded: 1, refundedTotal: 30000 });
    expect(await inv(a.id)).toMatchObject({ status: 'open', paid: 0, owed: 30000 });

    // Cancelling an active mandate goes out in the next mandate file; the member pays by invoice again.
    expect(await d.call('directDebit.cancelMandate', { memberId: a.id })).toMatchObject({ status: 'active', pending: 'cancel' });
    const f = await d.call('directDebit.mandateFile', { path: join(d.t.dir, 'makulering.txt') });
    expect(f).toMatchObject({ created: 0, cancelled: 1 });
    expect((await lines(f.path))[1]).toBe(`03${OUR_BG}${String(a.memberNumber).padStart(16, '0')}`.padEnd(80));
    expect((await d.call('directDebit.mandates', {})).mandates.find((m) => m.memberId === a.id)).toMatchObject({ status: 'cancelled', pending: null });
    expect((await d.call('dues.directDebit', { memberId: a.id })).kind).toBe('none');
    expect(fieldCodes(await d.result('directDebit.cancelMandate', { memberId: a.id }))).toEqual({ memberId: 'no-mandate' });
  });

  it('needs the bankgiro and Bankgirot’s customer number, and refuses Autogiro in Norway', async () => {
    d = await ddTest('SE', '2027-01-10');
    const m = await d.member({ firstName: 'Eva', lastName: 'Lind' });
    await d.call('directDebit.requestMandate', { memberId: m.id });
    expect(fieldCodes(await d.result('directDebit.mandateFile', { path: join(d.t.dir, 'x') }))).toEqual({ bankgiro: 'bankgiro-required', bgcCustomerNumber: 'required' });
    expect(fieldCodes(await d.result('directDebit.requestMandate', { memberId: m.id + 1000 }))).toEqual({ memberId: 'member-not-found' });
    const other = await d.member({ firstName: 'Frans', lastName: 'Berg' });
    expect(fieldCodes(await d.result('directDebit.requestMandate', { memberId: other.id, clearing: '12', account: 'x', idNumber: '19880320-0018' }))).toEqual({
      clearing: 'clearing-format',
      account: 'account-format',
      idNumber: 'personnummer-check-digit',
    });
    expect(fieldCodes(await d.result('directDebit.requestMandate', { memberId: other.id, clearing: '3300', account: '123' }))).toEqual({ idNumber: 'mandate-account-and-id' });
    expect(fieldCodes(await d.result('directDebit.saveSettings', { bgcCustomerNumber: '12345' }))).toEqual({ bgcCustomerNumber: 'digits-length' });
    await d.t.dispose();

    d = await ddTest('NO', '2027-01-10');
    const n = await d.member({ firstName: 'Kari', lastName: 'Nordmann' });
    expect(fieldCodes(await d.result('directDebit.requestMandate', { memberId: n.id }))).toEqual({ country: 'direct-debit-country' });
  });
});
