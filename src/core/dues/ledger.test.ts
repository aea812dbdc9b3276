import { afterEach, describe, expect, it } from 'vitest';
import { fieldCodes } from '../test-support';
import { invoiceOwed, invoiceStatus, type StateInput } from './state';
import { ADDRESS, duesTest, SE_PAYMENT, type DuesTest } from './test-fixtures';

let d: DuesTest;
afterEach(() => d?.t.dispose());

async function yearOf(d: DuesTest, year: number, invoiceDate = `${year}-02-01`) {
  await d.call('dues.saveFees', { year, fees: [{ membershipTypeId: 1, amount: 30000, dueOn: `${year}-03-31` }] });
  return d.call('dues.run', { year, invoiceDate });
}

async function invoiceOf(d: DuesTest, memberId: number, year: number) {
  const { rows } = await d.call('dues.invoices', { memberId, year, kind: 'invoice' });
  return d.call('dues.invoice', { id: rows[0].id });
}

describe('carry-over', () => {
  it('puts last year’s unpaid dues on the new invoice, once, over two years, and marks the old one carried', async () => {
    d = await duesTest('SE', '2028-11-15');
    await d.call('dues.saveSettings', { ...SE_PAYMENT, associationName: 'F' });
    const payer = await d.member({ firstName: 'Åsa', lastName: 'Ödegård', ...ADDRESS.SE });
    const partly = await d.member({ firstName: 'Bo', lastName: 'Berg', ...ADDRESS.SE });
    const never = await d.member({ firstName: 'Cia', lastName: 'Ek', ...ADDRESS.SE });

    await yearOf(d, 2026);
    await d.call('dues.recordPayment', { invoiceId: (await invoiceOf(d, payer, 2026)).id, paidOn: '2026-02-10', amount: 30000, method: 'bankgiro' });
    await d.call('dues.recordPayment', { invoiceId: (await invoiceOf(d, partly, 2026)).id, paidOn: '2026-02-10', amount: 10000, method: 'swish' });

    const preview = await d.call('dues.preview', { year: 2027, invoiceDate: '2027-02-01' });
    expect(preview.invoiceCount).toBe(0); // no schedule yet: blocking, and nobody can be charged
    await yearOf(d, 2027);
    const old = await invoiceOf(d, never, 2026);
    const neverNew = await invoiceOf(d, never, 2027);
    expect(neverNew.lines.map((l) => [l.kind, l.amount, l.description])).toEqual([
      ['fee', 30000, 'Medlemsavgift 2027 – Fullvärdig'],
      ['carried', 30000, `Obetald medlemsavgift 2026 (faktura ${old.number})`],
    ]);
    expect(neverNew.total).toBe(60000);
    expect(await d.call('dues.invoice', { id: old.id })).toMatchObject({ status: 'carried', owed: 0, carriedToId: neverNew.id });
    const partlyNew = await invoiceOf(d, partly, 2027);
    expect(partlyNew.lines.find((l) => l.kind === 'carried')?.amount).toBe(20000);
    expect((await invoiceOf(d, payer, 2027)).lines.map((l) => l.kind)).toEqual(['fee']);
    // Not owed twice: the member's balance is the new invoice only.
    expect((await d.call('dues.account', { memberId: never })).balance).toBe(60000);
    expect((await d.call('dues.preview', { year: 2027, invoiceDate: '2027-03-01' })).carriedTotal).toBe(0);

    // A second unpaid year: 2027's invoice (with 2026 inside it) moves onto 2028's.
    await yearOf(d, 2028);
    const third = await invoiceOf(d, never, 2028);
    expect(third.lines.map((l) => [l.kind, l.amount])).toEqual([['fee', 30000], ['carried', 60000]]);
    expect((await d.call('dues.account', { memberId: never })).balance).toBe(90000);
    expect((await d.call('dues.invoice', { id: old.id })).carriedToId).toBe(neverNew.id);

    // Crediting the newest invoice makes what it carried owed again where it came from.
    const note = await d.call('dues.credit', { invoiceId: third.id });
    expect(note).toMatchObject({ kind: 'creditNote', total: -90000, status: 'creditNote', creditsInvoiceId: third.id, reference: third.reference });
    expect(await d.call('dues.invoice', { id: neverNew.id })).toMatchObject({ status: 'open', owed: 60000, carriedToId: null });
    expect((await d.call('dues.account', { memberId: never })).balance).toBe(60000);
  });
});

