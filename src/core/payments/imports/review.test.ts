import { afterEach, describe, expect, it } from 'vitest';
import { fieldCodes } from '../../test-support';
import { writeBgMax } from '../test-support/bank-file-writers';
import { paymentsTest, SE_BANKGIRO, type PaymentsTest } from '../test-support/fixture';

let p: PaymentsTest;
afterEach(() => p?.t.dispose());

const statusOf = async (p: PaymentsTest, id: number) => (await p.call('dues.invoice', { id })).status;
const bgmax = (p: PaymentsTest, name: string, payments: Parameters<typeof writeBgMax>[2], serialStart = 1) =>
  p.put(name, writeBgMax(SE_BANKGIRO, '2026-03-10', payments, { serialStart }));

describe('review: suggestions, assign, leave, reopen', () => {
  it('suggests by member number or invoice reference in the message, by name, and for a paid invoice the member credit', async () => {
    p = await paymentsTest('SE');
    const [a, b, c, d] = p.invoices;
    await p.call('dues.recordPayment', { invoiceId: d.id, paidOn: '2026-03-01', amount: 25000, method: 'swish' });
    const path = await bgmax(p, 'f.txt', [
      { reference: null, amount: 25000, message: `Medlem ${a.member.memberNumber}` },
      { reference: null, amount: 25000, message: `Faktura ${b.reference}` },
      { reference: null, amount: 20000, name: 'CECILIA EK' },
      { reference: d.reference, amount: 25000 },
      { reference: null, amount: 777, name: 'Okänd' },
    ]);
    await p.call('payments.import', { path });
    const items = await p.call('payments.review', {});
    expect(items.map((i) => i.suggestions.map((s) => [s.invoiceNumber, s.member.memberId, s.reasons]))).toEqual([
      [[a.number, a.member.memberId, ['member-number', 'amount']]],
      [[b.number, b.member.memberId, ['reference-in-message', 'amount']]],
      [[c.number, c.member.memberId, ['name']]],
      [[null, d.member.memberId, ['reference-not-open']]],
      [],
    ]);
    // Candidates the treasurer searches for by name, number or reference.
    expect((await p.call('payments.candidates', { query: 'ödegård' })).map((x) => x.invoiceNumber)).toEqual([a.number, null]);
    expect((await p.call('payments.candidates', { query: b.reference })).map((x) => x.invoiceId)).toEqual([b.id]);

    // Assign part-payment to Cecilia's invoice; the unknown one is left; the paid one becomes credit.
    await p.call('payments.assign', { itemId: items[2].id, invoiceId: c.id });
    expect(await statusOf(p, c.id)).toBe('partlyPaid');
    await p.call('payments.leave', { itemId: items[4].id, note: 'Frågat banken' });
    await p.call('payments.assign', { itemId: items[3].id, memberId: d.member.memberId });
    expect((await p.call('dues.account', { memberId: d.member.memberId })).balance).toBe(-25000);
    expect((await p.call('payments.review', {})).map((i) => i.id)).toEqual([items[0].id, items[1].id]);
    const decided = await p.call('payments.review', { status: ['assigned', 'left'] });
    expect(decided.map((i) => [i.status, i.note])).toEqual([['assigned', null], ['assigned', null], ['left', 'Frågat banken']]);

    // Decisions are refused twice; reopen puts one back and removes what it booked.
    expect(fieldCodes(await p.result('payments.assign', { itemId: items[2].id, invoiceId: c.id }))).toEqual({ itemId: 'item-not-in-review' });
    expect(fieldCodes(await p.result('payments.assign', { itemId: items[0].id }))).toEqual({ invoiceId: 'invoice-or-member-required' });
    const reopened = await p.call('payments.reopen', { itemId: items[2].id });
    expect(reopened).toMatchObject({ status: 'review', allocations: [] });
    expect(await statusOf(p, c.id)).toBe('open');
  });

  it('a payment of several invoices: split when it pays them all, else review', async () => {
    p = await paymentsTest('SE');
    const [a, b, c, d] = p.invoices;
    const path = await bgmax(p, 'f.txt', [
      { reference: a.reference, amount: 50000, extra: [{ reference: b.reference, amount: 0 }] },
      { reference: c.reference, amount: 30000, extra: [{ reference: d.reference, amount: 0 }] },
    ]);
    const r = await p.call('payments.import', { path });
    expect([r.matched.count, r.review.count]).toEqual([1, 1]);
    expect([await statusOf(p, a.id), await statusOf(p, b.id), await statusOf(p, c.id)]).toEqual(['paid', 'paid', 'open']);
    const [item] = await p.call('payments.review', {});
    expect(item.suggestions.map((s) => [s.invoiceId, s.reasons])).toEqual([[c.id, ['reference']], [d.id, ['reference']]]);
  });

  it('deductions and other currencies stay in review, can only be left', async () => {
    p = await paymentsTest('SE');
    const path = await p.put('eur.txt', writeBgMax(SE_BANKGIRO, '2026-03-10', [{ reference: p.invoices[0].reference, amount: 2500 }], { currency: 'EUR' }));
    await p.call('payments.import', { path });
    const [item] = await p.call('payments.review', {});
    expect(item).toMatchObject({ blocked: 'currency', currency: 'EUR', suggestions: [] });
    expect(fieldCodes(await p.result('payments.assign', { itemId: item.id, invoiceId: p.invoices[0].id }))).toEqual({ itemId: 'item-blocked' });
    expect((await p.call('payments.leave', { itemId: item.id })).status).toBe('left');
    expect(await statusOf(p, p.invoices[0].id)).toBe('open');
  });
});