describe('payments, credit and write-off', () => {
  it('derives the status from payments, refuses bad payments, and credits or writes off only what may be', async () => {
    d = await duesTest();
    await d.call('dues.saveSettings', { ...SE_PAYMENT, associationName: 'F' });
    const a = await d.member({ firstName: 'Åsa', lastName: 'Ödegård', ...ADDRESS.SE });
    const b = await d.member({ firstName: 'Bo', lastName: 'Berg', ...ADDRESS.SE });
    const c = await d.member({ firstName: 'Cia', lastName: 'Ek', ...ADDRESS.SE });
    await yearOf(d, 2026);
    const inv = await invoiceOf(d, a, 2026);

    expect(fieldCodes(await d.result('dues.recordPayment', { invoiceId: inv.id, paidOn: '2026-02-10', amount: 0, method: 'cash' }))).toEqual({ amount: 'amount-not-positive' });
    expect(fieldCodes(await d.result('dues.recordPayment', { invoiceId: inv.id, paidOn: '2026-12-01', amount: 100, method: 'cash' }))).toEqual({ paidOn: 'date-in-future' });
    expect(fieldCodes(await d.result('dues.recordPayment', { invoiceId: inv.id, memberId: b, paidOn: '2026-02-10', amount: 100, method: 'cash' }))).toEqual({ memberId: 'member-not-on-invoice' });
    expect(fieldCodes(await d.result('dues.recordPayment', { paidOn: '2026-02-10', amount: 100, method: 'cash' }))).toEqual({ invoiceId: 'invoice-or-member-required' });

    const p1 = await d.call('dues.recordPayment', { invoiceId: inv.id, paidOn: '2026-02-10', amount: 10000, method: 'swish', reference: inv.reference });
    expect(p1).toMatchObject({ invoiceId: inv.id, invoiceNumber: inv.number, memberId: a, amount: 10000, method: 'swish' });
    expect(await d.call('dues.invoice', { id: inv.id })).toMatchObject({ status: 'partlyPaid', paid: 10000, owed: 20000 });
    const p2 = await d.call('dues.recordPayment', { invoiceId: inv.id, paidOn: '2026-02-11', amount: 20000, method: 'bankgiro' });
    expect(await d.call('dues.invoice', { id: inv.id })).toMatchObject({ status: 'paid', owed: 0 });
    await d.call('dues.recordPayment', { invoiceId: inv.id, paidOn: '2026-02-12', amount: 500, method: 'cash' });
    const over = await d.call('dues.invoice', { id: inv.id });
    expect(over).toMatchObject({ status: 'overPaid', owed: 0, paid: 30500 });
    expect(over.payments.map((p) => p.amount)).toEqual([500, 20000, 10000]);
    expect((await d.call('dues.account', { memberId: a })).balance).toBe(-500);
    await d.call('dues.removePayment', { id: p2.id });
    expect(await d.call('dues.invoice', { id: inv.id })).toMatchObject({ status: 'partlyPaid', owed: 19500 });
    expect(fieldCodes(await d.result('dues.writeOff', { invoiceId: inv.id, on: '2026-01-01' }))).toEqual({ on: 'date-before-invoice' });

    // Write off the rest: nothing more owed; not again, and no credit of a written-off invoice.
    const off = await d.call('dues.writeOff', { invoiceId: inv.id, on: '2026-06-01', note: 'Flyttat utomlands' });
    expect(off).toMatchObject({ status: 'writtenOff', owed: 0, writtenOffOn: '2026-06-01', note: 'Flyttat utomlands' });
    expect(fieldCodes(await d.result('dues.writeOff', { invoiceId: inv.id }))).toEqual({ invoiceId: 'invoice-not-open' });
    expect(fieldCodes(await d.result('dues.credit', { invoiceId: inv.id }))).toEqual({ invoiceId: 'invoice-not-creditable' });

    // Credit: a credit note with the next number; the invoice owes nothing; a paid credit is owed back.
    const bInv = await invoiceOf(d, b, 2026);
    await d.call('dues.recordPayment', { invoiceId: bInv.id, paidOn: '2026-02-10', amount: 30000, method: 'bankgiro' });
    const note = await d.call('dues.credit', { invoiceId: bInv.id, on: '2026-03-01' });
    expect(note).toMatchObject({ number: '4', kind: 'creditNote', issuedOn: '2026-03-01', total: -30000, owed: 0, creditsInvoiceId: bInv.id });
    expect(note.lines.map((l) => [l.kind, l.amount])).toEqual([['credit', -30000]]);
    expect(await d.call('dues.invoice', { id: bInv.id })).toMatchObject({ status: 'credited', owed: 0, creditedById: note.id });
    expect((await d.call('dues.account', { memberId: b })).balance).toBe(-30000);
    expect(fieldCodes(await d.result('dues.credit', { invoiceId: bInv.id }))).toEqual({ invoiceId: 'invoice-not-creditable' });
    expect(fieldCodes(await d.result('dues.credit', { invoiceId: note.id }))).toEqual({ invoiceId: 'invoice-not-creditable' });
    expect(fieldCodes(await d.result('dues.recordPayment', { invoiceId: note.id, paidOn: '2026-03-02', amount: 1, method: 'cash' }))).toEqual({ invoiceId: 'invoice-is-credit-note' });

    // A credited member is not invoiced again unless asked.
    const again = await d.call('dues.preview', { year: 2026, invoiceDate: '2026-04-01' });
    expect(again.excluded.find((e) => e.memberId === b)?.reason).toBe('credited');
    expect((await d.call('dues.preview', { year: 2026, invoiceDate: '2026-04-01', includeCredited: true })).invoices.map((i) => i.member.memberId)).toEqual([b]);

    expect((await d.call('dues.invoices', { year: 2026, status: ['open'] })).rows.map((r) => r.member.memberId)).toEqual([c]);
    const log = await d.call('dues.log', { year: 2026 });
    expect(log.map((e) => e.kind).sort()).toEqual(['credit', 'run', 'writeOff']);
    expect(log.find((e) => e.kind === 'credit')).toMatchObject({ amount: -30000, label: '4' });
    // Intl puts a no-break space before "kr".
    const history = (await d.call('history.list', { memberId: b })).rows.map((h) => [h.field, h.oldValue, h.newValue?.replace(/\s/g, ' ') ?? null]);
    expect(history).toContainEqual(['duesCreditNote', bInv.number, '4']);
    expect(history).toContainEqual(['duesPayment', null, '300,00 kr']);
    const years = await d.call('dues.years', {});
    expect(years).toEqual([{ year: 2026, hasFees: true, runs: 1, invoices: 3, invoicedTotal: 60000, paidTotal: 40500, owedTotal: 30000, roundsRun: 0, roundsTotal: 3 }]);
  });

  it('keeps the TypeScript and SQL status rules in step', async () => {
    const cases: [StateInput, string, number][] = [
      [{ kind: 'invoice', total: 100, paid: 0, creditedById: null, writtenOffOn: null, carriedToId: null }, 'open', 100],
      [{ kind: 'invoice', total: 100, paid: 40, creditedById: null, writtenOffOn: null, carriedToId: null }, 'partlyPaid', 60],
      [{ kind: 'invoice', total: 100, paid: 100, creditedById: null, writtenOffOn: null, carriedToId: null }, 'paid', 0],
      [{ kind: 'invoice', total: 100, paid: 120, creditedById: null, writtenOffOn: null, carriedToId: null }, 'overPaid', 0],
      [{ kind: 'invoice', total: 100, paid: 40, creditedById: 9, writtenOffOn: null, carriedToId: null }, 'credited', 0],
      [{ kind: 'invoice', total: 100, paid: 40, creditedById: null, writtenOffOn: '2026-01-01', carriedToId: null }, 'writtenOff', 0],
      [{ kind: 'invoice', total: 100, paid: 40, creditedById: null, writtenOffOn: null, carriedToId: 7 }, 'carried', 0],
      [{ kind: 'creditNote', total: -100, paid: 0, creditedById: null, writtenOffOn: null, carriedToId: null }, 'creditNote', 0],
    ];
    for (const [input, status, owed] of cases) {
      expect([invoiceStatus(input), invoiceOwed(input)]).toEqual([status, owed]);
    }
    // The SQL side over the same cases, through real rows.
    d = await duesTest();
    await d.call('dues.saveSettings', { ...SE_PAYMENT, associationName: 'F' });
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push(await d.member({ firstName: `M${i}`, lastName: 'Ö', ...ADDRESS.SE }));
    await yearOf(d, 2026);
    const [x, y, z] = await Promise.all(ids.map((id) => invoiceOf(d, id, 2026)));
    await d.call('dues.recordPayment', { invoiceId: x.id, paidOn: '2026-02-10', amount: 12000, method: 'cash' });
    await d.call('dues.writeOff', { invoiceId: y.id });
    await d.call('dues.recordPayment', { invoiceId: z.id, paidOn: '2026-02-10', amount: 30000, method: 'cash' });
    const rows = (await d.call('dues.invoices', { year: 2026 })).rows;
    for (const r of rows) {
      expect([r.status, r.owed]).toEqual([invoiceStatus({ ...r, creditedById: r.creditedById, writtenOffOn: r.writtenOffOn, carriedToId: r.carriedToId }), invoiceOwed(r)]);
    }
    expect(rows.map((r) => r.status).sort()).toEqual(['paid', 'partlyPaid', 'writtenOff']);
  });
});