describe('undo an import', () => {
  it('removes its payments and assignments in one step, and the file can be imported again', async () => {
    p = await paymentsTest('SE');
    const [a, b] = p.invoices;
    const path = await bgmax(p, 'f.txt', [{ reference: a.reference, amount: 30000 }, { reference: null, amount: 25000, name: 'Bo Berg' }]);
    const imp = await p.call('payments.import', { path });
    const [item] = await p.call('payments.review', {});
    await p.call('payments.assign', { itemId: item.id, invoiceId: b.id });
    const undone = await p.call('payments.undoImport', { importId: imp.id });
    expect(undone).toMatchObject({ undoneAt: expect.any(String), undoBlocked: 'undone', matched: { count: 0 } });
    expect([await statusOf(p, a.id), await statusOf(p, b.id)]).toEqual(['open', 'open']);
    expect((await p.call('dues.account', { memberId: a.member.memberId })).balance).toBe(25000);
    expect(await p.call('payments.review', {})).toEqual([]);
    expect(fieldCodes(await p.result('payments.undoImport', { importId: imp.id }))).toEqual({ importId: 'undone' });
    // The same file again: not a duplicate any more.
    expect((await p.call('payments.import', { path })).matched.count).toBe(1);
    expect((await p.call('payments.imports', {})).map((i) => i.undoneAt === null)).toEqual([true, false]);
  });

  it('is refused, with nothing removed, while a later payment or change depends on it', async () => {
    p = await paymentsTest('SE');
    const [a, b, c] = p.invoices;
    const first = await p.call('payments.import', { path: await bgmax(p, '1.txt', [{ reference: a.reference, amount: 10000 }, { reference: b.reference, amount: 25000 }, { reference: c.reference, amount: 25000 }]) });
    // The rest of invoice a, paid in a later file: it was booked knowing the first part was there.
    const second = await p.call('payments.import', { path: await bgmax(p, '2.txt', [{ reference: a.reference, amount: 15000 }], 10) });
    expect((await p.call('payments.imports', {})).map((i) => [i.id, i.undoBlocked, i.blockedBy])).toEqual([
      [second.id, null, []],
      [first.id, 'later-payments', [a.number]],
    ]);
    const r = await p.result('payments.undoImport', { importId: first.id });
    expect(r.ok ? 'ok' : [r.error.details?.reason, r.error.details?.invoices]).toEqual(['later-payments', a.number]);
    expect(await statusOf(p, b.id)).toBe('paid');
    // Undo the later one first, then the first can go — unless an invoice it paid was credited since.
    await p.call('payments.undoImport', { importId: second.id });
    await p.call('dues.credit', { invoiceId: c.id });
    expect(fieldCodes(await p.result('payments.undoImport', { importId: first.id }))).toEqual({ importId: 'invoice-changed' });
    expect(await statusOf(p, b.id)).toBe('paid');
  });
});

describe('CSV reports through the contract', () => {
  it('inspects the columns, previews with the mapping, imports as Swish payments', async () => {
    p = await paymentsTest('SE');
    const [a, b] = p.invoices;
    const path = await p.put('swish.csv', `Bokföringsdag;Belopp;Avsändare;Meddelande;Referens\n2026-03-10;250,00;Åsa Ödegård;;${a.reference}\n2026-03-11;250,00;Bo Berg;medlem ${b.member.memberNumber};\n`);
    const info = await p.call('payments.inspect', { path });
    expect(info).toMatchObject({ format: 'csv', csv: { headerRow: 1, suggested: { date: 0, amount: 1, name: 2, message: 3, reference: 4, transactionId: null } } });
    expect(fieldCodes(await p.result('payments.preview', { path }))).toEqual({ csv: 'csv-mapping-required' });
    const csv = { columns: info.csv!.suggested, method: 'swish' as const };
    const preview = await p.call('payments.preview', { path, csv });
    expect([preview.format, preview.control, preview.matched.count, preview.review.count]).toEqual(['csv', null, 1, 1]);
    await p.call('payments.import', { path, csv });
    expect((await p.call('dues.invoice', { id: a.id })).payments[0]).toMatchObject({ method: 'swish', amount: 25000 });
  });
});
